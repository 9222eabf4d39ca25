import { readFile } from "node:fs/promises";
import { expect, test, type Browser } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { createTrack } from "./tracks";

// Share links end to end: the owner makes one in the library, someone signed out opens it,
// sees the track, plays it and downloads it, and once the owner revokes it the link is a 404
// page and its audio a 404. Screenshots of the dialog and both pages land in e2e/artifacts/.

const DESKTOP = { width: 1280, height: 800 };

/** Screenshots at DESKTOP and phone size, each once the waveform is redrawn. */
const SHOTS = { desktop: DESKTOP, settleMs: 300 };

/** A browser context with nobody signed in. */
async function signedOut(browser: Browser) {
  return browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: DESKTOP });
}

test("a share link opens signed out, plays and downloads; revoked, it is a 404", async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const trackId = await createTrack(request, `Share me: a foghorn over a calm bay ${Date.now()}`);
  const { track } = (await (await request.get(`/api/tracks/${trackId}`)).json()) as { track: { title: string; generationId: string; creator: { id: string } } };

  // The owner makes a link in the library.
  await page.setViewportSize(DESKTOP);
  await page.goto("/library");
  const row = page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`);
  const shareButton = row.getByRole("button", { name: `Share ${track.title}` });
  await shareButton.click();
  const dialog = page.getByRole("dialog", { name: `Share “${track.title}”` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("No links yet.")).toBeVisible();
  await dialog.getByLabel("Link expires").selectOption({ label: "After 7 days" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const urlField = dialog.getByLabel("New link");
  await expect(urlField).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
  const url = await urlField.inputValue();
  const token = url.split("/share/")[1]!;
  await expect(dialog.getByTestId("share-link")).toHaveCount(1);
  await expect(dialog.getByTestId("share-link").first()).toHaveAttribute("data-status", "active");
  await expect(dialog.getByTestId("share-link").first()).toContainText(/Expires/);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await checkAndShoot(page, "share-dialog", SHOTS);

  // Escape closes it and gives the focus back to the Share button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(shareButton).toBeFocused();

  // Someone signed out opens the link: the track, its waveform drawn from the stored peaks.
  const visitor = await signedOut(browser);
  const guest = await visitor.newPage();
  const errors: string[] = [];
  guest.on("pageerror", (error) => errors.push(error.message));
  const opened = await guest.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText(track.title);
  await expect(guest.getByText("Sonilo V1.1 Sound Effects")).toBeVisible();
  const waveform = guest.getByTestId("share-waveform");
  await expect(waveform).toHaveAttribute("data-drawn", "true");
  await expect(waveform.locator("canvas").first()).toBeVisible();
  await checkAndShoot(guest, "share-page", SHOTS);

  // Nothing else of the studio is in the page: no links but the download, no ids, not indexed.
  const html = await (await visitor.request.get(url)).text();
  for (const id of [trackId, track.generationId, track.creator.id]) expect(html).not.toContain(id);
  expect(html).not.toMatch(/href="\/(library|team|ledger|account|sign-in)?"/);
  expect(html).toMatch(/<meta name="robots" content="noindex/);
  await expect(guest.getByRole("link").filter({ hasNotText: "Skip to content" })).toHaveCount(1);
  await expect(guest.getByRole("link").filter({ hasNotText: "Skip to content" })).toHaveText(/Download/);

  // Play: the time advances.
  await guest.getByRole("button", { name: `Play ${track.title}` }).click();
  await expect(guest.getByTestId("share-current-time")).not.toHaveText("0:00", { timeout: 10_000 });

  // Download: byte for byte the stored file.
  const downloading = guest.waitForEvent("download");
  await guest.getByRole("link", { name: /Download/ }).click();
  const download = await downloading;
  const saved = await readFile((await download.path())!);
  const stored = await (await request.get(`/api/tracks/${trackId}/audio`)).body();
  expect(saved.length).toBeGreaterThan(0);
  expect(Buffer.compare(saved, stored)).toBe(0);
  expect(errors).toEqual([]);

  // The owner revokes it.
  await shareButton.click();
  const link = dialog.getByTestId("share-link").first();
  await link.getByRole("button", { name: /^Revoke / }).click();
  await expect(link).toHaveAttribute("data-status", "revoked");
  await expect(link.getByRole("button", { name: /^Revoke / })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  // Now the link is a 404 page, and its audio and waveform are 404s.
  const gone = await guest.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(guest.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await expect(guest.getByRole("link").filter({ hasNotText: "Skip to content" })).toHaveCount(0);
  expect((await visitor.request.get(`/api/share/${token}/audio`)).status()).toBe(404);
  expect((await visitor.request.get(`/api/share/${token}/peaks`)).status()).toBe(404);
  await checkAndShoot(guest, "share-gone", SHOTS);
  await visitor.close();
});

test("a made-up share link is the same 404 page", async ({ browser }) => {
  const visitor = await signedOut(browser);
  const guest = await visitor.newPage();
  const response = await guest.goto(`/share/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(guest.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await visitor.close();
});

test("the share dialog reaches every link of a track, page by page, and counts the active ones", async ({ page, request }) => {
  test.setTimeout(120_000);
  const trackId = await createTrack(request, `Shared a lot: wind chimes on a porch ${Date.now()}`);
  const title = ((await (await request.get(`/api/tracks/${trackId}`)).json()) as { track: { title: string } }).track.title;
  // 30 links, 10 of them revoked: more than the dialog's first page of 25, and no more than 20 active at once.
  const make = async () => {
    const made = await request.post(`/api/tracks/${trackId}/shares`, { data: {} });
    expect(made.status()).toBe(201);
    return ((await made.json()) as { id: string }).id;
  };
  for (let i = 0; i < 10; i++) expect((await request.delete(`/api/shares/${await make()}`)).status()).toBe(200);
  for (let i = 0; i < 20; i++) await make();
  const refused = await request.post(`/api/tracks/${trackId}/shares`, { data: {} });
  expect(refused.status()).toBe(409);

  await page.goto("/library");
  await page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`).getByRole("button", { name: `Share ${title}` }).click();
  const dialog = page.getByRole("dialog", { name: `Share “${title}”` });
  await expect(dialog.getByTestId("share-active-count")).toHaveText("· 20 active");
  await expect(dialog.getByTestId("share-link")).toHaveCount(25);
  await dialog.getByRole("button", { name: "Show older links" }).click();
  await expect(dialog.getByTestId("share-link")).toHaveCount(30);
  await expect(dialog.locator('[data-testid="share-link"][data-status="revoked"]')).toHaveCount(10);
  await expect(dialog.getByRole("button", { name: "Show older links" })).toHaveCount(0);

  // At the cap, making another says what to do.
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/already has 20 active share links.*Revoke one/);
});
