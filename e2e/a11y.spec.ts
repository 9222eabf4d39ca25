import { expect, test, type Page } from "@playwright/test";
import { COLOR_SCHEMES, expectNoSeriousViolations } from "./axe";
import { createTrack } from "./tracks";

// axe on every page and state of the studio, in light and dark: no serious or critical
// violation (contrast, names, roles, landmarks…). Each state is checked in both schemes before
// the next one, so the empty library is seen before any track exists.

async function openStudio(page: Page) {
  await page.goto("/");
  await expect(page.getByLabel("Model", { exact: true })).toBeVisible();
  await expect(page.getByText(/Nothing is being made right now|Progress of|Ready|Failed/).first()).toBeVisible();
}

function forEachScheme(title: string, body: (page: Page) => Promise<void>) {
  for (const colorScheme of COLOR_SCHEMES) {
    test(`${title} (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await body(page);
      await expectNoSeriousViolations(page);
    });
  }
}

forEachScheme("the empty library", async (page) => {
  const existing = (await (await page.request.get("/api/tracks?limit=1")).json()) as { batches: unknown[] };
  test.skip(existing.batches.length > 0, "Other specs already made tracks on this server.");
  await page.goto("/library");
  await expect(page.getByText("Your library is empty.")).toBeVisible();
});

forEachScheme("the studio page", async (page) => {
  await openStudio(page);
});

forEachScheme("the studio page with dropped settings and field errors", async (page) => {
  await openStudio(page);
  await page.getByLabel("Lyrics (optional)").fill("La la la, the night is young");
  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-music");
  await expect(page.getByRole("status").filter({ hasText: "hidden for this model" })).toBeVisible();
  await page.getByLabel("Prompt", { exact: true }).fill("short");
  await expect(page.getByText("The prompt needs at least 10 characters.").first()).toBeVisible();
});

forEachScheme("the studio page with a speech model and a custom voice id", async (page) => {
  await openStudio(page);
  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-tts-v3");
  await page.getByLabel("Voice", { exact: true }).selectOption({ label: "Custom voice id…" });
  await expect(page.getByLabel("Custom voice id", { exact: true })).toBeVisible();
});

forEachScheme("the studio page with finished and refused jobs", async (page) => {
  await openStudio(page);
  const prompt = page.getByLabel("Prompt", { exact: true });
  const create = page.getByRole("button", { name: "Create" });
  for (const text of [`Accessible ambient pads ${Date.now()}`, `Epic battle anthem ${Date.now()} [sim:violation]`]) {
    await prompt.fill(text);
    await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
    await create.click();
    await expect(page.getByTestId("job").filter({ hasText: text.slice(0, 20) })).toBeVisible();
  }
  await expect(page.getByTestId("job").filter({ hasText: "Accessible ambient" })).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  await expect(page.getByTestId("job").filter({ hasText: "Epic battle anthem" })).toHaveAttribute("data-status", "failed", { timeout: 45_000 });
  await expect(page.getByTestId("suggested-prompt")).toBeVisible();
});

test.describe("with tracks", () => {
  test.beforeAll(async ({ request }) => {
    test.setTimeout(60_000);
    await createTrack(request, "Soft rain on a tin roof for the a11y check");
  });

  forEachScheme("the library", async (page) => {
    await page.goto("/library");
    await expect(page.getByTestId("track-row").first()).toBeVisible();
  });

  forEachScheme("the library with no match and a short search", async (page) => {
    await page.goto(`/library?q=nomatch${Date.now()}`);
    await expect(page.getByText("No track matches these filters.")).toBeVisible();
    await page.getByLabel("Search titles and prompts").fill("ra");
    await expect(page.getByText("Type at least 3 characters to search.")).toBeVisible();
  });

  forEachScheme("the library with the player bar open", async (page) => {
    await page.goto("/library");
    await page.getByTestId("track-row").first().getByRole("button", { name: /^Play / }).click();
    const player = page.getByRole("region", { name: "Player" });
    await expect(player.getByRole("slider", { name: "Seek" })).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
    await player.getByRole("button", { name: "Loop a region" }).click();
    await expect(player.getByRole("button", { name: "Loop a region" })).toHaveAttribute("aria-pressed", "true");
  });

  forEachScheme("the library's undo toast", async (page) => {
    const trackId = await createTrack(page.request, `A door creaking for the toast ${Date.now()}`);
    await page.goto("/library");
    const row = page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`);
    await row.getByRole("button", { name: /^Delete / }).click();
    await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeVisible();
  });
});
