import { expect, test, type Browser, type Page } from "@playwright/test";
import { checkAndShoot, expectNoSeriousViolations } from "./axe";
import { createTrack } from "./tracks";

// The team end to end: the owner (signed in by the setup project) invites a member by link,
// the member signs up through it in a fresh browser, makes a track, and the owner finds it in
// the library under the member's name, sees its spend on /ledger and caps the member, whose next
// submit is refused with the reason; the used link is refused; roles, removal, revoking and
// the account page work from the browser; axe finds nothing serious on /team and /account in
// light and dark. Screenshots land in e2e/artifacts/.

const DESKTOP = { width: 1280, height: 900 };
const PASSWORD = "member password 123";

/** Full-page screenshots at DESKTOP and phone size. */
const SHOTS = { desktop: DESKTOP, fullPage: true };

/** A browser context with nobody signed in. */
const signedOut = (browser: Browser) => browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: DESKTOP });

/** Makes an invite link on /team through the form; answers the link shown once. */
async function inviteOnPage(page: Page, role: "Member" | "Admin" = "Member"): Promise<string> {
  await page.goto("/team");
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Joins as").selectOption({ label: role });
  await invite.getByRole("button", { name: "Create invite link" }).click();
  const link = invite.getByLabel(`Invite link for a new ${role.toLowerCase()}`);
  await expect(link).toHaveValue(/\/sign-up\?invite=[A-Za-z0-9_-]{43}$/);
  return link.inputValue();
}

async function signUpThrough(page: Page, link: string, name: string, email: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join the studio" })).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("the owner invites a member by link; the member joins, makes a track, and the owner finds it; the link works once", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const name = `Mia Member ${Date.now().toString(36)}`;
  const email = `mia.${Date.now()}@studio.test`;

  const link = await inviteOnPage(page);
  await expect(page.getByTestId("new-invite")).toContainText("the studio cannot show this link again");
  await expect(page.getByTestId("invite-row").first()).toHaveAttribute("data-status", "pending");

  // The member, in a browser of their own, joins through the link and lands in the studio.
  const memberContext = await signedOut(browser);
  const memberPage = await memberContext.newPage();
  await signUpThrough(memberPage, link, name, email);
  await expect(memberPage.getByRole("heading", { name: "Create", exact: true })).toBeVisible();
  // A member's menu has their account and the way out, not the admin pages.
  await memberPage.getByRole("button", { name: `Account menu for ${name}` }).click();
  await expect(memberPage.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: "Team" })).toHaveCount(0);
  await expect(memberPage.getByRole("link", { name: "Ledger" })).toHaveCount(0);
  const memberTrack = await createTrack(memberPage.request, `Mia's first track: wind chimes on a porch ${Date.now()}`);

  // The owner sees it in the library, filtered by its creator.
  await page.goto("/library");
  await page.getByLabel("Creator").selectOption({ label: name });
  await expect(page).toHaveURL(/[?&]creator=/);
  await expect(page.locator(`[data-testid="track-row"][data-track-id="${memberTrack}"]`)).toBeVisible();
  await expect(page.getByTestId("track-row")).toHaveCount(1);

  // The owner sees the member's spend on /ledger and caps them at what they have spent.
  await page.goto("/ledger");
  await expect(page.getByTestId("by-member").getByRole("row").filter({ hasText: name })).toBeVisible();
  const caps = (await (await page.request.get("/api/caps")).json()) as { members: { name: string; spentUsd: number }[] };
  const spent = caps.members.find((member) => member.name === name)!.spentUsd;
  expect(spent).toBeGreaterThan(0);
  const cap = (Math.floor(spent * 100) / 100).toFixed(2);
  const memberCap = page.locator("[data-cap-for]").filter({ hasText: name });
  await memberCap.getByLabel(`Monthly cap for ${name}, US dollars`).fill(cap);
  await memberCap.getByRole("button", { name: `Save cap for ${name}` }).click();
  await expect(memberCap.getByRole("status")).toHaveText(`Saved: $${cap} a month.`);

  // The member's next submit would cross it: refused in the form, with the reason, before Venice.
  await memberPage.goto("/");
  await memberPage.getByLabel("Model", { exact: true }).selectOption("ace-step-15");
  await memberPage.getByLabel("Prompt", { exact: true }).fill("Mia's second track, past the cap this time");
  await expect(memberPage.getByTestId("price")).toHaveText("$0.03");
  await memberPage.getByRole("button", { name: /^Create/ }).click();
  await expect(memberPage.locator("#submit-reason")).toContainText(`This costs $0.03, which would take you past your monthly cap of $${cap} (`);
  await memberPage.screenshot({ path: "e2e/artifacts/team-member-over-cap.png" });
  // Lifted again: the e2e server is shared by every spec.
  await page.goto("/ledger");
  await memberCap.getByLabel(`Monthly cap for ${name}, US dollars`).fill("");
  await memberCap.getByRole("button", { name: `Save cap for ${name}` }).click();
  await expect(memberCap.getByRole("status")).toHaveText("Saved: no cap.");

  // The used link can't make a second account.
  const againContext = await signedOut(browser);
  const againPage = await againContext.newPage();
  await signUpThrough(againPage, link, "Someone Else", `else.${Date.now()}@studio.test`);
  await expect(againPage.getByRole("alert").filter({ hasText: "This invite link has already been used" })).toBeVisible();
  await expect(againPage).toHaveURL(/\/sign-up\?invite=/);
  await againContext.close();

  // …and the team page says who used it.
  await page.goto("/team");
  await expect(page.getByTestId("invite-row").filter({ hasText: email })).toHaveAttribute("data-status", "used");
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toContainText(name);

  // The member's account page: details, and a password change that checks the current one.
  await memberPage.goto("/account");
  await expect(memberPage.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(memberPage.getByText(email)).toBeVisible();
  const password = memberPage.getByRole("region", { name: "Change password" });
  await password.getByLabel("Current password").fill("not my password");
  await password.getByLabel("New password", { exact: true }).fill("a fresh passphrase 456");
  await password.getByLabel("New password, again").fill("a fresh passphrase 456");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert")).toHaveText("The current password is not right.");
  await password.getByLabel("Current password").fill(PASSWORD);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("status")).toContainText("Your password was changed.");
  await expect(password.getByLabel("Current password")).toHaveValue("");
  await memberContext.close();
});

test("the owner changes a role, removes a member with a confirmation and revokes a link", async ({ page, browser }) => {
  const name = `Rex Removed ${Date.now().toString(36)}`;
  const email = `rex.${Date.now()}@studio.test`;
  const link = await inviteOnPage(page);
  const context = await signedOut(browser);
  const joiner = await context.newPage();
  await signUpThrough(joiner, link, name, email);
  await expect(joiner.getByRole("heading", { name: "Create", exact: true })).toBeVisible();

  await page.goto("/team");
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await row.getByLabel(`Role of ${name}`).selectOption("admin");
  await expect(page.getByRole("status").filter({ hasText: `${name} is now an admin.` })).toBeVisible();
  await page.reload();
  await expect(row.getByLabel(`Role of ${name}`)).toHaveValue("admin");
  await row.getByLabel(`Role of ${name}`).selectOption("member");
  await expect(page.getByRole("status").filter({ hasText: `${name} is now a member.` })).toBeVisible();
  // The owner's own row offers neither.
  const ownRow = page.getByTestId("member-row").filter({ hasText: "(you)" });
  await expect(ownRow.getByRole("combobox")).toHaveCount(0);
  await expect(ownRow.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  // Remove asks first; Cancel keeps them, Remove signs them out for good.
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Remove ${name}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  await confirm.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(0);
  await joiner.goto("/");
  await expect(joiner).toHaveURL(/\/sign-in$/);
  await context.close();

  // A pending link revoked from the page no longer signs anyone up (the list is newest first).
  const revokable = await inviteOnPage(page);
  const pending = page.getByTestId("invite-row").first();
  await expect(pending).toHaveAttribute("data-status", "pending");
  const inviteId = await pending.getAttribute("data-invite-id");
  await pending.getByRole("button", { name: "Revoke" }).click();
  await expect(page.locator(`[data-testid="invite-row"][data-invite-id="${inviteId}"]`)).toHaveAttribute("data-status", "revoked");
  const lateContext = await signedOut(browser);
  const late = await lateContext.newPage();
  await signUpThrough(late, revokable, "Too Late", `late.${Date.now()}@studio.test`);
  await expect(late.getByRole("alert").filter({ hasText: "This invite link was revoked" })).toBeVisible();
  await lateContext.close();
});

test("the header menu leads the owner to Team and Account; both pages are axe-clean in light and dark", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: /^Account menu for / }).click();
  await expect(page.getByRole("link", { name: "Ledger" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: "e2e/artifacts/account-menu-open.png" });
  await page.getByRole("link", { name: "Team" }).click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Open sign-up" })).toBeVisible();
  await checkAndShoot(page, "team", SHOTS);

  // The invite link, shown once, in both schemes too.
  await inviteOnPage(page);
  await checkAndShoot(page, "team-new-invite", SHOTS);

  await page.getByRole("button", { name: /^Account menu for / }).click();
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("You set this studio up")).toBeVisible();
  await checkAndShoot(page, "account", SHOTS);
});
