import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { E2E_OWNER } from "./owner";
import { createBatch } from "./tracks";

// A page per track (/tracks/:id), in demo mode: a 2-take batch is made through the API, then
// its take 2 is opened and everything the page shows and does is checked: prompt, model name,
// settings, details, sibling takes, play, download, share, reuse, rename, keep, favourite and
// delete (then a 404). A member in a browser of their own sees no Rename, Keep or Delete on the
// owner's tracks, and each member's favourites are their own. axe and screenshots of each state.

const MODEL_NAME = "Sonilo V1.1 Sound Effects";
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = { desktop: DESKTOP, fullPage: true, settleMs: 300 };
const MEMBER_PASSWORD = "member password 123";

type TrackAnswer = { track: { title: string; favorite: boolean; kept: boolean } };

async function apiTrack(request: APIRequestContext, trackId: string) {
  return ((await (await request.get(`/api/tracks/${trackId}`)).json()) as TrackAnswer).track;
}

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** A member invited by the owner (through the API) and signed up in a browser of their own. */
async function joinAsMember(browser: Browser, owner: APIRequestContext) {
  const invited = await owner.post("/api/team/invites", { data: { role: "member" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { url } = (await invited.json()) as { url: string };
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: DESKTOP });
  const page = await context.newPage();
  const name = `Tess Member ${Date.now().toString(36)}`;
  await page.goto(new URL(url).pathname + new URL(url).search);
  await expect(page.getByRole("heading", { name: "Join the studio" })).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`tess.${Date.now()}@studio.test`);
  await page.getByLabel("Password").fill(MEMBER_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create", exact: true })).toBeVisible();
  return { context, page, name };
}

test("a take's page shows its prompt, model, settings and sibling takes, and plays, keeps, renames, shares and deletes", async ({ page, request }) => {
  test.setTimeout(150_000);
  const word = `horn${Date.now().toString(36)}`;
  const prompt = `low ${word} foghorn and gulls over a harbour at dawn`;
  const { trackIds } = await createBatch(request, prompt, 2, 4);
  const [take1, take2] = trackIds as [string, string];
  const { title } = await apiTrack(request, take2);

  const response = await page.goto(`/tracks/${take2}`);
  expect(response!.status()).toBe(200);
  await expect(page).toHaveTitle(`${title} · Venice Studio`);
  await expect(page.getByRole("heading", { level: 1, name: "Track" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId("take-label")).toHaveText("Take 2 of 2");
  await expect(page.getByTestId("artwork-slot")).toBeVisible();

  // The full prompt, the model by its name, every setting by a name a person reads, the details.
  await expect(page.getByTestId("track-prompt")).toHaveText(prompt);
  await expect(page.getByTestId("track-lyrics")).toHaveCount(0);
  const settings = page.getByTestId("track-settings");
  await expect(settings.locator('dt:text-is("Duration") + dd')).toHaveText("4 s");
  await expect(settings).not.toContainText("duration_seconds");
  const facts = page.getByTestId("track-facts");
  await expect(facts.locator('dt:text-is("Model") + dd')).toHaveText(MODEL_NAME);
  await expect(facts.locator('dt:text-is("Length") + dd')).toHaveText("0:04");
  await expect(facts.locator('dt:text-is("Format") + dd')).toHaveText("WAV");
  await expect(facts.locator('dt:text-is("Creator") + dd')).toHaveText("You");
  await expect(facts.locator('dt:text-is("Cost") + dd')).toHaveText(/^\$\d+\.\d\d$/);
  await expect(facts.locator('dt:text-is("Created") + dd')).not.toBeEmpty();

  // The sibling takes, linked, this one marked as the page.
  const siblings = page.getByRole("navigation", { name: "Takes of this batch" }).getByRole("link");
  await expect(siblings).toHaveCount(2);
  await expect(siblings.nth(0)).toHaveAttribute("href", `/tracks/${take1}`);
  await expect(siblings.nth(1)).toHaveAttribute("aria-current", "page");
  await expect(siblings.nth(0)).not.toHaveAttribute("aria-current");

  // Play: the player bar takes it (the batch's takes are its queue); the page's button pauses it.
  await button(page, "Play").click();
  const player = page.getByRole("region", { name: "Player" });
  await expect(player.getByRole("button", { name: /^Pause / })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("player-duration")).toHaveText("0:04");
  await button(page, "Pause").click();
  await expect(button(page, "Play")).toBeVisible();

  // Keep and favourite; the sibling list marks the keeper.
  await button(page, "Keep").click();
  // Kept, the button says so.
  await expect(button(page, "Keeper")).toHaveAttribute("aria-pressed", "true");
  await expect(button(page, "Keep")).toHaveCount(0);
  await expect(page.locator(`[data-testid="sibling-take"][data-track-id="${take2}"]`)).toContainText("Keeper");
  await button(page, "Favorite").click();
  await expect(button(page, "Favorite")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => apiTrack(request, take2)).toMatchObject({ kept: true, favorite: true });
  await checkAndShoot(page, "track-page", SHOTS);

  // Download: the stored file, byte for byte.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download", exact: true }).click();
  const saved = await readFile((await (await downloading).path())!);
  expect(Buffer.compare(saved, await (await request.get(`/api/tracks/${take2}/audio`)).body())).toBe(0);

  // Reuse settings points the studio at this take.
  await expect(page.getByRole("link", { name: `Reuse settings of ${title}` })).toHaveAttribute("href", `/?reuse=${take2}`);

  // Rename in place.
  const renamed = `Harbour horn ${word}`;
  await button(page, "Rename").click();
  await page.getByRole("textbox", { name: `New title for ${title}` }).fill(renamed);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: renamed })).toBeVisible();
  await expect(button(page, "Rename")).toBeFocused();
  await expect.poll(async () => (await apiTrack(request, take2)).title).toBe(renamed);

  // Share: the share dialog, for this take.
  await button(page, "Share").click();
  const dialog = page.getByRole("dialog", { name: `Share “${renamed}”` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Delete asks first (Cancel has the focus), then goes back to the library; the page is a 404.
  await button(page, "Delete").click();
  const confirm = page.getByRole("dialog", { name: `Delete take 2 of “${renamed}”?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await checkAndShoot(page, "track-page-delete-confirm", { desktop: DESKTOP });
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/library$/);
  expect((await request.get(`/api/tracks/${take2}`)).status()).toBe(404);

  const gone = await page.goto(`/tracks/${take2}`);
  expect(gone!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This track does not exist or was deleted" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the library" })).toHaveAttribute("href", "/library");
  await checkAndShoot(page, "track-page-not-found", { desktop: DESKTOP });
  for (const id of ["6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11", "not-a-track"]) {
    expect((await page.goto(`/tracks/${id}`))!.status()).toBe(404);
  }

  // Take 1 stays, now the batch's only take.
  await page.goto(`/tracks/${take1}`);
  await expect(page.getByTestId("take-label")).toHaveText("Single take");
  await expect(page.getByRole("navigation", { name: "Takes of this batch" })).toHaveCount(0);
});

test("a member sees no Rename, Keep or Delete on the owner's track, and favourites are each member's own", async ({ page, request, browser }) => {
  test.setTimeout(150_000);
  const word = `owl${Date.now().toString(36)}`;
  const { batchId, trackIds } = await createBatch(request, `night ${word} owls calling across a misty valley`, 2);
  const [take1, take2] = trackIds as [string, string];
  const { title } = await apiTrack(request, take1);
  const member = await joinAsMember(browser, request);

  // The library, as the member: the owner's name, and only Favorite among the track's own actions.
  await member.page.goto(`/library?q=${word}`);
  const batchRow = member.page.locator(`[data-testid="track-row"][data-batch-id="${batchId}"]`);
  await expect(batchRow.getByTestId("row-creator")).toHaveText(E2E_OWNER.name);
  await batchRow.getByRole("button", { name: "2 takes" }).click();
  await expect(batchRow.getByTestId("take-row")).toHaveCount(2);
  await expect(batchRow.getByRole("button", { name: /^(Rename|Keep|Delete) / })).toHaveCount(0);
  await expect(batchRow.getByRole("button", { name: /^Favorite Take \d of / })).toHaveCount(2);
  const star = batchRow.getByRole("button", { name: `Favorite Take 1 of ${title}` });
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await checkAndShoot(member.page, "library-member-view", { desktop: DESKTOP, settleMs: 300 });

  // The track page, as the member: their favourite, and neither Rename, Keep nor Delete.
  await member.page.goto(`/tracks/${take1}`);
  await expect(member.page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(button(member.page, "Favorite")).toHaveAttribute("aria-pressed", "true");
  for (const name of ["Rename", "Keep", "Keeper", "Delete"]) await expect(button(member.page, name)).toHaveCount(0);
  for (const name of ["Play", "Share"]) await expect(button(member.page, name)).toBeVisible();
  await expect(member.page.getByTestId("track-facts").locator('dt:text-is("Creator") + dd')).toHaveText(E2E_OWNER.name);
  await checkAndShoot(member.page, "track-page-member", SHOTS);

  // The server refuses them anyway.
  for (const data of [{ title: "Mine now" }, { kept: true }]) {
    expect((await member.page.request.patch(`/api/tracks/${take1}`, { data })).status()).toBe(403);
  }
  expect((await member.page.request.delete(`/api/tracks/${take1}`)).status()).toBe(403);

  // Favourites are each member's own: the owner's take 1 is not one; the owner's take 2 is not the member's.
  expect((await apiTrack(request, take1)).favorite).toBe(false);
  await page.goto(`/tracks/${take2}`);
  await button(page, "Favorite").click();
  await expect(button(page, "Favorite")).toHaveAttribute("aria-pressed", "true");
  for (const name of ["Rename", "Keep", "Delete"]) await expect(button(page, name)).toBeVisible();
  await expect.poll(async () => (await apiTrack(member.page.request, take2)).favorite).toBe(false);
  await page.goto(`/tracks/${take1}`);
  await expect(button(page, "Favorite")).toHaveAttribute("aria-pressed", "false");

  // …and so is each one's "Favorites only" list.
  await page.goto(`/library?q=${word}&favorite=1`);
  await expect(page.getByTestId("track-row")).toHaveCount(1);
  await expect(page.getByTestId("track-row")).toHaveAttribute("data-track-id", take2);
  await member.page.goto(`/library?q=${word}&favorite=1`);
  await expect(member.page.getByTestId("track-row")).toHaveCount(1);
  await expect(member.page.getByTestId("track-row")).toHaveAttribute("data-track-id", take1);
  await member.context.close();
});
