import { expect, test, type APIRequestContext, type Page, type Route } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { playerBar } from "./player";
import { createTrack, TRACK_MODEL, waitUntilIdle } from "./tracks";

// Wording and feedback, against the studio in demo mode (SIM_BALANCE_USD=25, SIM_SPEED 20): a
// balance too low says how to change the simulated balance, never "Top up at venice.ai"; tracks
// that finish together get one toast ("2 takes of “…” are ready", "2 tracks are ready"), which
// on a phone sits clear of the header and above the player bar; a share link previews in chat
// apps (Open Graph and Twitter card tags), and a revoked one tells nothing of its track.
// A job running past its expected time ("taking longer than usual", the time so far) cannot be
// provoked in demo mode (the simulator has no slow marker): tests/jobs/progress-wording.test.ts.

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const DEMO_HINT = "SIM_BALANCE_USD=100 npm start";
// As a chat app's link expander asks: Next.js then puts the metadata in <head>, never streamed.
const LINK_EXPANDER = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

test.describe.configure({ timeout: 120_000 });

const recentTracks = (page: Page) => page.getByRole("region", { name: "Your recent tracks" });
const readyToast = (page: Page) => page.getByTestId("toast").filter({ hasText: "ready." });

async function openStudio(page: Page) {
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption(TRACK_MODEL);
  await expect(recentTracks(page).getByText("Loading…")).toHaveCount(0);
}

/**
 * Holds the page's reads of its jobs (not the submits) until the returned release is called:
 * the jobs then finish on the server meanwhile, and the page learns of them all at once, as
 * when takes finish within a moment of each other.
 */
async function holdJobReads(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let holding = true;
  await page.route(/\/api\/generations[/?]/, async (route) => {
    if (holding && route.request().method() === "GET") held.push(route);
    else await route.continue();
  });
  return async () => {
    holding = false;
    // A read the page gave up on meanwhile cannot be continued; it asked again.
    for (const route of held.splice(0)) await route.continue().catch(() => undefined);
  };
}

/** Submits the form; answers the ids of the takes it made. */
async function submit(page: Page, prompt: string, takes = 1): Promise<string[]> {
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByRole("radio", { name: String(takes) }).check({ force: true });
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  const accepted = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/api/generations"));
  await page.getByRole("button", { name: /^Create/ }).click();
  const answer = await accepted;
  expect(answer.status()).toBe(202);
  return ((await answer.json()) as { generations: { id: string }[] }).generations.map((job) => job.id);
}

async function waitCompleted(request: APIRequestContext, ids: string[]) {
  for (const id of ids) {
    await expect
      .poll(async () => ((await (await request.get(`/api/generations/${id}`)).json()) as { status: string }).status, { timeout: 45_000, intervals: [250, 500, 1000] })
      .toBe("completed");
  }
}

test("demo mode: a balance too low says how to change the simulated balance, never to top up at venice.ai", async ({ page, request }) => {
  const { usd: balance } = (await (await request.get("/api/balance")).json()) as { usd: number };
  // Four ten-minute ElevenLabs songs: far more than the demo account's 25 dollars.
  const body = { model: "elevenlabs-music", request: { prompt: "An epic orchestral anthem with a choir", duration_seconds: 600 }, takes: 4 };
  const { usd: price } = (await (await request.post("/api/quote", { data: body })).json()) as { usd: number };
  expect(price).toBeGreaterThan(balance);

  // The API's refusal.
  const refused = await request.post("/api/generations", { headers: { "Idempotency-Key": `e2e-feedback-${Date.now()}` }, data: body });
  expect(refused.status()).toBe(402);
  const { error } = (await refused.json()) as { error: string };
  expect(error).toMatch(/^This costs \$\d+\.\d\d but the Venice balance is \$\d+\.\d\d\. In demo mode the balance is simulated\./);
  expect(error).toContain(DEMO_HINT);
  expect(error).not.toContain("venice.ai");

  // The form's reason, before anything is sent.
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-music");
  await page.getByLabel("Prompt", { exact: true }).fill(body.request.prompt);
  const slider = page.getByRole("slider", { name: "Duration" });
  await slider.focus();
  await slider.press("End");
  await page.getByRole("radio", { name: "4" }).check({ force: true });
  const reason = page.locator("#submit-reason");
  await expect(reason).toContainText("is short of");
  await expect(reason).toContainText("In demo mode the balance is simulated.");
  await expect(reason).toContainText("SIM_BALANCE_USD");
  await expect(reason).not.toContainText("venice.ai");
  await expect(page.getByText(/Top up at venice\.ai/)).toHaveCount(0);
  await reason.screenshot({ path: "e2e/artifacts/feedback-demo-balance.png" });
});

test("two takes finishing together are one toast; on a phone it is clear of the header and above the player bar", async ({ page, request }) => {
  await waitUntilIdle(request);
  const playing = await createTrack(request, `Feedback bar filler: a kettle coming to the boil ${Date.now()}`);
  const { track } = (await (await request.get(`/api/tracks/${playing}`)).json()) as { track: { title: string } };
  await page.setViewportSize(PHONE);
  await openStudio(page);
  // Something plays, so the player bar is up.
  await recentTracks(page).getByRole("button", { name: `Play ${track.title}` }).first().click();
  await expect(playerBar(page)).toBeVisible();

  const release = await holdJobReads(page);
  const prompt = `Twin bicycle bells ${Date.now()} down a lane`;
  const ids = await submit(page, prompt, 2);
  await waitCompleted(request, ids);
  await release();

  const toast = readyToast(page);
  await expect(toast).toHaveText(/^2 takes of “.+” are ready\./);
  await expect(page.getByTestId("toast")).toHaveCount(1);
  await expect(toast.getByRole("button", { name: "Open the track" })).toBeVisible();
  // No take of it is told again on its own afterwards.
  await page.waitForTimeout(2_000);
  await expect(page.getByText(/” is ready\./)).toHaveCount(0);

  // Clear of the header (at the top of the page), above the bar, within the screen.
  const [toastBox, headerBox, barBox] = await Promise.all([toast.boundingBox(), page.locator("header").first().boundingBox(), playerBar(page).boundingBox()]);
  expect(toastBox && headerBox && barBox).toBeTruthy();
  expect(toastBox!.y).toBeGreaterThanOrEqual(headerBox!.y + headerBox!.height);
  expect(toastBox!.y + toastBox!.height).toBeLessThanOrEqual(barBox!.y);
  expect(toastBox!.x).toBeGreaterThanOrEqual(0);
  expect(toastBox!.x + toastBox!.width).toBeLessThanOrEqual(PHONE.width);

  // The focus in it holds it for the pictures.
  await toast.getByRole("button", { name: "Open the track" }).focus();
  await checkAndShoot(page, "feedback-grouped-toast", { desktop: DESKTOP });
  await expect(toast).toBeVisible();
});

test("tracks of two submits finishing together are one toast, with the library to open", async ({ page, request }) => {
  await waitUntilIdle(request);
  await page.setViewportSize(DESKTOP);
  await openStudio(page);
  const release = await holdJobReads(page);
  const first = await submit(page, `Feedback pair one: a door creaking open ${Date.now()}`);
  const second = await submit(page, `Feedback pair two: rain on a tin roof ${Date.now()}`);
  await waitCompleted(request, [...first, ...second]);
  await release();

  const toast = readyToast(page);
  await expect(toast).toHaveText(/^2 tracks are ready\./);
  await expect(page.getByTestId("toast")).toHaveCount(1);
  await toast.getByRole("button", { name: "Open the library" }).click();
  await expect(page).toHaveURL(/\/library$/);
});

/** The content of the <meta> naming `name` (property= or name=) in `head`, or null. */
function meta(head: string, name: string): string | null {
  const tag = new RegExp(`<meta\\b[^>]*\\b(?:property|name)="${name.replace(/[.:]/g, "\\$&")}"[^>]*>`).exec(head)?.[0];
  const content = tag && /\bcontent="([^"]*)"/.exec(tag)?.[1];
  return content == null ? null : content.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
}

/** A page's <head> as a chat app's link expander gets it. */
async function headOf(request: APIRequestContext, url: string): Promise<{ status: number; head: string; html: string }> {
  const response = await request.get(url, { headers: { "User-Agent": LINK_EXPANDER } });
  const html = await response.text();
  return { status: response.status(), head: html.slice(0, html.indexOf("</head>")), html };
}

test("a share link previews in chat apps; revoked or made up, its page tells nothing of the track", async ({ browser, request }) => {
  const trackId = await createTrack(request, `Preview me: a lighthouse foghorn at dawn ${Date.now()}`);
  const { track } = (await (await request.get(`/api/tracks/${trackId}`)).json()) as { track: { title: string } };
  const made = await request.post(`/api/tracks/${trackId}/shares`, { data: {} });
  expect(made.status()).toBe(201);
  const { id: shareId, url } = (await made.json()) as { id: string; url: string };
  const origin = new URL(url).origin;
  const token = url.split("/share/")[1]!;

  const { status, head } = await headOf(request, url);
  expect(status).toBe(200);
  expect(meta(head, "og:title")).toBe(track.title);
  expect(meta(head, "og:description")).toMatch(/^A track made with Venice Studio · \d+:\d\d$/);
  expect(meta(head, "og:type")).toBe("music.song");
  expect(meta(head, "og:site_name")).toBe("Venice Studio");
  expect(meta(head, "og:url")).toBe(url);
  expect(meta(head, "og:audio")).toBe(`${origin}/api/share/${token}/audio`);
  expect(meta(head, "og:audio:type")).toMatch(/^audio\//);
  expect(meta(head, "og:image")).toBe(`${origin}/icon.svg`);
  expect(meta(head, "twitter:card")).toBe("summary");
  expect(meta(head, "twitter:title")).toBe(track.title);
  expect(meta(head, "twitter:description")).toBe(meta(head, "og:description"));
  expect(meta(head, "robots")).toMatch(/noindex/);
  // The audio a preview points at plays for whoever fetches it.
  const audio = await request.get(meta(head, "og:audio")!, { headers: { "User-Agent": LINK_EXPANDER, Range: "bytes=0-1" } });
  expect(audio.status()).toBe(206);
  expect(audio.headers()["content-type"]).toMatch(/^audio\//);

  // A browser gets the same tags.
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guest = await visitor.newPage();
  await guest.goto(url);
  await expect(guest.locator('meta[property="og:title"]')).toHaveAttribute("content", track.title);
  await expect(guest.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");

  // Revoked: a plain title, and nothing of the track anywhere in the page.
  expect((await request.delete(`/api/shares/${shareId}`)).status()).toBe(200);
  const gone = await headOf(request, url);
  expect(gone.status).toBe(404);
  expect(gone.head).toContain("<title>Link no longer works · Venice Studio</title>");
  expect(gone.html).not.toContain(track.title);
  for (const name of ["og:title", "og:description", "og:audio", "og:image", "twitter:card", "twitter:title"]) expect(meta(gone.head, name), name).toBeNull();
  await guest.goto(url);
  await expect(guest).toHaveTitle("Link no longer works · Venice Studio");
  await expect(guest.locator('meta[property^="og:"], meta[name^="twitter:"]')).toHaveCount(0);

  // A made-up token: the same.
  const madeUp = await headOf(request, `${origin}/share/${"B".repeat(43)}`);
  expect(madeUp.status).toBe(404);
  expect(meta(madeUp.head, "og:title")).toBeNull();
  expect(madeUp.head).toContain("<title>Link no longer works · Venice Studio</title>");
  await visitor.close();
});
