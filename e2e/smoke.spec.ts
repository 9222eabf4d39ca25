import { expect, test } from "@playwright/test";

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
  // The catalog comes from the simulator through the studio's Venice client.
  for (const group of ["Music", "Sound effects", "Speech"]) {
    await expect(page.getByRole("heading", { level: 2, name: group })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 3, name: "ACE-Step 1.5" })).toBeVisible();
  await expect(page.getByText("$0.115 per 1,000 characters").first()).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/home.png", fullPage: true });
  expect(errors).toEqual([]);
});
