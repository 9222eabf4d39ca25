import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectLoaded, expectPlaying, focusPage, playerBar, position } from "./player";
import { TRACK_MODEL } from "./tracks";

// Issue 14's creator loop as one path, in demo mode, the way a creator walks it: a 2-take batch
// made with the Create form; take 1 played from the jobs panel; take 2 switched to at the same
// position; take 2 kept; found with "Keepers only"; its track page opened from there; the
// library's list played as a queue with Shift+→/←. (A member's view of the owner's track and
// favourites per member are e2e/track-page.spec.ts's second test.)

const DESKTOP = { width: 1280, height: 900 };
const SECONDS = 10;

/** The take's track id, read from its card's link to the track page. */
async function trackIdOf(card: Locator, take: number): Promise<string> {
  const href = await card.getByRole("link", { name: new RegExp(`^Open Take ${take} of `) }).getAttribute("href");
  expect(href).toMatch(/^\/tracks\/[0-9a-f-]{36}$/);
  return href!.slice("/tracks/".length);
}

/** Fills the Create form for a `SECONDS`-long sound effect in two takes and submits it; answers the batch's card. */
async function createTwoTakes(page: Page, prompt: string) {
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption(TRACK_MODEL);
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByLabel("Duration", { exact: true }).fill(String(SECONDS));
  await page.getByRole("radio", { name: "2" }).check({ force: true });
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  const accepted = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/api/generations"));
  await page.getByRole("button", { name: /^Create/ }).click();
  const { batchId } = (await (await accepted).json()) as { batchId: string };
  const card = page.locator(`[data-testid="job-batch"][data-batch-id="${batchId}"]`);
  for (const take of [0, 1]) {
    await expect(card.getByTestId("job").nth(take)).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  }
  return { batchId, card };
}

test("the creator's loop: Create 2 takes, play take 1 in the jobs panel, switch to take 2 in place, keep it, find it, open it, play the list as a queue", async ({ page }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.setViewportSize(DESKTOP);
  const word = `loop${Date.now().toString(36)}`;
  const { batchId, card } = await createTwoTakes(page, `${word} a music box waltz in a quiet attic`);
  const [take1, take2] = [await trackIdOf(card, 1), await trackIdOf(card, 2)];

  // Take 1 plays from its card; seek to ~4 s and pause there.
  const player = playerBar(page);
  await card.getByRole("button", { name: /^Play Take 1 of / }).click();
  await expectLoaded(player, take1);
  await expectPlaying(player, true);
  const seek = player.getByRole("slider", { name: "Seek" });
  const box = (await seek.boundingBox())!;
  await seek.click({ position: { x: box.width * 0.4, y: box.height / 2 } });
  await focusPage(page);
  await page.keyboard.press("Space");
  await expectPlaying(player, false);
  const pausedAt = await position(player);
  expect(pausedAt).toBeGreaterThan(3);
  expect(pausedAt).toBeLessThan(6);

  // The bar's take switch goes to take 2 at the same position.
  const takeSwitch = player.getByRole("group", { name: "Takes" });
  await takeSwitch.getByRole("button", { name: "Take 2" }).click();
  await expectLoaded(player, take2);
  await expect(takeSwitch.getByRole("button", { name: "Take 2" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => Math.abs((await position(player)) - pausedAt), { timeout: 5_000 }).toBeLessThan(0.5);

  // K keeps take 2; the card's take says so after the library reads it back.
  await focusPage(page);
  await page.keyboard.press("k");
  await expect(player.getByRole("status")).toHaveText("Take 2 is the keeper.");
  await expect(takeSwitch.getByRole("button", { name: "Take 2" })).toHaveAttribute("title", "Take 2, the keeper");

  // The library: "Keepers only" shows take 2 alone; its title links to its page.
  await page.goto(`/library?q=${word}`);
  const row = page.locator(`[data-testid="track-row"][data-batch-id="${batchId}"]`);
  await expect(row).toHaveCount(1);
  await page.getByRole("button", { name: "Keepers only" }).click();
  await expect(page).toHaveURL(/keepers=1/);
  await expect(page.getByTestId("track-row")).toHaveCount(1);
  await expect(page.getByTestId("track-row")).toHaveAttribute("data-track-id", take2);
  await page.getByTestId("track-row").locator(`a[href="/tracks/${take2}"]`).first().click();
  await expect(page).toHaveURL(`/tracks/${take2}`);
  await expect(page.getByTestId("take-label")).toHaveText("Take 2 of 2");
  await expect(page.getByRole("button", { name: "Keeper", exact: true })).toHaveAttribute("aria-pressed", "true");

  // Back to the whole list: it plays as a queue (the batch's takes in order), by keyboard.
  await page.goto(`/library?q=${word}`);
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "2 takes" }).click();
  await row.getByRole("button", { name: /^Play Take 1 of / }).click();
  await expectLoaded(player, take1);
  await expectPlaying(player, true);
  await focusPage(page);
  await page.keyboard.press("Shift+ArrowRight");
  await expectLoaded(player, take2);
  await expectPlaying(player, true);
  await expect(player.getByRole("button", { name: "Next track" })).toBeDisabled();
  await page.keyboard.press("Shift+ArrowLeft");
  await expectLoaded(player, take1);
  await expectPlaying(player, true);

  expect(errors).toEqual([]);
});
