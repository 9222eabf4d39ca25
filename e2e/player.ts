import { expect, type Locator, type Page } from "@playwright/test";

// The app-wide player bar, as the specs read it. Its root says what it plays: data-track-id,
// data-ready, data-position (seconds) and data-gain.

export const playerBar = (page: Page) => page.getByRole("region", { name: "Player" });

/** The bar's playhead, seconds. */
export async function position(player: Locator): Promise<number> {
  return Number(await player.getAttribute("data-position"));
}

/** The bar has `trackId` loaded: its waveform drawn and its audio ready to play. */
export async function expectLoaded(player: Locator, trackId: string) {
  await expect(player).toHaveAttribute("data-track-id", trackId, { timeout: 15_000 });
  await expect(player).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
}

export async function expectPlaying(player: Locator, playing: boolean) {
  await expect(player.getByRole("button", { name: playing ? /^Pause / : /^Play / })).toBeVisible({ timeout: 15_000 });
}

/** Takes focus off any control (a click on the page's heading), so that keys go to the page. */
export async function focusPage(page: Page) {
  await page.getByRole("heading", { level: 1 }).click();
}
