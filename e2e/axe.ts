import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type ViewportSize } from "@playwright/test";

// axe and screenshots, shared by the specs: nothing serious or critical in either colour
// scheme, and pictures of each scheme and size in e2e/artifacts/ to look at.

export const COLOR_SCHEMES = ["light", "dark"] as const;
const PHONE = { width: 390, height: 844 };

/** axe finds no serious or critical violation on `page`, or only in `within` (a selector) when given. */
export async function expectNoSeriousViolations(page: Page, within?: string) {
  const axe = new AxeBuilder({ page });
  const { violations } = await (within ? axe.include(within) : axe).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `  ${node.target.join(" ")} — ${node.failureSummary?.replace(/\s+/g, " ")}`).join("\n"),
    );
  expect(serious, serious.join("\n")).toEqual([]);
}

type ShootOptions = {
  /** The "desktop" viewport, which the page is left at afterwards (in the light scheme). */
  desktop: ViewportSize;
  fullPage?: boolean;
  /** Waited after each resize, for what redraws late (wavesurfer.js redraws its waveform a moment after a resize). */
  settleMs?: number;
};

/** axe in each scheme, then screenshots of each scheme at desktop and phone size: `e2e/artifacts/<name>-<scheme>-<size>.png`. */
export async function checkAndShoot(page: Page, name: string, { desktop, fullPage = false, settleMs = 0 }: ShootOptions) {
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page);
    for (const [size, viewport] of [["desktop", desktop], ["phone", PHONE]] as const) {
      await page.setViewportSize(viewport);
      if (settleMs) await page.waitForTimeout(settleMs);
      await page.screenshot({ path: `e2e/artifacts/${name}-${colorScheme}-${size}.png`, fullPage });
    }
  }
  await page.setViewportSize(desktop);
  await page.emulateMedia({ colorScheme: "light" });
}
