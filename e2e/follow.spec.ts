import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";

// Following jobs in flight, against the studio in demo mode (the simulator runs 20× faster
// and honours its fault markers): what each card says about a job that ended, and how a
// creator looking at another tab learns that a track is ready.

declare global {
  interface Window {
    /** Test switch for the page's visibility (see stubVisibility). */
    __pageHidden: boolean;
    /** Every Notification the page constructed, and every permission request. */
    __notifications: { title: string; body?: string }[];
    __permissionRequests: number;
  }
}

/**
 * Lets the test hide and show the page (document.hidden / visibilityState, plus the
 * visibilitychange event), and records notifications and permission requests while letting
 * them through to Chromium.
 */
async function instrumentPage(page: Page) {
  await page.addInitScript(() => {
    window.__pageHidden = false;
    Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => window.__pageHidden });
    Object.defineProperty(Document.prototype, "visibilityState", {
      configurable: true,
      get: () => (window.__pageHidden ? "hidden" : "visible"),
    });

    window.__notifications = [];
    window.__permissionRequests = 0;
    const RealNotification = window.Notification;
    class RecordedNotification extends RealNotification {
      constructor(title: string, options?: NotificationOptions) {
        window.__notifications.push({ title, body: options?.body });
        super(title, options);
      }
      static override get permission() {
        return RealNotification.permission;
      }
      static override requestPermission() {
        window.__permissionRequests++;
        return RealNotification.requestPermission();
      }
    }
    Object.defineProperty(window, "Notification", { configurable: true, writable: true, value: RecordedNotification });
  });
}

async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    window.__pageHidden = value;
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

async function create(page: Page, prompt: string) {
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await page.getByRole("button", { name: "Create" }).click();
  return page.getByTestId("job").filter({ hasText: prompt.replace(/ \[sim:[a-z-]+\]$/, "") });
}

async function openStudio(page: Page) {
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption("ace-step-15");
  await expect(page).toHaveTitle("Venice Studio");
}

test("a track ready while the tab is hidden: the title says so, a notification shows, the title comes back", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await instrumentPage(page);
  await openStudio(page);
  await page.getByLabel("Prompt", { exact: true }).fill("Hidden tab harbour waltz");
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");

  await setHidden(page, true);
  await page.getByRole("button", { name: "Create" }).click();
  const job = page.getByTestId("job").filter({ hasText: "Hidden tab harbour waltz" });
  await expect(page).toHaveTitle("✓ Track ready · Venice Studio", { timeout: 45_000 });
  await expect(job).toHaveAttribute("data-status", "completed");
  expect(await page.evaluate(() => window.__notifications)).toEqual([
    { title: "Track ready", body: "“Hidden tab harbour waltz” is in your library." },
  ]);
  await expect(page.getByRole("status").filter({ hasText: "“Hidden tab harbour waltz” is ready." })).toBeVisible();
  // Permission was granted up front: no offer, and never a request from the page.
  await expect(page.getByRole("button", { name: "Notify me when tracks are ready" })).toHaveCount(0);
  expect(await page.evaluate(() => window.__permissionRequests)).toBe(0);

  await setHidden(page, false);
  await expect(page).toHaveTitle("Venice Studio");
});

test("a track ready while the tab is in view: a toast only, the title and notifications stay quiet", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await instrumentPage(page);
  await openStudio(page);
  const job = await create(page, "Visible tab sunrise chorale");
  await expect(job).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  await expect(page.getByRole("status").filter({ hasText: "“Visible tab sunrise chorale” is ready." })).toBeVisible();
  await expect(page).toHaveTitle("Venice Studio");
  expect(await page.evaluate(() => window.__notifications)).toEqual([]);
});

test("notifications are offered once a job is listed, asked only on a click, and a refusal is remembered", async ({ page }) => {
  await instrumentPage(page);
  await openStudio(page);
  const offer = page.getByRole("button", { name: "Notify me when tracks are ready" });
  // Nothing on page load: neither the offer nor a permission prompt.
  await expect(page.getByText("Nothing is being made right now.")).toBeVisible();
  await expect(offer).toHaveCount(0);

  await create(page, "Offer test rainy jazz trio");
  await expect(offer).toBeVisible();
  expect(await page.evaluate(() => window.__permissionRequests)).toBe(0);
  await page.getByRole("group", { name: "Notifications" }).getByRole("button", { name: "No thanks" }).click();
  await expect(offer).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("venice-studio:notify-offer-dismissed"))).toBe("1");

  await page.reload();
  await create(page, "Offer test second rainy trio");
  await expect(page.getByTestId("job").first()).toBeVisible();
  await expect(offer).toHaveCount(0);
  expect(await page.evaluate(() => window.__permissionRequests)).toBe(0);

  // A browser that was not asked yet: the button asks, once, and goes away with the answer.
  await page.evaluate(() => localStorage.removeItem("venice-studio:notify-offer-dismissed"));
  await page.reload();
  await create(page, "Offer test third rainy trio");
  await offer.click();
  await expect(offer).toHaveCount(0);
  expect(await page.evaluate(() => window.__permissionRequests)).toBe(1);
  // Headless Chromium answers an unattended prompt with "denied".
  expect(await page.evaluate(() => Notification.permission)).toBe("denied");
});

test("ended jobs say what happened, what to do and whether money was spent", async ({ page }) => {
  await openStudio(page);
  const ready = await create(page, "Ended jobs ready lullaby");
  const refused = await create(page, "Ended jobs battle anthem [sim:violation]");
  const expired = await create(page, "Ended jobs expired tango [sim:expire]");
  const failed = await create(page, "Ended jobs failing fugue [sim:fail]");

  await expect(ready).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  await expect(ready.getByTestId("job-state")).toHaveText("Ready");
  // A take that went to plan says no money of its own: its batch says it once.
  await expect(ready.getByTestId("job-money")).toHaveCount(0);
  const readyBatch = page.getByTestId("job-batch").filter({ has: ready });
  await expect(readyBatch.getByTestId("batch-money")).toHaveText("Saved in your library · Venice charged $0.03");
  await expect(readyBatch.getByTestId("batch-money")).toHaveAttribute("data-money-spent", "yes");

  await expect(refused).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
  await expect(refused.getByTestId("job-state")).toHaveText("Refused by the content policy");
  await expect(refused.getByTestId("job-detail")).toHaveText(
    "Venice's content policy refused this prompt. Reword it, or use Venice's suggestion below, and create it again.",
  );
  await expect(refused.getByTestId("job-money")).toHaveText("Nothing was charged.");
  await expect(refused.getByRole("button", { name: "Use this prompt" })).toBeVisible();

  await expect(expired).toHaveAttribute("data-status", "expired", { timeout: 45_000 });
  await expect(expired.getByTestId("job-state")).toHaveText("Expired before it was saved");
  await expect(expired.getByTestId("job-detail")).toContainText("Create it again to get a new one.");
  await expect(expired.getByTestId("job-money")).toHaveText("Venice charged $0.03 for it; an expired track is not refunded.");
  await expect(expired.getByTestId("job-money")).toHaveAttribute("data-money-spent", "yes");

  // Venice's inference error repeats on every retrieve: the worker retries a few times
  // (shown as a wait on the card), then gives up and Venice refunds the job.
  await expect(failed.getByTestId("job-state")).toHaveText("Venice reported an error", { timeout: 45_000 });
  await expect(failed.getByTestId("job-detail")).toContainText("if the error stays, the job ends and Venice refunds it.");
  await failed.screenshot({ path: "e2e/artifacts/follow-retrying-job.png" });
  await expect(failed).toHaveAttribute("data-status", "failed", { timeout: 45_000 });
  await expect(failed.getByTestId("job-state")).toHaveText("Venice could not make this track");
  await expect(failed.getByTestId("job-money")).toHaveText("Venice refunded the $0.03 it charged.");
  await expect(failed.getByTestId("job-money")).toHaveAttribute("data-money-spent", "no");

  // The toast floats over the list: the pictures wait for it to go.
  await expect(page.getByRole("status").filter({ hasText: "is ready" })).toHaveCount(0, { timeout: 15_000 });
  const jobs = page.getByRole("region", { name: "Jobs in flight" });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await jobs.screenshot({ path: `e2e/artifacts/follow-ended-jobs-${scheme}.png` });
    await page.screenshot({ path: `e2e/artifacts/follow-page-${scheme}.png`, fullPage: true });
    // Every tone's colours, the notification offer and the cards read well in both schemes.
    await expectNoSeriousViolations(page, '[aria-labelledby="jobs-heading"]');
  }
});
