import { expect, test, type Page } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { createTrack, TRACK_MODEL, waitUntilIdle } from "./tracks";

// Listening where you create, against the studio in demo mode (the simulator runs 20× faster):
// a batch is one card in the jobs panel, its finished takes play in the player bar, it stays
// until dismissed (across reloads), the member's recent tracks sit under the jobs (a batch on a
// card is not listed there too, until its card is dismissed), and a visit
// after tracks finished with the page closed says so, once.

const SHOTS = { desktop: { width: 1280, height: 900 }, fullPage: true, settleMs: 300 };

// Each test makes tracks and takes pictures in both schemes at both sizes.
test.describe.configure({ timeout: 120_000 });

async function openStudio(page: Page) {
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption(TRACK_MODEL);
  // The recent tracks have loaded (the away notice is decided from them).
  await expect(recentTracks(page).getByText("Loading…")).toHaveCount(0);
}

const recentTracks = (page: Page) => page.getByRole("region", { name: "Your recent tracks" });
const playerBar = (page: Page) => page.getByRole("region", { name: "Player" });

/** Submits the form with `takes` takes; answers the batch's card in the jobs panel. */
async function submit(page: Page, prompt: string, takes: number) {
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  if (takes > 1) await page.getByRole("radio", { name: String(takes) }).check({ force: true });
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  const accepted = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/api/generations"));
  await page.getByRole("button", { name: /^Create/ }).click();
  const { batchId, quotedUsd } = (await (await accepted).json()) as { batchId: string; quotedUsd: number };
  return { batchId, quotedUsd, card: page.locator(`[data-testid="job-batch"][data-batch-id="${batchId}"]`) };
}

/** Closes the "is ready" toast, which floats over the page in the pictures. */
async function closeToast(page: Page) {
  const toast = page.getByRole("status").filter({ hasText: "ready." });
  if (await toast.count()) await toast.getByRole("button", { name: "Dismiss" }).click();
}

/** Opens the studio with no news: tracks earlier tests made (in other browser contexts) are this context's news once. */
async function openStudioSeen(page: Page) {
  // The list loaded is what moves the mark.
  const listed = async () => {
    await expect(recentTracks(page)).toBeVisible();
    await expect(recentTracks(page).getByText("Loading…")).toHaveCount(0);
  };
  await openStudio(page);
  await listed();
  await page.reload();
  await listed();
  await expect(page.getByTestId("away-notice")).toHaveCount(0);
}

test("a 2-take batch: one card, take 1 plays from it, it stays after a reload until dismissed, then the recent tracks list it", async ({ page }) => {
  await openStudioSeen(page);
  const { batchId, quotedUsd, card } = await submit(page, `Twin glass chimes ${Date.now()} in a cave`, 2);
  const takes = card.getByTestId("job");
  await expect(takes).toHaveCount(2);
  await expect(takes.nth(0)).toContainText("Take 1");
  await expect(takes.nth(1)).toContainText("Take 2");
  await expect(takes.nth(0)).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  await expect(takes.nth(1)).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  await expect(card).toContainText("2 takes, 2 ready");
  // The money once for the batch, the sum rounded up once as the form quoted it (2 × $0.01035 is
  // $0.03, where each take rounded up alone would be $0.02, $0.04 in all); none per take.
  const charged = `$${(Math.ceil(Math.round(quotedUsd * 1e6) / 1e4) / 100).toFixed(2)}`;
  await expect(card.getByTestId("batch-money")).toHaveText(`2 takes saved · Venice charged ${charged}`);
  await expect(card.getByTestId("job-money")).toHaveCount(0);

  // Play take 1 from its card: the player bar takes it and plays; the card's button pauses it.
  await card.getByRole("button", { name: /^Play Take 1 of / }).click();
  await expect(playerBar(page).getByRole("button", { name: /^Pause / })).toBeVisible();
  await expect(card.getByRole("button", { name: /^Pause Take 1 of / })).toBeVisible();
  await expect(page.getByTestId("player-current-time")).not.toHaveText("0:00", { timeout: 5_000 });
  const trackLink = takes.nth(0).getByRole("link", { name: /^Open Take 1 of / });
  await expect(trackLink).toHaveAttribute("href", /^\/tracks\/[0-9a-f-]{36}$/);
  await card.getByRole("button", { name: /^Pause Take 1 of / }).click();
  await expect(card.getByRole("button", { name: /^Play Take 1 of / })).toBeVisible();
  await closeToast(page);
  await checkAndShoot(page, "jobs-batch-finished", SHOTS);

  // The batch shows once: on its card, not in the recent tracks as well.
  const recent = recentTracks(page).locator(`[data-batch-id="${batchId}"]`);
  await expect(recent).toHaveCount(0);
  const take1Href = (await trackLink.getAttribute("href")) ?? "";

  // A reload keeps the finished batch, without telling again that it is ready.
  await page.reload();
  await expect(card.getByTestId("job")).toHaveCount(2);
  await expect(card.getByTestId("job").nth(1)).toHaveAttribute("data-status", "completed");
  await expect(recentTracks(page).getByText("Loading…")).toHaveCount(0);
  await expect(recent).toHaveCount(0);
  await card.getByRole("button", { name: /^Play Take 2 of / }).click();
  await expect(playerBar(page).getByRole("button", { name: /^Pause / })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "is ready" })).toHaveCount(0);
  await expect(page.getByTestId("away-notice")).toHaveCount(0);
  await checkAndShoot(page, "jobs-after-reload", SHOTS);

  // Dismissed: the card is gone, and the recent tracks list the batch now, both takes playable
  // and linked to their pages; the same after a reload.
  await card.getByRole("button", { name: /^Dismiss/ }).click();
  await expect(card).toHaveCount(0);
  await expect(recent.getByRole("link", { name: /^Take \d of / })).toHaveCount(2);
  await expect(recent.getByRole("link", { name: /^Take 1 of / })).toHaveAttribute("href", take1Href);
  await expect(recent.getByRole("button", { name: /^(Play|Pause) Take 2 of / })).toBeVisible();
  await page.reload();
  await expect(recent).toBeVisible();
  await expect(card).toHaveCount(0);
});

test("play when ready: off by default, remembered, and the first finished take plays by itself", async ({ page }) => {
  await openStudio(page);
  const toggle = page.getByRole("checkbox", { name: "Play when ready" });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await page.reload();
  await expect(toggle).toBeChecked();
  await page.getByLabel("Model", { exact: true }).selectOption(TRACK_MODEL);

  const { card } = await submit(page, `Autoplay door knock ${Date.now()} twice`, 1);
  await expect(card.getByTestId("job")).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  await expect(playerBar(page).getByRole("button", { name: /^Pause / })).toBeVisible();
  await expect(card.getByRole("button", { name: /^Pause / })).toBeVisible();
  await closeToast(page);
  await checkAndShoot(page, "jobs-play-when-ready", SHOTS);
});

test("tracks that finished while the page was closed: the next visit says so once, with links", async ({ page, context, request }) => {
  await waitUntilIdle(request);
  await openStudioSeen(page);
  await page.close();

  const stamp = Date.now();
  const made = await Promise.all([createTrack(request, `Away bell one ${stamp}`), createTrack(request, `Away bell two ${stamp}`)]);

  const back = await context.newPage();
  await openStudio(back);
  const notice = back.getByTestId("away-notice");
  await expect(notice).toContainText("2 tracks finished while you were away");
  const links = await notice.getByRole("link").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
  expect(links.sort()).toEqual(made.map((id) => `/tracks/${id}`).sort());
  await checkAndShoot(back, "jobs-away-notice", SHOTS);
  await back.getByRole("button", { name: "Dismiss the news" }).click();
  await expect(notice).toHaveCount(0);

  // Once: the next visit has nothing new to tell.
  await back.reload();
  await expect(recentTracks(back).locator(`a[href="/tracks/${made[0]}"]`).first()).toBeVisible();
  await expect(notice).toHaveCount(0);
});
