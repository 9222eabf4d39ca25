import { expect, test as setup } from "@playwright/test";
import { ownerSetupCode } from "../lib/auth/setup-code";
import { E2E_OWNER, E2E_STUDIO_SECRET, OWNER_STATE } from "./owner";

// The studio under test starts fresh: its first visit leads to creating the owner account,
// which needs the setup code from the start-up log; done here once through the page, by the
// link the log prints. Every spec then runs signed in as that owner.
setup("create the studio's owner account", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Set up your studio" })).toBeVisible();
  await expect(page.getByLabel("Setup code")).toHaveValue("");

  const code = ownerSetupCode(E2E_STUDIO_SECRET);
  await page.goto(`/sign-up?setup=${code}`);
  await expect(page.getByLabel("Setup code")).toHaveValue(code);
  await page.getByLabel("Your name").fill(E2E_OWNER.name);
  await page.getByLabel("Email").fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create" })).toBeVisible();
  await page.context().storageState({ path: OWNER_STATE });
});
