import { expect, test, type Page } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { TRACK_MODEL, createTrack } from "./tracks";

// Never lose what the creator typed: the Create form's draft is kept in this browser (per
// member) across a reload and a closed tab, a model switch hides rather than drops, the lyrics
// optimizer gives the lyrics back, recent prompts can be picked again, Ctrl+Enter creates, and
// "not ready" is said once there is something to say it about. Demo mode, SIM_SPEED 20.

const DESKTOP = { width: 1280, height: 900 };
const DRAFT_KEY_PREFIX = "venice-studio:create-draft:";

const model = (page: Page) => page.getByLabel("Model", { exact: true });
const prompt = (page: Page) => page.getByLabel("Prompt", { exact: true });
const reason = (page: Page) => page.locator("#submit-reason");
const hiddenNotice = (page: Page) => page.getByRole("status").filter({ hasText: "hidden for this model" });

async function openStudio(page: Page, modelId: string) {
  await page.goto("/");
  await model(page).selectOption(modelId);
}

/** The draft this browser keeps for the signed-in member, as stored. */
async function storedDraft(page: Page): Promise<{ model: string; takes: number; draft: Record<string, unknown> } | null> {
  return page.evaluate((prefix) => {
    const key = Object.keys(localStorage).find((candidate) => candidate.startsWith(prefix));
    return key ? JSON.parse(localStorage.getItem(key) ?? "null") : null;
  }, DRAFT_KEY_PREFIX);
}

/** Sends the form with `text` as its prompt and waits for the studio to take it. */
async function submitPrompt(page: Page, text: string) {
  await prompt(page).fill(text);
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  const accepted = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/api/generations"));
  await page.getByRole("button", { name: /^Create/ }).click();
  expect((await accepted).status()).toBe(202);
}

test("the draft survives a reload and a closed tab, and New draft clears it (with an undo)", async ({ page, context }) => {
  await openStudio(page, "seed-audio-1-0");
  await prompt(page).fill("A lullaby sung over a soft guitar");
  await page.getByLabel("Lyrics (optional)").fill("Sleep now, the stars are out");
  await page.getByLabel("Voice", { exact: true }).selectOption("Vivi");
  await page.getByRole("radio", { name: "3" }).check({ force: true });
  await expect.poll(async () => (await storedDraft(page))?.takes).toBe(3);
  const stored = await storedDraft(page);
  expect(stored).toMatchObject({ model: "seed-audio-1-0", draft: { prompt: "A lullaby sung over a soft guitar", voice: "Vivi" } });

  const expectDraft = async (on: Page) => {
    await expect(model(on)).toHaveValue("seed-audio-1-0");
    await expect(prompt(on)).toHaveValue("A lullaby sung over a soft guitar");
    await expect(on.getByLabel("Lyrics (optional)")).toHaveValue("Sleep now, the stars are out");
    await expect(on.getByLabel("Voice", { exact: true })).toHaveValue("Vivi");
    await expect(on.getByRole("radio", { name: "3" })).toBeChecked();
  };
  await page.reload();
  await expectDraft(page);

  // The tab closed, the studio opened again in a new one.
  const again = await context.newPage();
  await page.close();
  await again.goto("/");
  await expectDraft(again);
  // It is ready to create: nothing to say under the button.
  await expect(reason(again)).toHaveText("");

  await again.getByRole("button", { name: "New draft" }).click();
  await expect(model(again)).toHaveValue("seed-audio-1-0");
  await expect(prompt(again)).toHaveValue("");
  await expect(again.getByLabel("Lyrics (optional)")).toHaveValue("");
  await expect(again.getByLabel("Voice", { exact: true })).toHaveValue("Describe in prompt");
  await expect(again.getByRole("radio", { name: "1" })).toBeChecked();
  await expect(reason(again)).toHaveText("");
  const undo = again.getByRole("status").filter({ hasText: "clear for a new draft" });
  await undo.getByRole("button", { name: "Undo" }).click();
  await expectDraft(again);

  await again.getByRole("button", { name: "New draft" }).click();
  await expect.poll(async () => (await storedDraft(again))?.draft.prompt).toBe("");
  await again.reload();
  await expect(prompt(again)).toHaveValue("");
  await expect(again.getByRole("status").filter({ hasText: "clear for a new draft" })).toHaveCount(0);
});

test("a stored draft that is not one is ignored and written over", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  await prompt(page).fill("Kept for a moment");
  await expect.poll(async () => (await storedDraft(page))?.draft.prompt).toBe("Kept for a moment");
  await page.evaluate((prefix) => {
    const key = Object.keys(localStorage).find((candidate) => candidate.startsWith(prefix))!;
    localStorage.setItem(key, JSON.stringify({ version: 1, model: "ace-step-15", draft: { prompt: 42 }, takes: 99 }));
  }, DRAFT_KEY_PREFIX);
  await page.reload();
  await expect(prompt(page)).toHaveValue("");
  await expect(page.getByRole("radio", { name: "1" })).toBeChecked();
  await expect.poll(async () => (await storedDraft(page))?.takes).toBe(1);
});

test("a reuse from a track wins over the kept draft, then is the draft", async ({ page, request }) => {
  const word = `reuse${Date.now().toString(36)}`;
  const trackId = await createTrack(request, `${word} wind chimes on a porch`);
  await openStudio(page, "ace-step-15");
  await prompt(page).fill("My own half-typed idea");
  await expect.poll(async () => (await storedDraft(page))?.draft.prompt).toBe("My own half-typed idea");
  await page.goto(`/?reuse=${trackId}`);
  await expect(model(page)).toHaveValue(TRACK_MODEL);
  await expect(prompt(page)).toHaveValue(`${word} wind chimes on a porch`);
  await expect(page).toHaveURL(/\/$/);
  await page.reload();
  await expect(model(page)).toHaveValue(TRACK_MODEL);
  await expect(prompt(page)).toHaveValue(`${word} wind chimes on a porch`);
});

test("lyrics survive a model round trip and a lyrics optimizer toggle", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  await page.getByLabel("Lyrics (optional)").fill("La la la, the night is young");
  await model(page).selectOption("elevenlabs-music");
  await expect(hiddenNotice(page)).toContainText("ElevenLabs Music does not take: lyrics.");
  await expect(hiddenNotice(page)).toContainText("switch back to ACE-Step 1.5");
  await expect(page.getByRole("form", { name: "Create" }).getByText("dropped")).toHaveCount(0);
  await model(page).selectOption("ace-step-15");
  await expect(page.getByLabel("Lyrics (optional)")).toHaveValue("La la la, the night is young");
  await expect(hiddenNotice(page)).toHaveCount(0);

  // MiniMax Music 2.5 writes lyrics itself when asked; the creator's own come back after.
  await model(page).selectOption("minimax-music-v25");
  const lyrics = page.getByLabel("Lyrics", { exact: true });
  await expect(lyrics).toHaveValue("La la la, the night is young");
  const optimizer = page.getByRole("switch", { name: "Lyrics optimizer" });
  await optimizer.check();
  await expect(lyrics).toHaveValue("");
  await expect(lyrics).toBeDisabled();
  // Set aside across a reload too.
  await page.reload();
  await expect(optimizer).toBeChecked();
  await optimizer.uncheck();
  await expect(lyrics).toBeEnabled();
  await expect(lyrics).toHaveValue("La la la, the night is young");
});

test("Ctrl+Enter creates from the prompt or the lyrics, once, and only when the form is ready", async ({ page }) => {
  const keys: string[] = [];
  page.on("request", (sent) => {
    if (sent.method() === "POST" && sent.url().endsWith("/api/generations")) keys.push(sent.headers()["idempotency-key"] ?? "");
  });
  await openStudio(page, TRACK_MODEL);
  // Too short: nothing is sent, and the reason is said.
  await prompt(page).fill("ab");
  await prompt(page).press("Control+Enter");
  await expect(reason(page)).toContainText("Not ready yet.");
  await page.waitForTimeout(500);
  expect(keys).toEqual([]);

  await prompt(page).fill(`Keyboard submitted thunder ${Date.now()}`);
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await prompt(page).press("Control+Enter");
  await prompt(page).press("Control+Enter");
  await expect(page.getByTestId("job").filter({ hasText: "Keyboard submitted thunder" })).toHaveCount(1);
  await page.waitForTimeout(1000);
  await expect(page.getByTestId("job").filter({ hasText: "Keyboard submitted thunder" })).toHaveCount(1);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size).toBe(1);

  await model(page).selectOption("ace-step-15");
  await prompt(page).fill(`Keyboard lyrics ballad ${Date.now()}`);
  const lyrics = page.getByLabel("Lyrics (optional)");
  await lyrics.fill("[Verse]\nTyped and sent from here");
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await lyrics.press("Control+Enter");
  await expect(page.getByTestId("job").filter({ hasText: "Keyboard lyrics ballad" })).toHaveCount(1);
  expect(new Set(keys).size).toBe(2);
});

test("'not ready' is not said on a fresh form, only once the creator has typed or tried", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  const create = page.getByRole("button", { name: "Create" });
  await expect(create).toBeDisabled();
  await expect(reason(page)).toHaveText("");
  await expect(page.getByText("Not ready")).toHaveCount(0);
  // Pressing the not-ready button says why.
  await create.click({ force: true });
  await expect(reason(page)).toHaveText("Not ready yet. The prompt needs at least 10 characters.");

  await page.reload();
  await expect(reason(page)).toHaveText("");
  await prompt(page).fill("ab");
  await expect(reason(page)).toHaveText("Not ready yet. The prompt needs at least 10 characters.");
  await prompt(page).fill("A warm and slow piano ballad");
  await expect(reason(page)).toHaveText("");
  await expect(create).toBeEnabled();
});

test("recent prompts: the last ones sent, newest first, picked by mouse or keyboard", async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const first = `Rain on a tin roof ${stamp}`;
  const second = `Footsteps on gravel ${stamp}`;
  await openStudio(page, TRACK_MODEL);
  await expect(page.getByRole("button", { name: /^Recent prompts/ })).toHaveCount(0);
  await submitPrompt(page, first);
  await submitPrompt(page, second);
  await submitPrompt(page, first);

  const opener = page.getByRole("button", { name: "Recent prompts (2)" });
  await opener.click();
  await expect(opener).toHaveAttribute("aria-expanded", "true");
  const list = page.getByRole("listbox", { name: "Recent prompts" });
  await expect(list).toBeFocused();
  await expect(list.getByRole("option")).toHaveText([first, second]);

  // Keyboard: down to the second, Enter fills the prompt and closes the list.
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { name: second })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(list).toHaveCount(0);
  await expect(prompt(page)).toHaveValue(second);
  await expect(prompt(page)).toBeFocused();

  // Escape closes without a pick; a click picks.
  await opener.click();
  await page.keyboard.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(prompt(page)).toHaveValue(second);
  await opener.click();
  await list.getByRole("option", { name: first }).click();
  await expect(prompt(page)).toHaveValue(first);

  // Kept across a reload; and a picture with the list open and lyrics hidden by a switch.
  await page.reload();
  await model(page).selectOption("ace-step-15");
  await page.getByLabel("Lyrics (optional)").fill("[Verse]\nRain keeps time on the roof");
  await model(page).selectOption(TRACK_MODEL);
  await expect(hiddenNotice(page)).toContainText("lyrics");
  await opener.click();
  await expect(list.getByRole("option")).toHaveCount(2);
  await checkAndShoot(page, "drafts-history-hidden-lyrics", { desktop: DESKTOP });
  await expect(list).toBeVisible();
});
