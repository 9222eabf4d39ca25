import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { OWNER_STATE } from "./owner";
import { createTrack, TRACK_MODEL } from "./tracks";

// No page scrolls sideways on a phone, in any state: every page at 360, 390 and 430 px, with a
// mobile viewport (as a phone lays it out). The measure is the document's scroll width against
// the device's width: with a mobile viewport the layout viewport grows to fit what overflows,
// so `innerWidth` would grow with the bug and hide it. Failures are soft, so one run lists every
// page and state that overflows, with the elements that stick out.

const WIDTHS = [360, 390, 430] as const;
// A word longer than a phone is wide, where a title or prompt could refuse to wrap.
const LONG_WORD = "Supercalifragilisticexpialidociousorchestralcrescendo";

test.describe.configure({ timeout: 240_000 });

/** The document's width, and what sticks out past `width` (for the failure message). */
async function expectNoSidewaysScroll(page: Page, width: number, state: string) {
  await page.waitForTimeout(250);
  const { scrollWidth, culprits } = await page.evaluate((device) => {
    const sticking = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((element) => element.getBoundingClientRect().right > device + 0.5 && element.getClientRects().length > 0)
      // Only the innermost: their parents stick out because of them.
      .filter((element, _, all) => !all.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].slice(0, 4).join(".")} → ${Math.round(element.getBoundingClientRect().right)} px`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits: sticking };
  }, width);
  expect.soft(scrollWidth, `${state} at ${width} px is ${scrollWidth} px wide: ${culprits.join("; ")}`).toBeLessThanOrEqual(width);
}

async function phone(browser: Browser, width: number, signedIn: boolean): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    storageState: signedIn ? OWNER_STATE : { cookies: [], origins: [] },
  });
}

test("no page scrolls sideways on a phone: studio (empty, running, finished, refused), library, track page, dialogs, player, team, ledger, account, 404s, sign-in, share", async ({ browser, request }) => {
  const trackId = await createTrack(request, `${LONG_WORD} strings swelling over a long held note`);
  const share = await request.post(`/api/tracks/${trackId}/shares`, { data: {} });
  expect(share.status(), await share.text()).toBe(201);
  const shareUrl = new URL(((await share.json()) as { url: string }).url);
  const invite = await request.post("/api/team/invites", { data: { role: "member" } });
  expect(invite.status(), await invite.text()).toBe(201);
  const inviteUrl = new URL(((await invite.json()) as { url: string }).url);

  for (const width of WIDTHS) {
    const owner = await phone(browser, width, true);
    const page = await owner.newPage();

    await page.goto("/");
    await expect(page.getByLabel("Model", { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the studio");
    // A running job, then the same job finished, with a title that will not wrap by itself.
    await page.getByLabel("Model", { exact: true }).selectOption(TRACK_MODEL);
    await page.getByLabel("Prompt", { exact: true }).fill(`${LONG_WORD}${width} brass fanfare`);
    await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
    await page.getByRole("button", { name: /^Create/ }).click();
    const card = page.getByTestId("job-batch").first();
    await expect(card).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the studio with a job in flight");
    await expect(card.getByTestId("job").first()).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
    await expectNoSidewaysScroll(page, width, "the studio with a finished job and its toast");
    // The player open, from the finished take.
    await card.getByRole("button", { name: /^Play / }).first().click();
    await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the studio with the player open");
    // A refused job (the simulator fails it).
    await page.getByLabel("Prompt", { exact: true }).fill(`[sim:fail] ${LONG_WORD} thunder`);
    await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
    await page.getByRole("button", { name: /^Create/ }).click();
    await expect(page.locator('[data-testid="job"][data-status="failed"]').first()).toBeVisible({ timeout: 45_000 });
    await expectNoSidewaysScroll(page, width, "the studio with a failed job");

    await page.goto("/library");
    await expect(page.getByTestId("track-row").first()).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the library");
    await page.getByTestId("track-row").first().getByRole("button", { name: /^Share / }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the library's share dialog");
    await page.keyboard.press("Escape");

    await page.goto(`/tracks/${trackId}`);
    await expect(page.getByTestId("artwork-slot")).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the track page");
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the track page's delete confirmation");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await expect(page.getByRole("region", { name: "Player" })).toHaveAttribute("data-track-id", trackId);
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await expectNoSidewaysScroll(page, width, "the shortcuts dialog");
    await page.keyboard.press("Escape");

    for (const [path, state] of [
      ["/team", "the team page"],
      ["/ledger", "the ledger"],
      ["/account", "the account page"],
      ["/tracks/6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11", "a missing track's 404"],
      [`/no-such-page-${LONG_WORD}`, "the studio's 404"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page, width, state);
    }
    await owner.close();

    const guest = await phone(browser, width, false);
    const visitor = await guest.newPage();
    for (const [path, state] of [
      ["/sign-in", "sign-in"],
      [inviteUrl.pathname + inviteUrl.search, "sign-up from an invite"],
      [shareUrl.pathname, "a share page"],
      [`/share/${"A".repeat(43)}`, "a share link's 404"],
    ] as const) {
      await visitor.goto(path);
      await expect(visitor.getByRole("heading").first()).toBeVisible();
      await expectNoSidewaysScroll(visitor, width, state);
    }
    await guest.close();
  }
});
