import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { E2E_OWNER, OWNER_STATE } from "./owner";
import { createTrack } from "./tracks";

// One header on every signed-in page (the page's h1, Create, Library, Team and Ledger by role,
// the current page marked, the mode badge, the account menu), collapsed on a phone without
// sideways scroll; the skip link first in every page's Tab order, moving the focus to main;
// tooltips on icon-only controls; the branded 404s with a way back; the light/dark/system theme,
// kept across reloads and pages and above the system's scheme. Screenshots in e2e/artifacts/.

const DESKTOP = { width: 1280, height: 900 };
const SHOTS = { desktop: DESKTOP };
const MEMBER_PASSWORD = "member password 123";
const MISSING_TRACK = "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11";

const header = (page: Page) => page.getByRole("banner");
const nav = (page: Page) => header(page).getByRole("navigation", { name: "Studio" });
const accountButton = (page: Page) => page.getByRole("button", { name: /^Account menu for / });

/** The header's nav links (visible ones), by name, and the one marked as the current page. */
async function expectNav(page: Page, names: string[], current: string | null) {
  const links = nav(page).getByRole("link");
  await expect(links).toHaveText(names);
  for (const name of names) {
    const link = nav(page).getByRole("link", { name, exact: true });
    if (name === current) await expect(link).toHaveAttribute("aria-current", "page");
    else await expect(link).not.toHaveAttribute("aria-current");
  }
}

/** A member invited by the owner (through the API) and signed up in a browser of their own. */
async function joinAsMember(browser: Browser, owner: APIRequestContext) {
  const invited = await owner.post("/api/team/invites", { data: { role: "member" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { url } = (await invited.json()) as { url: string };
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: DESKTOP });
  const page = await context.newPage();
  // Long enough to have been cut short by the old header ("Tess Member m…").
  const name = `Tess Member ${Date.now().toString(36)}`;
  await page.goto(new URL(url).pathname + new URL(url).search);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`tess.nav.${Date.now()}@studio.test`);
  await page.getByLabel("Password").fill(MEMBER_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create", exact: true })).toBeVisible();
  return { context, page, name };
}

/** The member's name in the header's account button is shown whole, not cut off. */
async function expectWholeName(page: Page, name: string) {
  const shown = accountButton(page).getByText(name, { exact: true });
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((span) => span.scrollWidth <= span.clientWidth)).toBe(true);
}

/** Visible buttons and links with no visible text (an icon only) and no tooltip. */
function iconControlsWithoutTooltip(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (element: Element) => element.getBoundingClientRect().width > 1 && element.getBoundingClientRect().height > 1;
    const visibleText = (element: Element) =>
      [...element.querySelectorAll("*"), element]
        .filter((node) => shown(node) && getComputedStyle(node).visibility !== "hidden")
        .flatMap((node) => [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent ?? ""))
        .join("")
        .trim();
    return [...document.querySelectorAll("button, a[href]")]
      .filter((control) => shown(control) && visibleText(control) === "" && !control.getAttribute("title"))
      .map((control) => control.getAttribute("aria-label") ?? control.outerHTML.slice(0, 80));
  });
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("the owner's header on every signed-in page: the page's h1, Create, Library, Team and Ledger, the current one marked, the badge and the menu", async ({ page, request }) => {
  test.setTimeout(90_000);
  const trackId = await createTrack(request, `Header check: a door creaking open ${Date.now()}`);
  await page.setViewportSize(DESKTOP);
  const all = ["Create", "Library", "Team", "Ledger"];
  for (const [path, title, current] of [
    ["/", "Venice Studio", "Create"],
    ["/library", "Library", "Library"],
    [`/tracks/${trackId}`, "Track", null],
    ["/team", "Team", "Team"],
    ["/ledger", "Ledger", "Ledger"],
    ["/account", "Account", null],
  ] as const) {
    await page.goto(path);
    await expect(header(page).getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expectNav(page, all, current);
    await expect(header(page).getByText("Demo mode", { exact: true })).toBeVisible();
    await expectWholeName(page, E2E_OWNER.name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
  }
  // The account page is marked in the menu, which on a desktop leaves Team and Ledger to the nav.
  await accountButton(page).click();
  await expect(page.getByRole("link", { name: "Account", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Team", exact: true })).toHaveCount(1);
  await expect(page.getByRole("group", { name: "Theme" }).getByRole("radio")).toHaveCount(3);
  await checkAndShoot(page, "header-account-menu", SHOTS);

  // A nav link goes where it says, client-side, and the new page is marked.
  await page.keyboard.press("Escape");
  await nav(page).getByRole("link", { name: "Library", exact: true }).click();
  await expect(page).toHaveURL(/\/library$/);
  await expectNav(page, all, "Library");
  await checkAndShoot(page, "header-library", SHOTS);
});

test("on a 360 px phone the header keeps Create and Library as icons with tooltips, moves Team and Ledger into the menu, and fits", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    storageState: OWNER_STATE,
  });
  const page = await context.newPage();
  for (const path of ["/", "/library", "/team", "/ledger", "/account"]) {
    await page.goto(path);
    await expect(header(page).getByRole("heading", { level: 1 })).toBeVisible();
    await expectNav(page, ["Create", "Library"], path === "/" ? "Create" : path === "/library" ? "Library" : null);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await iconControlsWithoutTooltip(page)).toEqual([]);
  }
  // The whole title on the studio page, beside its icons.
  await page.goto("/");
  const title = header(page).getByRole("heading", { level: 1 });
  expect(await title.evaluate((h1) => h1.scrollWidth <= h1.clientWidth)).toBe(true);
  await expect(nav(page).getByRole("link", { name: "Library", exact: true })).toHaveAttribute("title", "Library");
  await accountButton(page).click();
  await expect(page.getByRole("link", { name: "Team", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ledger", exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByRole("link", { name: "Ledger", exact: true }).click();
  await expect(page).toHaveURL(/\/ledger$/);
  await accountButton(page).click();
  await expect(page.getByRole("link", { name: "Ledger", exact: true })).toHaveAttribute("aria-current", "page");
  await context.close();
});

test("a member's header has Create and Library only, their whole name, and the badge and menu", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const member = await joinAsMember(browser, request);
  for (const [path, title, current] of [
    ["/", "Venice Studio", "Create"],
    ["/library", "Library", "Library"],
    ["/account", "Account", null],
    // Not in their nav, but a member who lands on the ledger is told whose it is, under the same header.
    ["/ledger", "Ledger", null],
  ] as const) {
    await member.page.goto(path);
    await expect(header(member.page).getByRole("heading", { level: 1 })).toHaveText(title);
    await expectNav(member.page, ["Create", "Library"], current);
    await expectWholeName(member.page, member.name);
  }
  await accountButton(member.page).click();
  await expect(member.page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  await expect(member.page.getByRole("link", { name: /^(Team|Ledger)$/ })).toHaveCount(0);
  await checkAndShoot(member.page, "header-member", SHOTS);
  await member.context.close();
});

test("the skip link is the first Tab stop of every page and moves the focus to the main content", async ({ page, browser }) => {
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guestPage = await guest.newPage();
  for (const [visitor, path] of [
    [page, "/"],
    [page, "/library"],
    [page, "/account"],
    [page, "/no-such-page"],
    [page, `/tracks/${MISSING_TRACK}`],
    [guestPage, "/sign-in"],
    [guestPage, `/share/${"A".repeat(43)}`],
  ] as const) {
    await visitor.goto(path);
    await visitor.keyboard.press("Tab");
    const skip = visitor.getByRole("link", { name: "Skip to content" });
    await expect(skip, path).toBeFocused();
    // Hidden until focused, then shown over the page.
    expect((await skip.boundingBox())!.width, path).toBeGreaterThan(40);
    await visitor.keyboard.press("Enter");
    await expect(visitor.locator("main#main"), path).toBeFocused();
    // The next Tab stop is past the header.
    await visitor.keyboard.press("Tab");
    expect(await visitor.evaluate(() => document.activeElement?.closest("header") === null), path).toBe(true);
  }
  await guest.close();
});

test("icon-only buttons and links have a tooltip: the library with a track, its player and the studio", async ({ page, request }) => {
  const trackId = await createTrack(request, `Tooltip check: a kettle whistling ${Date.now()}`);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/library`);
  const row = page.locator(`[data-testid="track-row"][data-track-id="${trackId}"]`);
  await row.getByRole("button", { name: /^Play / }).click();
  await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
  expect(await iconControlsWithoutTooltip(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await iconControlsWithoutTooltip(page)).toEqual([]);
  await page.goto("/");
  await expect(page.getByLabel("Model", { exact: true })).toBeVisible();
  expect(await iconControlsWithoutTooltip(page)).toEqual([]);
});

test("the 404 pages are the studio's, with the header when signed in and a way back, and answer 404", async ({ page, browser }) => {
  await page.setViewportSize(DESKTOP);
  // Any unknown address.
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Venice Studio");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expectNav(page, ["Create", "Library", "Team", "Ledger"], null);
  await expect(accountButton(page)).toBeVisible();
  await checkAndShoot(page, "not-found", SHOTS);
  await page.getByRole("main").getByRole("link", { name: "Go to the studio" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Create", exact: true })).toBeVisible();

  // A track that is not there: its own words, the header, and the library as the way back.
  const gone = await page.goto(`/tracks/${MISSING_TRACK}`);
  expect(gone!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This track does not exist or was deleted");
  await expectNav(page, ["Create", "Library", "Team", "Ledger"], null);
  await checkAndShoot(page, "track-not-found", SHOTS);
  await page.getByRole("link", { name: "Go to the library" }).click();
  await expect(page).toHaveURL(/\/library$/);

  // A dead share link, opened by a signed-in member: the header, and the library.
  const dead = await page.goto(`/share/${"A".repeat(43)}`);
  expect(dead!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(accountButton(page)).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Go to the library" })).toHaveAttribute("href", "/library");

  // Signed out: no header of the studio, no redirect, and the way in.
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: DESKTOP });
  const visitor = await guest.newPage();
  const unknown = await visitor.goto("/no-such-page");
  expect(unknown!.status()).toBe(404);
  await expect(visitor).toHaveURL(/\/no-such-page$/);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expect(accountButton(visitor)).toHaveCount(0);
  await expect(visitor.getByRole("main").getByRole("link", { name: "Sign in to the studio" })).toHaveAttribute("href", "/sign-in");
  await checkAndShoot(visitor, "not-found-signed-out", SHOTS);
  await guest.close();
});

test("the theme toggle overrides the system's scheme, applies before paint and persists across reloads and pages", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  // What <html> says when <body> starts: the stored choice is applied before anything is painted.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective}`));
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? "system";
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const themeAtBody = () => page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody);
  const choose = async (name: "Light" | "Dark" | "System") => {
    await accountButton(page).click();
    // The radios are drawn by their labels (the inputs are visually hidden).
    await page.getByRole("group", { name: "Theme" }).locator("label").filter({ hasText: new RegExp(`^${name}$`) }).click();
    await expect(page.getByRole("radio", { name })).toBeChecked();
    await page.keyboard.press("Escape");
  };

  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  // "System" (the default) follows the system's scheme, as every spec's dark screenshots rely on.
  await page.emulateMedia({ colorScheme: "light" });
  const light = await bodyBackground(page);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await bodyBackground(page);
  expect(light).not.toBe(dark);
  await accountButton(page).click();
  await expect(page.getByRole("radio", { name: "System" })).toBeChecked();
  await page.keyboard.press("Escape");

  // Light, on a dark system: light, now, after a reload (applied before paint) and on another page.
  await choose("Light");
  expect(await bodyBackground(page)).toBe(light);
  await page.reload();
  expect(await themeAtBody()).toBe("light");
  expect(await bodyBackground(page)).toBe(light);
  await accountButton(page).click();
  await expect(page.getByRole("radio", { name: "Light" })).toBeChecked();
  await page.keyboard.press("Escape");
  await checkAndShoot(page, "theme-light-chosen", SHOTS);
  await page.emulateMedia({ colorScheme: "dark" });

  // Dark, on a light system.
  await choose("Dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await bodyBackground(page)).toBe(dark);
  await page.goto("/library");
  expect(await themeAtBody()).toBe("dark");
  expect(await bodyBackground(page)).toBe(dark);
  await page.screenshot({ path: "e2e/artifacts/theme-dark-chosen-on-light-system.png" });

  // Back to System: the system's scheme again, live.
  await choose("System");
  expect(await bodyBackground(page)).toBe(light);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await bodyBackground(page)).toBe(dark);
  await page.reload();
  expect(await themeAtBody()).toBe("system");
  expect(await page.evaluate(() => localStorage.getItem("venice-studio.theme"))).toBeNull();
  expect(violations).toEqual([]);
});
