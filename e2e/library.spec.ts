import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// The library and the player, in demo mode: a short sound effect is made through the API, then
// found, played, downloaded, renamed, favorited, deleted and restored in the browser.

const MODEL = "sonilo-v1-1-sound-effects";

async function createTrack(request: APIRequestContext, prompt: string): Promise<string> {
  const submitted = await request.post("/api/generations", {
    headers: { "Idempotency-Key": `e2e-library-${Date.now()}-${Math.random()}` },
    data: { model: MODEL, request: { prompt, duration_seconds: 3 } },
  });
  expect(submitted.status(), await submitted.text()).toBe(202);
  const { generations } = (await submitted.json()) as { generations: { id: string }[] };
  const id = generations[0]!.id;
  let trackId: string | null = null;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/generations/${id}`);
        const body = (await response.json()) as { status: string; trackId: string | null };
        trackId = body.trackId;
        return body.status;
      },
      { timeout: 45_000, intervals: [250, 500, 1000] },
    )
    .toBe("completed");
  expect(trackId).toBeTruthy();
  return trackId!;
}

function row(page: Page, trackId: string) {
  return page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`);
}

test("library: search, play, download, rename, favorite, delete and undo; filters live in the URL", async ({ page, request }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") console.log(`[browser] ${message.text()}`);
  });

  const word = `tin${Date.now().toString(36)}`;
  const trackId = await createTrack(request, `rain on a ${word} roof at night`);
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

  // Play: the bar appears, the waveform is drawn, and time advances.
  await mine.getByRole("button", { name: /^Play / }).click();
  const player = page.getByRole("region", { name: "Player" });
  await expect(player).toBeVisible();
  await expect(player.getByTestId("player-duration")).toHaveText("0:03");
  await expect(player.getByRole("button", { name: /^Pause / })).toBeVisible({ timeout: 15_000 });
  await expect(player.getByRole("slider", { name: "Seek" })).toHaveAttribute("aria-valuenow", /[1-9]/, { timeout: 15_000 });

  // Keyboard: Space pauses/plays, End/Home seek on the focused waveform; a loop region can be set.
  await page.getByRole("heading", { level: 1 }).click();
  const wasPlaying = await player.getByRole("button", { name: /^Pause / }).count();
  await page.keyboard.press("Space");
  await expect(player.getByRole("button", { name: wasPlaying ? /^Play / : /^Pause / })).toBeVisible();
  if (!wasPlaying) await page.keyboard.press("Space");
  const seek = player.getByRole("slider", { name: "Seek" });
  await seek.focus();
  await page.keyboard.press("Home");
  await expect(seek).toHaveAttribute("aria-valuetext", /^0:0[01] of 0:03$/);
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
  expect(((await (await request.get(`/api/tracks/${trackId}`)).json()) as { title: string }).title).toBe(`Tin roof ${word}`);

  // Favorite.
  const star = mine.getByRole("button", { name: /^Favorite / });
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(async () => ((await (await request.get(`/api/tracks/${trackId}`)).json()) as { favorite: boolean }).favorite)
    .toBe(true);

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

test("library screenshots with the player: light and dark, desktop and phone", async ({ page, request }) => {
  test.setTimeout(90_000);
  await createTrack(request, "gentle waves on a pebble beach");
  for (const scheme of ["light", "dark"] as const) {
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await page.goto("/library");
      const first = page.getByTestId("track-row").first();
      await first.getByRole("button", { name: /^Play / }).click();
      const player = page.getByRole("region", { name: "Player" });
      await expect(player.locator("canvas").first()).toBeVisible();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `e2e/artifacts/library-${device}-${scheme}.png` });
    }
  }
});
