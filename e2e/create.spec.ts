import { expect, test, type Page } from "@playwright/test";

// The Create section and the jobs in flight, against the studio in demo mode (the simulator
// runs 20× faster and honours its fault markers).

const VALID_PROMPT = "Warm lo-fi beat with a mellow piano";

async function openStudio(page: Page, modelId: string) {
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption(modelId);
}

function roundedUsd(usd: number): string {
  return `$${(Math.ceil(Math.round(usd * 1_000_000) / 10_000) / 100).toFixed(2)}`;
}

test("the form follows each model's capabilities", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  const duration = page.getByLabel("Duration", { exact: true });
  await expect(duration).toHaveJSProperty("tagName", "SELECT");
  await expect(duration.locator("option")).toHaveText(["60 seconds", "90 seconds", "120 seconds", "150 seconds", "180 seconds", "210 seconds"]);
  await expect(page.getByLabel("Lyrics (optional)")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Instrumental" })).toHaveCount(0);

  await page.getByLabel("Lyrics (optional)").fill("La la la, the night is young");
  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-music");
  await expect(page.getByRole("slider", { name: "Duration" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Instrumental" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "hidden for this model" })).toContainText("lyrics");

  await page.getByLabel("Model", { exact: true }).selectOption("minimax-music-v2");
  // The lyrics hidden on ElevenLabs Music come back on a model that takes them.
  await expect(page.getByLabel("Lyrics", { exact: true })).toHaveValue("La la la, the night is young");
  await page.getByLabel("Lyrics", { exact: true }).fill("");
  await page.getByLabel("Prompt", { exact: true }).fill(VALID_PROMPT);
  await expect(page.getByText(/needs lyrics/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Create" })).toBeDisabled();

  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-tts-multilingual-v2");
  await expect(page.getByLabel("Voice")).toBeVisible();
  await expect(page.getByLabel("Duration", { exact: true })).toHaveCount(0);
  // The prompt carried over from the music model.
  await expect(page.getByLabel("Text to speak")).toHaveValue(VALID_PROMPT);
});

test("each model shows exactly its own controls", async ({ page }) => {
  const lyrics = page.getByLabel(/^Lyrics/);
  const duration = page.getByLabel("Duration", { exact: true });
  const voice = page.getByLabel("Voice", { exact: true });
  const instrumental = page.getByRole("switch", { name: "Instrumental" });
  const price = page.getByTestId("price");

  await openStudio(page, "ace-step-15");
  await expect(page.getByLabel("Prompt", { exact: true })).toBeVisible();
  await expect(duration).toHaveValue("60");
  await expect(lyrics).toHaveAccessibleName("Lyrics (optional)");
  await expect(voice).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByText("Length", { exact: true })).toHaveCount(0);

  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-music");
  await expect(duration).toHaveAttribute("min", "3");
  await expect(duration).toHaveAttribute("max", "600");
  await expect(duration).toHaveValue("60");
  await expect(page.locator("#duration-hint")).toHaveText("60 s (3–600 s)");
  await expect(lyrics).toHaveCount(0);
  await expect(voice).toHaveCount(0);
  await expect(instrumental).not.toBeChecked();

  await page.getByLabel("Model", { exact: true }).selectOption("minimax-music-v2");
  await expect(lyrics).toHaveAccessibleName("Lyrics");
  await expect(duration).toHaveCount(0);
  await expect(page.getByText("Length", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await page.getByLabel("Prompt", { exact: true }).fill(VALID_PROMPT);
  await lyrics.fill("[Verse]\nCity lights and a slow guitar");
  await expect(page.getByRole("button", { name: "Create" })).toBeEnabled();
  await expect(price).toHaveAttribute("data-source", "quote");
  await expect(price).toHaveText("$0.04");

  // Speech: the text to speak, a voice and a speed; no lyrics, duration or switches.
  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-tts-multilingual-v2");
  await expect(page.getByRole("status").filter({ hasText: "hidden for this model" })).toContainText("lyrics");
  await expect(page.getByLabel("Text to speak")).toHaveValue(VALID_PROMPT);
  await expect(lyrics).toHaveCount(0);
  await expect(duration).toHaveCount(0);
  await expect(page.getByText("Length", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(voice).toHaveValue("Aria");
  await expect(voice.locator("option")).toHaveCount(21);
  await expect(voice.locator("option").last()).toHaveText("Custom voice id…");
  await expect(page.getByRole("slider", { name: "Speed" })).toHaveAttribute("min", "0.7");
  await expect(page.getByRole("slider", { name: "Speed" })).toHaveAttribute("max", "1.2");
  await voice.selectOption("Brian");
  // Billed per 1,000 characters of the text.
  await expect(price).toHaveAttribute("data-source", "quote");
  await expect(price).toHaveText(roundedUsd((0.115 * VALID_PROMPT.length) / 1000));

  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-tts-v3");
  await expect(voice).toHaveValue("Brian");
  await expect(page.getByRole("slider", { name: "Speed" })).toHaveCount(0);

  // Seed Audio sets its own length: no duration control, and the form says it holds 120 s.
  await page.getByLabel("Model", { exact: true }).selectOption("seed-audio-1-0");
  await expect(duration).toHaveCount(0);
  await expect(page.getByText("Length", { exact: true })).toBeVisible();
  await expect(page.getByText("Up to 120 s, set by the model.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "hidden for this model" })).toContainText("voice Brian");
  await expect(lyrics).toHaveAccessibleName("Lyrics (optional)");
  await expect(voice).toHaveValue("Describe in prompt");
  await expect(voice.locator("option").first()).toHaveText("Describe in prompt (default)");
  await expect(voice.locator("option", { hasText: "Custom voice id…" })).toHaveCount(0);
  // 120 s at $0.002875 a second.
  await expect(price).toHaveAttribute("data-source", "quote");
  await expect(price).toHaveText("$0.35");
  await page.screenshot({ path: "e2e/artifacts/create-seed-audio.png", fullPage: true });
  const quote = await page.request.post("/api/quote", { data: { model: "seed-audio-1-0", request: { prompt: VALID_PROMPT } } });
  expect(roundedUsd(((await quote.json()) as { usd: number }).usd)).toBe("$0.35");
});

test("a custom voice id: typed, checked like the server checks it, and sent to Venice", async ({ page }) => {
  const bodies: { request: { voice?: string } }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/generations")) bodies.push(request.postDataJSON());
  });
  await openStudio(page, "elevenlabs-tts-v3");
  await page.getByLabel("Text to speak").fill("Hello from a voice of my own.");
  const voice = page.getByLabel("Voice", { exact: true });
  await voice.selectOption({ label: "Custom voice id…" });
  const customVoice = page.getByLabel("Custom voice id", { exact: true });
  await expect(customVoice).toBeFocused();
  await expect(customVoice).toHaveValue("");
  await expect(page.getByText("Leave it empty for the default voice (Aria).")).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/create-custom-voice.png", fullPage: true });

  // Blank is not a voice id: the shared schema refuses it and nothing can be sent.
  await customVoice.fill("   ");
  await expect(page.locator("#voice-error")).toHaveText("Choose a voice.");
  await expect(customVoice).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Create" })).toBeDisabled();

  await customVoice.fill(" 21m00Tcm4TlvDq8ikWAM ");
  await expect(page.locator("#voice-error")).toHaveCount(0);
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await page.getByRole("button", { name: "Create" }).click();
  const job = page.getByTestId("job").filter({ hasText: "Hello from a voice" });
  await expect(job).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  expect(bodies.map((body) => body.request.voice)).toEqual(["21m00Tcm4TlvDq8ikWAM"]);

  // Back to a listed voice from the same select; the input goes away.
  await voice.selectOption("Lily");
  await expect(customVoice).toHaveCount(0);
  await expect(voice).toHaveValue("Lily");

  // A model without custom ids drops one, and says so.
  await voice.selectOption({ label: "Custom voice id…" });
  await customVoice.fill("21m00Tcm4TlvDq8ikWAM");
  await page.getByLabel("Model", { exact: true }).selectOption("seed-audio-1-0");
  await expect(page.getByRole("status").filter({ hasText: "hidden for this model" })).toContainText("voice 21m00Tcm4TlvDq8ikWAM");
  await expect(voice).toHaveValue("Describe in prompt");
  await expect(customVoice).toHaveCount(0);
});

test("invalid input is blocked in the browser with field errors, and nothing is sent", async ({ page }) => {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/api\/(quote|generations)/.test(request.url())) sent.push(request.url());
  });
  await openStudio(page, "ace-step-15");
  await page.getByLabel("Prompt", { exact: true }).fill("too short");
  await expect(page.getByText("The prompt needs at least 10 characters.").first()).toBeVisible();
  const create = page.getByRole("button", { name: "Create" });
  await expect(create).toBeDisabled();
  await expect(page.locator("#submit-reason")).toContainText("Not ready yet. The prompt needs at least 10 characters.");
  await create.click({ force: true });
  await page.waitForTimeout(1000);
  expect(sent).toEqual([]);
});

test("the price updates with the duration and matches /api/quote", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  await page.getByLabel("Prompt", { exact: true }).fill(VALID_PROMPT);
  const price = page.getByTestId("price");
  await expect(price).toHaveAttribute("data-source", "quote");
  await expect(price).toHaveText("$0.03");

  await page.getByLabel("Duration", { exact: true }).selectOption("150");
  await expect(price).toHaveAttribute("data-source", "quote");
  const quote = await page.request.post("/api/quote", {
    data: { model: "ace-step-15", request: { prompt: VALID_PROMPT, duration_seconds: 150 } },
  });
  const { usd } = (await quote.json()) as { usd: number };
  await expect(price).toHaveText(roundedUsd(usd));
  expect(roundedUsd(usd)).toBe("$0.06");

  await page.getByRole("radio", { name: "3" }).check({ force: true });
  await expect(price).toHaveText(roundedUsd(usd * 3));
});

test("submit: the job appears with progress and completes", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  await page.getByLabel("Prompt", { exact: true }).fill("Submitted synthwave sunrise drive");
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await page.getByRole("button", { name: "Create" }).click();
  const job = page.getByTestId("job").filter({ hasText: "Submitted synthwave" });
  await expect(job).toBeVisible();
  await expect(job.getByRole("progressbar")).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/create-job-running.png", fullPage: true });
  await expect(job).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  await expect(page.getByRole("status").filter({ hasText: "is ready" })).toBeVisible();
  // The finished job links to its track's page.
  await expect(job.getByRole("link", { name: /^Open / })).toHaveAttribute("href", /^\/tracks\/[0-9a-f-]{36}$/);
});

test("a job in flight survives a reload", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  await page.getByLabel("Prompt", { exact: true }).fill("Reloaded orchestral suite in ten movements");
  await page.getByLabel("Duration", { exact: true }).selectOption("210");
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await page.getByRole("button", { name: "Create" }).click();
  const job = () => page.getByTestId("job").filter({ hasText: "Reloaded orchestral" });
  await expect(job().getByRole("progressbar")).toBeVisible();
  await page.reload();
  await expect(job().getByRole("progressbar")).toBeVisible();
  await expect(job()).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
});

test("a double-click submit makes one job", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/generations")) posts.push(request.headers()["idempotency-key"] ?? "");
  });
  await openStudio(page, "ace-step-15");
  await page.getByLabel("Prompt", { exact: true }).fill("Doubleclick disco with bright horns");
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await page.getByRole("button", { name: "Create" }).dblclick();
  const jobs = page.getByTestId("job").filter({ hasText: "Doubleclick disco" });
  await expect(jobs).toHaveCount(1);
  await page.waitForTimeout(1500);
  await expect(jobs).toHaveCount(1);
  // Whatever reached the server carried one key, so it can only be one batch.
  expect(new Set(posts).size).toBe(1);
});

test("a content-policy refusal shows Venice's suggested prompt, and using it works", async ({ page }) => {
  await openStudio(page, "ace-step-15");
  const prompt = page.getByLabel("Prompt", { exact: true });
  await prompt.fill("Epic battle anthem [sim:violation]");
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await page.getByRole("button", { name: "Create" }).click();
  const failed = page.getByTestId("job").filter({ hasText: "Epic battle anthem" });
  await expect(failed).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
  const suggestion = (await failed.getByTestId("suggested-prompt").textContent()) ?? "";
  expect(suggestion).toContain("battle anthem");
  expect(suggestion).not.toContain("[sim:");
  await failed.getByRole("button", { name: "Use this prompt" }).click();
  await expect(prompt).toHaveValue(suggestion);
  await expect(prompt).toBeFocused();
  await page.getByRole("button", { name: "Create" }).click();
  // The new job, not the refused one that shows the suggestion (its title is a short one now, without the marker).
  const retried = page.getByTestId("job").filter({ hasText: "A gentle" }).filter({ hasNot: page.getByTestId("suggested-prompt") });
  await expect(retried).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
});

for (const scheme of ["light", "dark"] as const) {
  for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
    test(`screenshot: create page, ${scheme}, ${device}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await openStudio(page, "elevenlabs-music");
      // A prompt too short, to show an inline error and the blocked button.
      await page.getByLabel("Prompt", { exact: true }).fill("short");
      await expect(page.getByTestId("price")).toBeVisible();
      await page.screenshot({ path: `e2e/artifacts/create-${scheme}-${device}.png`, fullPage: true });
    });
  }
}
