import { readFileSync } from "node:fs";
import { expect, test, type Page, type Request } from "@playwright/test";
import { createTrack } from "./tracks";

test("the studio answers its health check in demo mode", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, mode: "demo", db: "ok" });
});

test("the home page loads and shows the studio", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await expect(page).toHaveTitle(/Venice Studio/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Venice Studio");
  await expect(page.getByText("Demo mode", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Library" })).toHaveAttribute("href", "/library");
  for (const section of ["Create", "Jobs in flight"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  // The model picker is filled from the simulator's catalog, music first, grouped by kind.
  const picker = page.getByLabel("Model", { exact: true });
  await expect(picker.locator("optgroup")).toHaveCount(3);
  await expect(picker.locator("optgroup").first()).toHaveAttribute("label", "Music");
  await expect(picker.locator("option", { hasText: "ACE-Step 1.5" })).toHaveCount(1);
  await expect(picker.locator("option", { hasText: "$0.115 per 1,000 characters" }).first()).toBeAttached();
  await page.screenshot({ path: "e2e/artifacts/home.png", fullPage: true });
  expect(errors).toEqual([]);
});

// The page header keeps its whole title and its links on one row, from a phone to a desktop,
// and no page scrolls sideways.
for (const colorScheme of ["light", "dark"] as const) {
  for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
    for (const [name, path, loaded] of [
      ["home", "/", /^Create$/],
      ["library", "/library", /Your library is empty|\d+ tracks?( in \d+ batch(es)?)?$|^Load more$/],
    ] as const) {
      test(`the ${name} page fits a ${device}, ${colorScheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize(viewport);
        await page.goto(path);
        await expect(page.getByText(loaded).first()).toBeVisible();
        const title = await page.getByRole("heading", { level: 1 }).boundingBox();
        const links = await page.locator("header").getByRole("link").last().boundingBox();
        expect(title && links).toBeTruthy();
        // One row: the right-hand link sits level with the title, to its right.
        expect(Math.abs(title!.y + title!.height / 2 - (links!.y + links!.height / 2))).toBeLessThan(4);
        expect(links!.x).toBeGreaterThan(title!.x + title!.width);
        // The title is whole, not cut short with an ellipsis.
        expect(await page.getByRole("heading", { level: 1 }).evaluate((h1) => h1.scrollWidth <= h1.clientWidth)).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: `e2e/artifacts/${name}-${colorScheme}-${device}.png`, fullPage: true });
      });
    }
  }
}

// bench/first-load-js.ts sizes each page's first-load JS from the build's own list. What a
// browser fetches before the load event must be exactly that list; later fetches are prefetches
// of linked pages, and none of it may be wavesurfer.js, which waits for the first Play.
function jsRequests(page: Page) {
  const beforeLoad: Request[] = [];
  const all: Request[] = [];
  let loaded = false;
  page.on("load", () => (loaded = true));
  page.on("request", (request) => {
    if (!new URL(request.url()).pathname.endsWith(".js")) return;
    all.push(request);
    if (!loaded) beforeLoad.push(request);
  });
  return { beforeLoad, all };
}

async function fetchesWavesurfer(requests: Request[]): Promise<boolean> {
  const bodies = await Promise.all(requests.map(async (request) => (await request.response())?.text() ?? ""));
  return bodies.some((body) => /wavesurfer/i.test(body));
}

for (const [route, loaded] of [["/", /^Create$/], ["/library", /Your library is empty|\d+ tracks?( in \d+ batch(es)?)?$|^Load more$/]] as const) {
  test(`the first load of ${route} fetches exactly the JS the build lists for it`, async ({ page }) => {
    const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
    const listed = stats.find((entry) => entry.route === route)!.firstLoadChunkPaths.map((file) => file.replace(/^\.next\//, "/_next/"));
    const js = jsRequests(page);
    await page.goto(route);
    await expect(page.getByText(loaded).first()).toBeVisible();
    // Give idle-time prefetches their chance to show up.
    await page.waitForTimeout(1000);
    expect(js.beforeLoad.map((request) => new URL(request.url()).pathname).sort()).toEqual([...listed].sort());
    expect(await fetchesWavesurfer(js.all)).toBe(false);
    const sizes = await Promise.all(js.beforeLoad.map(async (request) => (await request.sizes()).responseBodySize));
    const transferred = sizes.reduce((sum, bytes) => sum + bytes, 0);
    console.log(`${route}: ${sizes.length} JS files, ${(transferred / 1000).toFixed(1)} kB gzip over the wire on first load`);
  });
}

test("wavesurfer.js is fetched on the first Play, not before", async ({ page }) => {
  const trackId = await createTrack(page.request, "A short chime for the player's lazy load");
  const js = jsRequests(page);
  await page.goto("/library");
  const row = page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`);
  await expect(row).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await fetchesWavesurfer(js.all)).toBe(false);
  await row.getByRole("button", { name: /^Play / }).click();
  await expect(page.getByRole("region", { name: "Player" }).getByRole("slider", { name: "Seek" })).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  expect(await fetchesWavesurfer(js.all)).toBe(true);
});

// Every page runs under a Content-Security-Policy whose script nonce is new for each response
// (proxy.ts): nothing the studio needs may be refused, from the first load to wavesurfer.js
// playing a track in the library and on a share page, the built-in 404 page included.
test("pages and the player run under the Content Security Policy, with the security headers", async ({ page }) => {
  const trackId = await createTrack(page.request, "A short chime under the page's security policy", 6);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  // The page reports each refusal itself too, naming it (init scripts are outside the policy).
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} refused ${event.blockedURI || "an inline script or style"}`),
    );
  });

  const library = await page.goto("/library");
  const headers = library!.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over plain HTTP: no HSTS, and no upgrade to an https:// that is not there.
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(policy).not.toContain("upgrade-insecure-requests");
  // A fresh nonce on every page load.
  const again = (await page.reload())!.headers()["content-security-policy"];
  expect(again).not.toBe(policy);

  const row = page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`);
  await row.getByRole("button", { name: /^Play / }).click();
  const player = page.getByRole("region", { name: "Player" });
  await expect(player.getByRole("slider", { name: "Seek" })).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  await expect(player.locator("canvas").first()).toBeVisible();
  await expect(player.getByRole("slider", { name: "Seek" })).toHaveAttribute("aria-valuenow", /[1-9]/, { timeout: 15_000 });

  const created = await page.request.post(`/api/tracks/${trackId}/shares`, { data: {} });
  expect(created.status(), await created.text()).toBe(201);
  const { url } = (await created.json()) as { url: string };
  const shared = await page.goto(new URL(url).pathname);
  expect(shared!.headers()["referrer-policy"]).toBe("no-referrer");
  expect(shared!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await expect(page.getByTestId("share-waveform")).toHaveAttribute("data-drawn", "true", { timeout: 15_000 });
  await page.getByRole("button", { name: /^Play / }).click();
  await expect(page.getByTestId("share-current-time")).not.toHaveText("0:00", { timeout: 10_000 });

  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This page does not exist" })).toBeVisible();
  expect(violations).toEqual([]);
});
