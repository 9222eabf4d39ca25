import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { checkAndShoot } from "./axe";
import { createBatch, createTrack, generate, TRACK_MODEL } from "./tracks";

// The library and the player, in demo mode: short sound effects are made through the API, then
// found, played, paused, downloaded, renamed, favorited, deleted, restored, filtered and reused
// in the browser; a batch of takes is one row that expands to its takes, and its keeper is found
// with "Keepers only".

const MODEL_NAME = "Sonilo V1.1 Sound Effects";

/** The studio-under-test's own embedded PostgreSQL (its port is in the postmaster.pid, its password beside it). */
async function studioDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const pid = await readFile(path.join(process.env.E2E_DATA_DIR!, "postgres", "postmaster.pid"), "utf8");
  const port = Number(pid.split("\n")[3]);
  const password = await readFile(path.join(process.env.E2E_DATA_DIR!, "postgres.password"), "utf8");
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function row(page: Page, trackId: string) {
  return page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`);
}

type TrackAnswer = { track: { title: string; prompt: string; favorite: boolean; kept: boolean } };

/** GET /api/tracks/:id's track, as the signed-in member sees it. */
async function apiTrack(request: APIRequestContext, trackId: string) {
  return ((await (await request.get(`/api/tracks/${trackId}`)).json()) as TrackAnswer).track;
}

test("library: search, play, download, rename, favorite, delete and undo; filters live in the URL", async ({ page, request }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") console.log(`[browser] ${message.text()}`);
  });

  const word = `tin${Date.now().toString(36)}`;
  const trackId = await createTrack(request, `rain on a ${word} roof at night`, 20);
  await createTrack(request, "a door creaking open slowly");

  await page.goto("/library");
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();

  // Search: a short term only hints, a longer one filters and lands in the URL.
  const search = page.getByLabel("Search titles and prompts");
  await search.fill("ra");
  await expect(page.getByText("Type at least 3 characters to search.")).toBeVisible();
  await search.fill(word);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  await expect(page.getByTestId("track-row")).toHaveCount(1);
  const mine = row(page, trackId);
  await expect(mine).toBeVisible();
  // Title, the creator, the cost and a download; the prompt starts with the title (made from
  // it), so it is the title's tooltip, not a second line saying the same.
  const { title: madeTitle } = await apiTrack(request, trackId);
  expect(madeTitle.length).toBeLessThanOrEqual(40);
  expect(madeTitle).not.toContain("…");
  await expect(mine.getByRole("heading", { name: madeTitle })).toBeVisible();
  await expect(mine.getByRole("link", { name: madeTitle, exact: true })).toHaveAttribute("title", `rain on a ${word} roof at night`);
  await expect(mine.getByText(`rain on a ${word} roof at night`, { exact: true })).toHaveCount(0);
  await expect(mine.getByTestId("row-creator")).toHaveText("You");
  await expect(mine.getByTestId("row-cost")).toHaveText(/^\$\d+\.\d\d$/);
  await expect(mine.getByRole("link", { name: /^Download / })).toHaveAttribute("href", `/api/tracks/${trackId}/audio?download=1`);
  // A batch of one has no takes badge.
  await expect(mine.getByRole("button", { name: /takes$/ })).toHaveCount(0);

  // Play: the bar appears, the waveform is drawn, and time advances.
  await mine.getByRole("button", { name: /^Play / }).click();
  const player = page.getByRole("region", { name: "Player" });
  await expect(player).toBeVisible();
  await expect(player.getByTestId("player-duration")).toHaveText("0:20");
  await expect(player.getByRole("button", { name: /^Pause / })).toBeVisible({ timeout: 15_000 });
  await expect(player.getByRole("slider", { name: "Seek" })).toHaveAttribute("aria-valuenow", /[1-9]/, { timeout: 15_000 });

  // The row's button follows the shared player: Pause while its track plays, and it pauses.
  const seekSlider = player.getByRole("slider", { name: "Seek" });
  await mine.getByRole("button", { name: /^Pause / }).click();
  await expect(mine.getByRole("button", { name: /^Play / })).toBeVisible();
  await expect(player.getByRole("button", { name: /^Play / })).toBeVisible();
  const pausedAt = await seekSlider.getAttribute("aria-valuenow");
  await page.waitForTimeout(1500);
  await expect(seekSlider).toHaveAttribute("aria-valuenow", pausedAt!);
  await mine.getByRole("button", { name: /^Play / }).click();
  await expect(mine.getByRole("button", { name: /^Pause / })).toBeVisible();
  await expect(player.getByRole("button", { name: /^Pause / })).toBeVisible();
  await expect(seekSlider).not.toHaveAttribute("aria-valuenow", pausedAt!, { timeout: 5_000 });

  // Keyboard: Space pauses/plays, End/Home seek on the focused waveform; a loop region can be set.
  await page.getByRole("heading", { level: 1 }).click();
  const wasPlaying = await player.getByRole("button", { name: /^Pause / }).count();
  await page.keyboard.press("Space");
  await expect(player.getByRole("button", { name: wasPlaying ? /^Play / : /^Pause / })).toBeVisible();
  if (!wasPlaying) await page.keyboard.press("Space");
  const seek = player.getByRole("slider", { name: "Seek" });
  await seek.focus();
  await page.keyboard.press("Home");
  await expect(seek).toHaveAttribute("aria-valuetext", /^0:0[01] of 0:20$/);
  const loop = player.getByRole("button", { name: "Loop a region" });
  await loop.click();
  await expect(loop).toHaveAttribute("aria-pressed", "true");
  await loop.click();
  await expect(loop).toHaveAttribute("aria-pressed", "false");

  // Download: the saved file is byte-for-byte the stored track.
  const downloadPromise = page.waitForEvent("download");
  await player.getByRole("link", { name: /^Download / }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.wav$/);
  const saved = await readFile((await download.path())!);
  const stored = await (await request.get(`/api/tracks/${trackId}/audio`)).body();
  expect(saved.length).toBeGreaterThan(0);
  expect(Buffer.compare(saved, stored)).toBe(0);

  // Rename inline.
  await mine.getByRole("button", { name: /^Rename / }).click();
  const title = mine.getByRole("textbox");
  await title.fill(`Tin roof ${word}`);
  await title.press("Enter");
  await expect(mine.getByRole("heading", { name: `Tin roof ${word}` })).toBeVisible();
  // Renamed to other words, the row shows the prompt again.
  await expect(mine.getByText(`rain on a ${word} roof at night`, { exact: true })).toBeVisible();
  expect((await apiTrack(request, trackId)).title).toBe(`Tin roof ${word}`);

  // Favorite.
  const star = mine.getByRole("button", { name: /^Favorite / });
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await apiTrack(request, trackId)).favorite).toBe(true);

  // Delete, then Undo from the toast.
  await mine.getByRole("button", { name: /^Delete / }).click();
  await expect(mine).toHaveCount(0);
  await expect(page.getByText(`Deleted “Tin roof ${word}”.`)).toBeVisible();
  expect((await request.get(`/api/tracks/${trackId}`)).status()).toBe(404);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(mine).toBeVisible();
  expect((await request.get(`/api/tracks/${trackId}`)).status()).toBe(200);

  // Filters are in the URL and survive a reload; Back undoes a filter.
  await page.getByRole("button", { name: "Favorites only" }).click();
  await page.getByLabel("Sort").selectOption("title");
  await expect(page).toHaveURL(/favorite=1/);
  await expect(page).toHaveURL(/sort=title/);
  await page.reload();
  await expect(page.getByLabel("Search titles and prompts")).toHaveValue(word);
  await expect(page.getByRole("button", { name: "Favorites only" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Sort")).toHaveValue("title");
  await expect(row(page, trackId)).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=title/);
  await expect(page.getByLabel("Sort")).toHaveValue("newest");

  expect(errors).toEqual([]);
});

test("a 2-take batch is one row with a “2 takes” badge that expands; take 2 kept is what “Keepers only” shows", async ({ page, request }) => {
  test.setTimeout(150_000);
  const word = `duo${Date.now().toString(36)}`;
  const prompt = `twin ${word} bells echoing in a stone hall`;
  const { batchId, trackIds } = await createBatch(request, prompt, 2);
  const [take1, take2] = trackIds as [string, string];
  const { title } = await apiTrack(request, take1);

  await page.goto(`/library?q=${word}`);
  // One row for the batch, led by take 1: its title (a link to its page, the prompt its tooltip:
  // the prompt starts with it, so the row does not say it twice).
  await expect(page.getByTestId("track-row")).toHaveCount(1);
  const batchRow = page.locator(`[data-testid="track-row"][data-batch-id="${batchId}"]`);
  await expect(batchRow).toHaveAttribute("data-track-id", take1);
  await expect(batchRow.getByRole("heading", { name: title })).toBeVisible();
  await expect(batchRow.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", `/tracks/${take1}`);
  expect(title).not.toBe(prompt);
  await expect(batchRow.getByRole("link", { name: title, exact: true })).toHaveAttribute("title", prompt);
  await expect(batchRow.getByText(prompt, { exact: true })).toHaveCount(0);
  await expect(batchRow.getByTestId("row-creator")).toHaveText("You");
  await expect(batchRow.getByTestId("row-cost")).toHaveText(/^\$\d+\.\d\d$/);
  await expect(page.getByText("2 tracks in 1 batch")).toBeVisible();

  // The badge expands the row to its takes, each with its own play, keep and favourite.
  const badge = batchRow.getByRole("button", { name: "2 takes" });
  await expect(badge).toHaveAttribute("aria-expanded", "false");
  await expect(batchRow.getByTestId("take-row")).toHaveCount(0);
  await badge.click();
  await expect(badge).toHaveAttribute("aria-expanded", "true");
  const takes = batchRow.getByTestId("take-row");
  await expect(takes).toHaveCount(2);
  await expect(takes.nth(0)).toHaveAttribute("data-track-id", take1);
  await expect(takes.nth(0).getByRole("link", { name: /^Open Take 1 of / })).toHaveAttribute("href", `/tracks/${take1}`);
  await expect(takes.nth(1).getByRole("link", { name: /^Open Take 2 of / })).toHaveAttribute("href", `/tracks/${take2}`);
  const second = batchRow.locator(`[data-testid="take-row"][data-track-id="${take2}"]`);
  for (const action of ["Play", "Keep", "Favorite", "Share", "Delete"]) {
    await expect(second.getByRole("button", { name: `${action} Take 2 of ${title}` })).toBeVisible();
  }
  await expect(second.getByRole("link", { name: /^Download Take 2 of / })).toHaveAttribute("href", `/api/tracks/${take2}/audio?download=1`);

  // Take 2 plays on its own button; the row's button then pauses the batch.
  await second.getByRole("button", { name: `Play Take 2 of ${title}` }).click();
  const player = page.getByRole("region", { name: "Player" });
  await expect(player.getByRole("button", { name: /^Pause / })).toBeVisible({ timeout: 15_000 });
  await expect(second.getByRole("button", { name: `Pause Take 2 of ${title}` })).toBeVisible();
  await expect(second).toHaveAttribute("aria-current", "true");
  await batchRow.getByRole("button", { name: `Pause ${title}` }).click();
  await expect(second.getByRole("button", { name: `Play Take 2 of ${title}` })).toBeVisible();
  await checkAndShoot(page, "library-batch-expanded", { desktop: { width: 1280, height: 800 }, settleMs: 400 });

  // Keep take 2; keeping take 1 instead moves the mark (one keeper a batch), and back.
  const keep1 = takes.nth(0).getByRole("button", { name: `Keep Take 1 of ${title}` });
  const keep2 = second.getByRole("button", { name: `Keep Take 2 of ${title}` });
  const keptOnServer = async () => [(await apiTrack(request, take1)).kept, (await apiTrack(request, take2)).kept];
  await keep2.click();
  await expect(keep2).toHaveAttribute("aria-pressed", "true");
  await expect(second).toContainText("Keeper");
  await expect.poll(keptOnServer).toEqual([false, true]);
  await keep1.click();
  await expect(keep1).toHaveAttribute("aria-pressed", "true");
  await expect(keep2).toHaveAttribute("aria-pressed", "false");
  await expect.poll(keptOnServer).toEqual([true, false]);
  await keep2.click();
  await expect(keep2).toHaveAttribute("aria-pressed", "true");
  await expect(keep1).toHaveAttribute("aria-pressed", "false");
  await expect.poll(keptOnServer).toEqual([false, true]);

  // "Keepers only": take 2 alone, saying which take of how many it is; in the URL, across a reload.
  const keepersOnly = page.getByRole("button", { name: "Keepers only" });
  await keepersOnly.click();
  await expect(keepersOnly).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/[?&]keepers=1(&|$)/);
  await expect(page.getByTestId("track-row")).toHaveCount(1);
  const keeper = row(page, take2);
  await expect(keeper).toBeVisible();
  await expect(keeper).toContainText("Take 2 of 2");
  await expect(keeper).toContainText("Keeper");
  await expect(keeper.getByRole("button", { name: /takes$/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: "Keepers only" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("track-row")).toHaveCount(1);
  await expect(row(page, take2)).toBeVisible();
  await checkAndShoot(page, "library-keepers-only", { desktop: { width: 1280, height: 800 } });

  // Un-keeping it empties the list; Back goes to the list before the filter.
  await row(page, take2).getByRole("button", { name: `Keep ${title}` }).click();
  await expect(page.getByText("No track matches these filters.")).toBeVisible();
  await expect.poll(keptOnServer).toEqual([false, false]);
  await page.goBack();
  await expect(page).not.toHaveURL(/keepers=/);
  await expect(page.getByRole("button", { name: "Keepers only" })).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("track-row")).toHaveCount(1);

  // Keep it again for the track page, and open that page from the row's title.
  const again = page.getByRole("button", { name: "2 takes" });
  if ((await again.getAttribute("aria-expanded")) === "false") await again.click();
  await page.getByRole("button", { name: `Keep Take 2 of ${title}` }).click();
  await expect(page.getByRole("button", { name: `Keep Take 2 of ${title}` })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(keptOnServer).toEqual([false, true]);
  await page.goto(`/library?q=${word}&keepers=1`);
  await row(page, take2).getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tracks/${take2}$`));
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId("take-label")).toHaveText("Take 2 of 2");
});

test("creator and status filters live in the URL and the Back button undoes them; failed generations are listed", async ({ page, request }) => {
  test.setTimeout(120_000);
  const word = `gust${Date.now().toString(36)}`;
  const trackId = await createTrack(request, `wind ${word} through pine trees`);
  const { generationId } = await generate(request, `[sim:fail] thunder ${word} over the hills`, 3, "failed");

  await page.goto(`/library?q=${word}`);
  await expect(row(page, trackId)).toBeVisible();
  const creator = page.getByLabel("Creator");
  const status = page.getByLabel("Status");

  await expect(creator.locator("option", { hasText: "You" })).toHaveCount(1);
  await creator.selectOption({ label: "You" });
  // The select follows the URL (the filters live there): read it once the URL has moved.
  await expect(page).toHaveURL(/[?&]creator=[^&]+/);
  const myId = await creator.inputValue();
  expect(myId).not.toBe("");
  const mine = new RegExp(`[?&]creator=${myId}(&|$)`);
  await expect(page).toHaveURL(mine);
  await expect(row(page, trackId)).toBeVisible();

  await status.selectOption("failed");
  await expect(page).toHaveURL(/[?&]status=failed(&|$)/);
  await expect(page).toHaveURL(mine);
  const failed = page.locator(`[data-testid="generation-row"][data-generation-id="${generationId}"]`);
  await expect(failed).toBeVisible();
  await expect(failed).toContainText("Failed");
  await expect(failed).toContainText("refunded");
  await expect(page.getByTestId("track-row")).toHaveCount(0);
  await expect(page.getByText("Nothing was charged for them")).toBeVisible();
  // What only tracks have is not offered for this list.
  await expect(page.getByRole("button", { name: "Favorites only" })).toBeDisabled();
  await expect(page.getByLabel("Sort").locator("option")).toHaveText(["Newest first", "Oldest first"]);

  // Another creator: nothing matches, and the empty state offers to clear the filters.
  await page.goto(`/library?q=${word}&status=failed&creator=someone-else`);
  await expect(page.getByText("No failed generation matches these filters.")).toBeVisible();
  await page.goBack();
  await expect(failed).toBeVisible();

  // Back: first the status goes, then the creator.
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page).toHaveURL(mine);
  await expect(status).toHaveValue("ready");
  await expect(row(page, trackId)).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/creator=/);
  await expect(creator).toHaveValue("");
  await page.goForward();
  await expect(creator).toHaveValue(myId);

  // A list with nothing in it says so; clearing the filters keeps the status.
  await status.selectOption("uncertain");
  await expect(page.getByText("No uncertain generation matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/library\?status=uncertain$/);
  await expect(page.getByLabel("Search titles and prompts")).toHaveValue("");
  await status.selectOption("ready");
  await expect(page).toHaveURL(/\/library$/);
  await expect(row(page, trackId)).toBeVisible();
});

test("reuse settings fill the create form with the track's model, prompt and duration, once", async ({ page, request }) => {
  test.setTimeout(120_000);
  const word = `bell${Date.now().toString(36)}`;
  const prompt = `church ${word} ringing in the fog`;
  const trackId = await createTrack(request, prompt, 7);
  const { generationId } = await generate(request, `[sim:fail] sirens ${word} far away`, 4, "failed");

  await page.goto(`/library?q=${word}`);
  await row(page, trackId).getByRole("link", { name: /^Reuse settings of / }).click();
  await expect(page).toHaveURL(/\/$/);
  const model = page.getByLabel("Model", { exact: true });
  await expect(model).toHaveValue(TRACK_MODEL);
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(prompt);
  await expect(page.getByRole("slider", { name: "Duration" })).toHaveValue("7");
  await expect(page.getByRole("status").filter({ hasText: "are in the form" })).toContainText(MODEL_NAME);
  await page.screenshot({ path: "e2e/artifacts/studio-reused.png" });

  // Edits are not overwritten by a reload: the settings were applied once and left the URL.
  await page.getByLabel("Prompt", { exact: true }).fill("my own idea for a sound");
  await page.reload();
  await expect(page.getByLabel("Prompt", { exact: true })).not.toHaveValue(prompt);
  await expect(page.getByRole("status").filter({ hasText: "are in the form" })).toHaveCount(0);

  // A failed generation's settings, to try again.
  await page.goto(`/library?q=${word}&status=failed`);
  await page.locator(`[data-testid="generation-row"][data-generation-id="${generationId}"]`).getByRole("link", { name: /Reuse settings/ }).click();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(`[sim:fail] sirens ${word} far away`);
  await expect(page.getByRole("slider", { name: "Duration" })).toHaveValue("4");

  // A model the studio no longer offers: said plainly, and the settings land on the chosen model.
  await studioDatabase((client) => client.query(`UPDATE "Generation" SET model = 'retired-model-v0' WHERE id = (SELECT "generationId" FROM "Track" WHERE id = $1)`, [trackId]));
  await page.goto(`/?reuse=${trackId}`);
  const moved = page.getByRole("alert").filter({ hasText: "no longer offers" });
  await expect(moved).toContainText("was made with retired-model-v0, which the studio no longer offers");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/artifacts/studio-reuse-moved-phone-dark.png" });
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(prompt);
  await expect(page).toHaveURL(/\/$/);

  // Nothing to reuse: an error, not a silent empty form.
  await page.goto("/?reuse=6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11");
  await expect(page.getByRole("alert").filter({ hasText: "could not be reused" })).toContainText("does not exist or was deleted");
});

test("library screenshots: filters, failed list and empty state, light and dark, desktop and phone", async ({ page, request }) => {
  test.setTimeout(120_000);
  await createTrack(request, "gentle waves on a pebble beach");
  await generate(request, "[sim:fail] a volcano erupting under the sea", 3, "failed");
  for (const scheme of ["light", "dark"] as const) {
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await page.goto("/library");
      await page.getByLabel("Creator").selectOption({ label: "You" });
      const first = page.getByTestId("track-row").first();
      await first.getByRole("button", { name: /^Play / }).click();
      const player = page.getByRole("region", { name: "Player" });
      await expect(player.locator("canvas").first()).toBeVisible();
      await expect(first.getByRole("button", { name: /^Pause / })).toBeVisible();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `e2e/artifacts/library-${device}-${scheme}.png` });

      await page.goto("/library?status=failed");
      await expect(page.getByTestId("generation-row").first()).toBeVisible();
      await page.screenshot({ path: `e2e/artifacts/library-failed-${device}-${scheme}.png`, fullPage: true });

      // Empty unless another spec left an uncertain job behind; either way it is worth a look.
      await page.goto("/library?status=uncertain");
      await expect(page.getByTestId("library-empty").or(page.getByTestId("generation-row").first())).toBeVisible();
      await page.screenshot({ path: `e2e/artifacts/library-empty-${device}-${scheme}.png` });
    }
  }
});
