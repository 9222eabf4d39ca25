import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { E2E_OWNER } from "./owner";
import { createTrack } from "./tracks";

// Money shown the way people read it, against the studio in demo mode (the simulator runs 20×
// faster): a charge under a cent is $0.01 on the job card and the ledger with its exact figure
// in a tooltip, the ledger names models and shows a track's title after a rename, per-second
// prices read per minute in the picker, Seed Audio's held price shows what Venice settled on,
// and a member sees their own month (account page, beside the price, the ledger's note for
// them) and the over-cap refusal before pressing Create. Screenshots land in e2e/artifacts/.

const DESKTOP = { width: 1280, height: 900 };
const SHOTS = { desktop: DESKTOP, fullPage: true };
const MONTH = new Date().toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const PASSWORD = "member password 123";

test.describe.configure({ timeout: 120_000 });

/** As the ledger's CSV and tooltips write an amount: exact, at least to the cent. */
const exactUsd = (usd: number) => usd.toFixed(6).replace(/0{1,4}$/, "");
/** As the pages show a charge: rounded up to the cent. */
const cents = (usd: number) => `$${(Math.ceil(Math.round(usd * 1_000_000) / 10_000) / 100).toFixed(2)}`;

type Caps = { studio: { capUsd: number | null }; members: { id: string; name: string; capUsd: number | null; spentUsd: number }[] };
type Generation = { status: string; quotedUsd: number; settledUsd: number | null; trackId: string | null };

async function liftCaps(request: APIRequestContext) {
  const caps = (await (await request.get("/api/caps")).json()) as Caps;
  expect((await request.put("/api/caps/studio", { data: { capUsd: null } })).status()).toBe(200);
  for (const member of caps.members.filter((row) => row.capUsd !== null)) {
    expect((await request.put(`/api/caps/members/${member.id}`, { data: { capUsd: null } })).status()).toBe(200);
  }
}

test.afterEach(async ({ request }) => {
  await liftCaps(request);
});

/** Fills the prompt of `model` and presses Create; answers the first take's id and the batch's card. */
async function submit(page: Page, model: string, prompt: string) {
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption(model);
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  const accepted = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/api/generations"));
  await page.getByRole("button", { name: /^Create/ }).click();
  const { batchId, generations } = (await (await accepted).json()) as { batchId: string; generations: { id: string }[] };
  const card = page.locator(`[data-testid="job-batch"][data-batch-id="${batchId}"]`);
  await expect(card.getByTestId("job")).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  return { generationId: generations[0]!.id, card };
}

async function generation(request: APIRequestContext, id: string): Promise<Generation> {
  return (await (await request.get(`/api/generations/${id}`)).json()) as Generation;
}

test("a charge under a cent is $0.01 on the job card and the ledger, exact in their tooltips and the CSV; the ledger names the model and follows a rename", async ({ page, request }) => {
  // MMAudio's 8 s default at $0.00092 a second: $0.00736, a charge smaller than a cent.
  const { generationId, card } = await submit(page, "mmaudio-v2-text-to-audio", `Drizzle ${Date.now()} on a tin roof`);
  const { quotedUsd, trackId } = await generation(request, generationId);
  expect(quotedUsd).toBe(0.00736);
  const money = card.getByTestId("batch-money");
  await expect(money).toHaveText("Saved in your library · Venice charged $0.01");
  await expect(money).toHaveAttribute("title", "Exactly $0.00736");
  await expect(card).toContainText("MMAudio V2");

  const title = `Drizzle, renamed ${Date.now()}`;
  expect((await request.patch(`/api/tracks/${trackId}`, { data: { title } })).status()).toBe(200);

  await page.goto("/ledger");
  const row = page.locator(`[data-testid="ledger-entry"][data-generation-id="${generationId}"]`);
  // The title as it is now, the model by name; the amounts to the cent, exact on hover.
  await expect(row).toContainText(title);
  await expect(row).toContainText("MMAudio V2");
  await expect(row).not.toContainText("mmaudio-v2-text-to-audio");
  await expect(row).not.toContainText("0.00736");
  const net = row.getByTestId("ledger-entry-net");
  await expect(net).toHaveText("$0.01");
  await expect(net).toHaveAttribute("title", "Exactly $0.00736");
  await expect(page.getByTestId("by-model")).toContainText("MMAudio V2");
  const total = page.getByTestId("ledger-net");
  await expect(total).toHaveText(/^\$\d+\.\d\d$/);
  await checkAndShoot(page, "money-ledger", SHOTS);

  // The CSV keeps the model's id and adds its name and the current title; amounts exact.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const lines = (await readFile(await download.path(), "utf8")).trim().split("\r\n");
  expect(lines[0]).toBe("date_utc,member,email,model,model_name,generation_id,title,quoted_usd,refunded_usd,net_usd");
  expect(lines.find((line) => line.includes(generationId))).toContain(
    `,${E2E_OWNER.email},mmaudio-v2-text-to-audio,MMAudio V2,${generationId},"${title}",${exactUsd(quotedUsd)},0.00,${exactUsd(quotedUsd)}`,
  );
});

test("per-second prices read per minute in the model picker where a track can last a minute", async ({ page }) => {
  await page.goto("/");
  const picker = page.getByLabel("Model", { exact: true });
  // $0.002875 a second is $0.1725 a minute.
  await expect(picker.locator('option[value="seed-audio-1-0"]')).toHaveText("Seed Audio 1.0 — $0.17 per minute");
  await expect(picker.locator('option[value="sonilo-v1-1-music"]')).toHaveText("Sonilo V1.1 Music — $0.17 per minute");
  // A sound effect of at most 30 s keeps its price per second.
  await expect(picker.locator('option[value="sonilo-v1-1-sound-effects"]')).toHaveText("Sonilo V1.1 Sound Effects — $0.00207 per second");
  await picker.selectOption("seed-audio-1-0");
  await expect(page.locator("#model-summary")).toContainText("$0.17 per minute");
});

test("Seed Audio holds the price of 120 s, then the job card and the ledger show what Venice settled on for the real length", async ({ page, request }) => {
  const { generationId, card } = await submit(page, "seed-audio-1-0", `A folk song ${Date.now()} about the sea`);
  await expect.poll(async () => (await generation(request, generationId)).settledUsd, { timeout: 10_000 }).not.toBeNull();
  const { quotedUsd, settledUsd } = await generation(request, generationId);
  expect(quotedUsd).toBe(0.345);
  // The simulator makes 30 to 120 s at $0.002875 a second.
  expect(settledUsd!).toBeGreaterThanOrEqual(0.08625);
  expect(settledUsd!).toBeLessThanOrEqual(0.345);
  const money = card.getByTestId("batch-money");
  await expect(money).toHaveText(`Saved in your library · Venice charged ${cents(settledUsd!)} for the real length ($0.35 held)`);

  await page.goto("/ledger");
  const row = page.locator(`[data-testid="ledger-entry"][data-generation-id="${generationId}"]`);
  await expect(row).toContainText("Seed Audio 1.0");
  const net = row.getByTestId("ledger-entry-net");
  await expect(net).toHaveText(cents(settledUsd!));
  if (settledUsd! < quotedUsd) await expect(row).toContainText("Settled on the real length");
});

/** A new member, signed up through an invite link in a browser of their own. */
async function newMember(browser: Browser, request: APIRequestContext) {
  const invite = await request.post("/api/team/invites", { data: { role: "member" } });
  expect(invite.status()).toBe(201);
  const { url } = (await invite.json()) as { url: string };
  const name = `Moe Money ${Date.now().toString(36)}`;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(new URL(url).pathname + new URL(url).search);
  await expect(page.getByRole("heading", { name: "Join the studio" })).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`moe.${Date.now()}@studio.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create", exact: true })).toBeVisible();
  return { name, context, page };
}

test("a member sees their own spend and cap on the account page and beside the price, the ledger explains itself, and a price past the cap is refused before Create", async ({ browser, request }) => {
  const member = await newMember(browser, request);
  // One 3 s sound effect: $0.00621.
  await createTrack(member.page.request, `Moe's porch chimes ${Date.now()}`);
  const caps = (await (await request.get("/api/caps")).json()) as Caps;
  const me = caps.members.find((row) => row.name === member.name)!;
  expect(me.spentUsd).toBe(0.00621);
  // A low cap, as the owner sets it: $0.01379 left, under ACE-Step's $0.03.
  expect((await request.put(`/api/caps/members/${me.id}`, { data: { capUsd: 0.02 } })).status()).toBe(200);
  const page = member.page;

  await page.goto("/account");
  const spend = page.getByRole("region", { name: "Your spend this month" });
  await expect(spend.getByText(`Spent in ${MONTH}`)).toBeVisible();
  await expect(spend.getByTestId("own-spend-spent")).toHaveText("$0.01");
  await expect(spend.getByTestId("own-spend-spent").locator("span")).toHaveAttribute("title", "Exactly $0.00621");
  await expect(spend.getByTestId("own-spend-cap")).toHaveText("$0.02");
  await expect(spend.getByTestId("own-spend-left")).toHaveText("$0.01");
  await checkAndShoot(page, "money-account-member", SHOTS);

  // Beside the price: their month; a sound effect fits, ACE-Step's $0.03 does not, and the form says so before Create.
  const submits: string[] = [];
  page.on("request", (sent) => {
    if (sent.method() === "POST" && sent.url().endsWith("/api/generations")) submits.push(sent.url());
  });
  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption("sonilo-v1-1-sound-effects");
  await page.getByLabel("Prompt", { exact: true }).fill("A door creaking open slowly");
  await expect(page.getByTestId("price")).toHaveAttribute("data-source", "quote");
  await expect(page.getByTestId("own-spend-line")).toHaveText("You spent $0.01 of your $0.02 cap this month");
  await expect(page.getByTestId("over-cap")).toHaveCount(0);

  await page.getByLabel("Model", { exact: true }).selectOption("ace-step-15");
  await page.getByLabel("Prompt", { exact: true }).fill("A calm piano piece at dusk, past my cap");
  await expect(page.getByTestId("price")).toHaveText("$0.03");
  const refusal = page.getByRole("alert").filter({ hasText: "monthly cap" });
  await expect(refusal).toHaveText(
    `This costs $0.03, which would take you past your monthly cap of $0.02 ($0.01 spent in ${MONTH}). An admin can raise it on the Ledger page.`,
  );
  expect(submits).toEqual([]);
  await checkAndShoot(page, "money-over-cap", SHOTS);

  // The ledger is the admins': a member is told so, with their own month and whom to ask.
  await page.goto("/ledger");
  await expect(page).toHaveURL(/\/ledger$/);
  await expect(page.getByRole("heading", { name: "The ledger is for admins" })).toBeVisible();
  await expect(page.getByTestId("own-spend-cap")).toHaveText("$0.02");
  await expect(page.getByTestId("cap-setters")).toContainText(`${E2E_OWNER.name} (owner)`);
  await expect(page.getByTestId("ledger-entries")).toHaveCount(0);
  expect((await page.request.get("/api/ledger")).status()).toBe(403);
  await checkAndShoot(page, "money-ledger-member", SHOTS);

  // The API answers them their own month, and nobody else's.
  const own = await page.request.get("/api/spend/me");
  expect(await own.json()).toMatchObject({ spentUsd: 0.00621, capUsd: 0.02, remainingUsd: 0.01379, limitedBy: "member" });
  expect((await page.request.get(`/api/spend/me?memberId=${caps.members.find((row) => row.name === E2E_OWNER.name)!.id}`)).status()).toBe(400);
  await member.context.close();
});
