import { expect, test } from "@playwright/test";

// The demo account starts with SIM_BALANCE_USD=25 (playwright.config.ts): enough for every
// spec's tracks, short of four five-minute ElevenLabs songs (4 × $6.90).

test("the balance is shown beside the price, and a batch it cannot pay for is not sent", async ({ page, request }) => {
  const sent: string[] = [];
  page.on("request", (call) => {
    if (call.method() === "POST" && call.url().endsWith("/api/generations")) sent.push(call.url());
  });
  await page.goto("/");
  const { usd } = (await (await request.get("/api/balance")).json()) as { usd: number };
  expect(usd).toBeGreaterThan(0);
  expect(usd).toBeLessThanOrEqual(25);
  await expect(page.getByTestId("balance")).toHaveText(`Balance $${(Math.floor(usd * 100) / 100).toFixed(2)}`);

  await page.getByLabel("Model", { exact: true }).selectOption("elevenlabs-music");
  await expect(page.locator("#model-summary")).toContainText("Studio-grade songs");
  await page.getByLabel("Prompt", { exact: true }).fill("An epic orchestral anthem with a choir");
  const create = page.getByRole("button", { name: /^Create/ });
  await expect(create).toBeEnabled();

  const slider = page.getByRole("slider", { name: "Duration" });
  await slider.focus();
  await slider.press("End");
  await page.locator("label").filter({ hasText: /^4$/ }).click();
  await expect(page.getByTestId("price")).toHaveText("$27.60");
  await expect(create).toBeDisabled();
  await expect(page.locator("#submit-reason")).toContainText("The Venice balance");
  await expect(page.locator("#submit-reason")).toContainText("is short of $27.60");
  await create.click({ force: true });
  await page.waitForTimeout(500);
  expect(sent).toEqual([]);

  // One take fits the balance again.
  await page.locator("label").filter({ hasText: /^1$/ }).click();
  await expect(page.getByTestId("price")).toHaveText("$6.90");
  await expect(create).toBeEnabled();
});
