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
  await expect(page.getByText("Demo mode")).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/home.png", fullPage: true });
  expect(errors).toEqual([]);
});
