import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { COLOR_SCHEMES, expectNoSeriousViolations } from "./axe";
import { expectLoaded, expectPlaying, focusPage, playerBar, position } from "./player";
import { createBatch, createTrack } from "./tracks";

// The app-wide player, in demo mode: the library's list plays as a queue (next/previous by
// keyboard, repeat one, autoplay-next, preferences kept across a reload, the bar kept across a
// page change); the A/B switch between the takes of a batch keeps the playback position and
// levels them by their measured loudness; the `?` overlay lists the shortcuts. The bar's root
// says what it plays for these checks: data-track-id, data-position (seconds), data-gain.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TARGET_LUFS = -16;

type TakeView = { id: string; takeNumber: number; loudnessLufs: number | null; kept: boolean };

async function takesOf(request: APIRequestContext, trackId: string): Promise<TakeView[]> {
  const response = await request.get(`/api/tracks/${trackId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { takes: TakeView[] }).takes;
}

/**
 * The gain the player should apply to a take with normalize on: 10^((target − L)/20), at most 1,
 * the target being −16 LUFS or the batch's quietest take when quieter; 1 unmeasured.
 */
function expectedGain(loudnessLufs: number | null, batch: (number | null)[]): number {
  const target = Math.min(TARGET_LUFS, ...batch.filter((value): value is number => value !== null));
  return loudnessLufs === null ? 1 : Math.min(1, 10 ** ((target - loudnessLufs) / 20));
}

/** Pictures of the page as it is, in both schemes, at desktop and phone size, after axe on `within`. */
async function checkAndShoot(page: Page, name: string, within: string) {
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
      await page.setViewportSize(viewport);
      // wavesurfer.js redraws its waveform a moment after a resize.
      await page.waitForTimeout(400);
      await expectNoSeriousViolations(page, within);
      await page.screenshot({ path: `e2e/artifacts/${name}-${colorScheme}-${size}.png` });
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light" });
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") console.log(`[browser] ${message.text()}`);
  });
  return errors;
}

test("the library plays as a queue: Shift+→/← move through it, repeat one, autoplay-next, kept across pages and reloads", async ({ page, request }) => {
  test.setTimeout(150_000);
  const errors = collectErrors(page);
  const word = `queue${Date.now().toString(36)}`;
  // 8 s each: long enough to act on before one ends, short enough to hear to the end.
  const made = [await createTrack(request, `${word} wind chimes on a porch`, 8), await createTrack(request, `${word} church bells at dusk`, 8)];

  await page.setViewportSize(DESKTOP);
  await page.goto(`/library?q=${word}`);
  const rows = page.getByTestId("track-row");
  await expect(rows).toHaveCount(2);
  // The queue is the list in its order (newest first).
  const order = [(await rows.nth(0).getAttribute("data-track-id"))!, (await rows.nth(1).getAttribute("data-track-id"))!];
  expect([...order].sort()).toEqual([...made].sort());

  await rows.nth(0).getByRole("button", { name: /^Play / }).first().click();
  const player = playerBar(page);
  await expectLoaded(player, order[0]!);
  await expectPlaying(player, true);
  // A fresh browser: the defaults.
  await expect(player.getByRole("button", { name: /^Repeat / })).toHaveAccessibleName("Repeat off");
  await expect(player.getByRole("button", { name: "Autoplay next" })).toHaveAttribute("aria-pressed", "true");

  // Shift+→: the next track, playing; at the queue's end (repeat off) Next has nowhere to go.
  await focusPage(page);
  await page.keyboard.press("Shift+ArrowRight");
  await expectLoaded(player, order[1]!);
  await expectPlaying(player, true);
  await expect(player.getByRole("button", { name: "Next track" })).toBeDisabled();
  // Shift+←, within its first 3 s: the previous track (past 3 s it would start this one over).
  await page.keyboard.press("Shift+ArrowLeft");
  await expectLoaded(player, order[0]!);
  await expectPlaying(player, true);
  await expect(player.getByRole("button", { name: "Next track" })).toBeEnabled();

  // Repeat one (the button cycles off → all → one): at its end the same track starts over.
  const repeat = player.getByRole("button", { name: /^Repeat / });
  await repeat.click();
  await expect(repeat).toHaveAccessibleName("Repeat all");
  await repeat.click();
  await expect(repeat).toHaveAccessibleName("Repeat one");
  await expect(repeat).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => position(player), { timeout: 15_000 }).toBeGreaterThan(6);
  await expect.poll(() => position(player), { timeout: 15_000 }).toBeLessThan(1.5);
  await expect(player).toHaveAttribute("data-track-id", order[0]!);
  await expectPlaying(player, true);

  // Repeat off, autoplay-next on: at its end the next track starts; after the last one it stops.
  await repeat.click();
  await expect(repeat).toHaveAccessibleName("Repeat off");
  await expectLoaded(player, order[1]!);
  await expectPlaying(player, true);
  await expectPlaying(player, false);
  await expect(player).toHaveAttribute("data-track-id", order[1]!);

  // The bar lives across a client-side page change.
  await page.getByRole("link", { name: "Create", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(player).toHaveAttribute("data-track-id", order[1]!);

  // Preferences are kept across a reload: repeat all, autoplay off.
  await repeat.click();
  await expect(repeat).toHaveAccessibleName("Repeat all");
  await player.getByRole("button", { name: "Autoplay next" }).click();
  await expect(player.getByRole("button", { name: "Autoplay next" })).toHaveAttribute("aria-pressed", "false");
  await page.goto(`/library?q=${word}`);
  await rows.nth(1).getByRole("button", { name: /^Play / }).first().click();
  await expectLoaded(player, order[1]!);
  await expect(repeat).toHaveAccessibleName("Repeat all");
  await expect(player.getByRole("button", { name: "Autoplay next" })).toHaveAttribute("aria-pressed", "false");
  // Repeat all wraps round: Next from the last track is the first.
  await expect(player.getByRole("button", { name: "Next track" })).toBeEnabled();
  await player.getByRole("button", { name: "Next track" }).click();
  await expectLoaded(player, order[0]!);

  expect(errors).toEqual([]);
});

test("A/B: T switches takes at the same position, playing on if it was; normalize levels them by loudness; K keeps", async ({ page, request }) => {
  test.setTimeout(150_000);
  const errors = collectErrors(page);
  const word = `abtk${Date.now().toString(36)}`;
  const { batchId, trackIds } = await createBatch(request, `${word} a glass marimba riff`, 2, 10);
  const [take1, take2] = trackIds as [string, string];
  const takes = await takesOf(request, take1);
  expect(takes.map((take) => take.id)).toEqual([take1, take2]);
  // The store step measured both takes' loudness: level matching has something to go by.
  for (const take of takes) expect(typeof take.loudnessLufs, `take ${take.takeNumber}'s loudnessLufs`).toBe("number");
  const gain = Object.fromEntries(takes.map((take) => [take.id, expectedGain(take.loudnessLufs, takes.map((other) => other.loudnessLufs))]));
  test.info().annotations.push({ type: "loudness", description: takes.map((t) => `take ${t.takeNumber}: ${t.loudnessLufs} LUFS → gain ${gain[t.id]!.toFixed(4)}`).join("; ") });

  await page.setViewportSize(DESKTOP);
  await page.goto(`/library?q=${word}`);
  const row = page.locator(`[data-testid="track-row"][data-batch-id="${batchId}"]`);
  await row.getByRole("button", { name: /^Play / }).first().click();
  const player = playerBar(page);
  const takeButtons = player.getByRole("group", { name: "Takes" });
  await expect(takeButtons.getByRole("button")).toHaveCount(2);
  // Take 1, whichever take the row started with (a no-op when it is take 1 already).
  await takeButtons.getByRole("button", { name: "Take 1" }).click();
  await expectLoaded(player, take1);
  await expect(takeButtons.getByRole("button", { name: "Take 1" })).toHaveAttribute("aria-pressed", "true");
  await expectPlaying(player, true);

  // Seek to ~2 s (a click at a fifth of the 10 s waveform), then pause there.
  const seek = player.getByRole("slider", { name: "Seek" });
  const box = (await seek.boundingBox())!;
  await seek.click({ position: { x: box.width * 0.2, y: box.height / 2 } });
  await focusPage(page);
  await page.keyboard.press("Space");
  await expectPlaying(player, false);
  const pausedAt = await position(player);
  expect(pausedAt).toBeGreaterThan(1.5);
  expect(pausedAt).toBeLessThan(4);

  // ← and → seek 5 s.
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => Math.abs((await position(player)) - (pausedAt + 5))).toBeLessThan(0.3);
  await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => Math.abs((await position(player)) - pausedAt)).toBeLessThan(0.3);
  const before = await position(player);

  // Normalize is on by default: take 1 plays at its level-matching gain.
  const normalize = player.getByRole("button", { name: "Normalize volume" });
  await expect(normalize).toHaveAttribute("aria-pressed", "true");
  await expect(player).toHaveAttribute("data-gain", gain[take1]!.toFixed(4));

  // T: take 2, from the same position, still paused as take 1 was, at its own gain.
  await page.keyboard.press("t");
  await expectLoaded(player, take2);
  await expect(takeButtons.getByRole("button", { name: "Take 2" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => Math.abs((await position(player)) - before), { timeout: 5_000 }).toBeLessThan(0.5);
  await expectPlaying(player, false);
  await expect(player).toHaveAttribute("data-gain", gain[take2]!.toFixed(4));

  // Normalize off: every take at gain 1; on again: take 2's gain back.
  await normalize.click();
  await expect(normalize).toHaveAttribute("aria-pressed", "false");
  await expect(player).toHaveAttribute("data-gain", (1).toFixed(4));
  await normalize.click();
  await expect(normalize).toHaveAttribute("aria-pressed", "true");
  await expect(player).toHaveAttribute("data-gain", gain[take2]!.toFixed(4));

  // Playing, T goes back to take 1 from where take 2 was, and it plays on.
  await focusPage(page);
  await page.keyboard.press("Space");
  await expectPlaying(player, true);
  await expect.poll(() => position(player)).toBeGreaterThan(before + 0.3);
  const leftAt = await position(player);
  await page.keyboard.press("t");
  await expectLoaded(player, take1);
  await expectPlaying(player, true);
  await expect.poll(() => position(player), { timeout: 5_000 }).toBeGreaterThan(leftAt - 0.5);
  expect(await position(player)).toBeLessThan(leftAt + 3);
  await expect(player).toHaveAttribute("data-gain", gain[take1]!.toFixed(4));

  // M mutes and unmutes, L loops a region and stops.
  const mute = player.getByRole("button", { name: "Mute" });
  await page.keyboard.press("m");
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("m");
  await expect(mute).toHaveAttribute("aria-pressed", "false");
  const loop = player.getByRole("button", { name: "Loop a region" });
  // The loop region and the queue's repeat are told apart by their tooltips (and icons).
  await expect(loop).toHaveAttribute("title", /\(L\)$/);
  await expect(player.getByRole("button", { name: /^Repeat / })).toHaveAttribute("title", /^Repeat /);
  await page.keyboard.press("l");
  await expect(loop).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("l");
  await expect(loop).toHaveAttribute("aria-pressed", "false");

  // K: take 1 becomes the batch's keeper (the owner made it, so may).
  await page.keyboard.press("k");
  await expect(player.getByRole("status")).toHaveText("Take 1 is the keeper.");
  await expect.poll(async () => (await takesOf(request, take1)).map((take) => take.kept)).toEqual([true, false]);
  await expect(takeButtons.getByRole("button", { name: "Take 1" })).toHaveAttribute("title", "Take 1, the keeper");
  // Named "Take 1" still; the keeper fact is its description (the badge is the library's check, not a star).
  await expect(takeButtons.getByRole("button", { name: "Take 1" })).toHaveAccessibleDescription("The keeper of this batch");
  await expect(takeButtons.getByRole("button", { name: "Take 2" })).toHaveAccessibleDescription("");

  // Keys typed in a field are the field's: no shortcut fires.
  const search = page.getByRole("searchbox");
  await search.press("m");
  await expect(mute).toHaveAttribute("aria-pressed", "false");
  await search.press("Backspace");
  await expect(search).toHaveValue(word);

  // The bar with the takes switch, paused for a steady picture.
  await focusPage(page);
  await page.keyboard.press("Space");
  await expectPlaying(player, false);
  await checkAndShoot(page, "player-takes", 'section[aria-label="Player"]');

  expect(errors).toEqual([]);
});

test("? opens the shortcuts overlay: every shortcut listed, focus kept inside, Escape closes, axe-clean", async ({ page, request }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const word = `keys${Date.now().toString(36)}`;
  const trackId = await createTrack(request, `${word} a soft rain loop`, 4);

  await page.setViewportSize(DESKTOP);
  await page.goto(`/library?q=${word}`);
  await page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`).getByRole("button", { name: /^Play / }).first().click();
  const player = playerBar(page);
  await expectLoaded(player, trackId);
  await focusPage(page);
  await page.keyboard.press("Space");
  await expectPlaying(player, false);

  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const label of [
    "Play or pause",
    "Back 5 seconds",
    "Forward 5 seconds",
    "Previous track",
    "Next track",
    "Mute or unmute",
    "Loop a region",
    "Next take of the batch",
    "Mark this take the keeper",
    "Show these shortcuts",
  ]) {
    await expect(dialog.getByText(label)).toBeVisible();
  }
  // Focus starts inside and Tab / Shift+Tab never take it out.
  const focusInside = () => page.evaluate(() => !!document.activeElement?.closest("dialog[open]"));
  expect(await focusInside()).toBe(true);
  for (const key of ["Tab", "Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    expect(await focusInside(), `after ${key}`).toBe(true);
  }
  // The player's keys are off while it is open: M does not mute behind it.
  await page.keyboard.press("m");
  await expect(player.getByRole("button", { name: "Mute" })).toHaveAttribute("aria-pressed", "false");

  await checkAndShoot(page, "player-shortcuts", "dialog[open]");

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The bar's own button opens it too, and its Close button gives focus back.
  const opener = player.getByRole("button", { name: "Keyboard shortcuts" });
  await opener.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  expect(errors).toEqual([]);
});
