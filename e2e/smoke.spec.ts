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
