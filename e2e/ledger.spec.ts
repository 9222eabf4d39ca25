import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { checkAndShoot } from "./axe";
import { E2E_OWNER } from "./owner";
import { createTrack } from "./tracks";

// The money end to end, as the owner: a track made is charged its quote on /ledger and in the
// CSV; a monthly cap set on /ledger refuses the next submit with a message saying which cap,
// the month's spend and the price; axe finds nothing serious on /ledger in light and dark.
// Screenshots land in e2e/artifacts/. Caps are lifted after each test: the server is shared
// with every other spec.

const DESKTOP = { width: 1280, height: 900 };
const MONTH = new Date().toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

type Ledger = { total: { quotedUsd: number; refundedUsd: number; netUsd: number; entries: number } };
type Caps = { studio: { capUsd: number | null; spentUsd: number }; members: { id: string; name: string; capUsd: number | null; spentUsd: number }[] };

/** As the ledger writes amounts: exact, at least to the cent. */
const exactUsd = (usd: number) => usd.toFixed(6).replace(/0{1,4}$/, "");
const micros = (amount: string) => Math.round(Number(amount) * 1_000_000);
const roundUpToCent = (usd: number) => (Math.ceil(Math.round(usd * 1_000_000) / 10_000) / 100).toFixed(2);

async function lift(request: APIRequestContext) {
  const caps = (await (await request.get("/api/caps")).json()) as Caps;
  expect((await request.put("/api/caps/studio", { data: { capUsd: null } })).status()).toBe(200);
  for (const member of caps.members.filter((row) => row.capUsd !== null)) {
    expect((await request.put(`/api/caps/members/${member.id}`, { data: { capUsd: null } })).status()).toBe(200);
  }
}

test.afterEach(async ({ request }) => {
  await lift(request);
});

test("a track is charged its quote on /ledger, and the CSV adds up to the cent", async ({ page, request }) => {
  test.setTimeout(120_000);
  const trackId = await createTrack(request, `Glass chimes in a cold wind ${Date.now()}`);
  const { generationId } = ((await (await request.get(`/api/tracks/${trackId}`)).json()) as { track: { generationId: string } }).track;
  const { quotedUsd } = (await (await request.get(`/api/generations/${generationId}`)).json()) as { quotedUsd: number };
  expect(quotedUsd).toBeGreaterThan(0);
  const ledger = (await (await request.get("/api/ledger")).json()) as Ledger;

  await page.goto("/ledger");
  await expect(page.getByRole("heading", { name: "Ledger", level: 1 })).toBeVisible();
  const row = page.locator(`[data-testid="ledger-entry"][data-generation-id="${generationId}"]`);
  // To the cent, rounded up as charges are; the exact figure in the tooltip (e2e/money.spec.ts).
  await expect(row.getByTestId("ledger-entry-net")).toHaveText(`$${roundUpToCent(quotedUsd)}`);
  await expect(row).toContainText(E2E_OWNER.name);
  await expect(page.getByTestId("ledger-net")).toHaveText(`$${roundUpToCent(ledger.total.netUsd)}`);
  await expect(page.getByTestId("by-member")).toContainText(E2E_OWNER.name);
  await expect(page.getByTestId("by-month")).toContainText(MONTH);

  // This month only: the same charge is there.
  await page.getByLabel("Month (UTC)").selectOption({ label: MONTH });
  await expect(row).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^venice-studio-ledger-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), "utf8")).trim().split("\r\n");
  expect(lines[0]).toBe("date_utc,member,email,model,model_name,generation_id,title,quoted_usd,refunded_usd,net_usd");
  const mine = lines.find((line) => line.includes(generationId));
  expect(mine).toContain(`,${E2E_OWNER.name},${E2E_OWNER.email},sonilo-v1-1-sound-effects,Sonilo V1.1 Sound Effects,${generationId},`);
  expect(mine).toContain(`,${exactUsd(quotedUsd)},0.00,${exactUsd(quotedUsd)}`);
  const columns = lines.slice(1).map((line) => line.split(",").slice(-3));
  const net = columns.reduce((sum, [, , value]) => sum + micros(value!), 0);
  const quotedLessRefunded = columns.reduce((sum, [quoted, refunded]) => sum + micros(quoted!) - micros(refunded!), 0);
  expect(net).toBe(quotedLessRefunded);
  // The CSV was of this month; the API agrees with it to the micro-dollar.
  const month = (await (await request.get(`/api/ledger?month=${new Date().toISOString().slice(0, 7)}`)).json()) as Ledger;
  expect(net).toBe(micros(exactUsd(month.total.netUsd)));
});

test("a cap set on /ledger refuses the next submit, before Venice, with the cap, the month's spend and the price", async ({ page, request }) => {
  await page.goto("/ledger");
  const caps = (await (await request.get("/api/caps")).json()) as Caps;
  const me = caps.members.find((member) => member.name === E2E_OWNER.name)!;
  // A cap at what is already spent (to the cent below): the next track crosses it.
  const cap = (Math.floor(me.spentUsd * 100) / 100).toFixed(2);
  const myRow = page.locator(`[data-cap-for="${me.id}"]`);
  await myRow.getByLabel(`Monthly cap for ${E2E_OWNER.name}, US dollars`).fill(cap);
  await myRow.getByRole("button", { name: `Save cap for ${E2E_OWNER.name}` }).click();
  await expect(myRow.getByRole("status")).toHaveText(`Saved: $${cap} a month.`);
  await expect(myRow.getByTestId("cap-spend")).toContainText(`of $${cap}`);
  const before = ((await (await request.get("/api/ledger")).json()) as Ledger).total.entries;

  await page.goto("/");
  await page.getByLabel("Model", { exact: true }).selectOption("ace-step-15");
  await page.getByLabel("Prompt", { exact: true }).fill("A calm piano piece at dusk, over the cap");
  await expect(page.getByTestId("price")).toHaveText("$0.03");
  await page.getByRole("button", { name: /^Create/ }).click();
  await expect(page.locator("#submit-reason")).toHaveText(
    `This costs $0.03, which would take you past your monthly cap of $${cap} ($${roundUpToCent(me.spentUsd)} spent in ${MONTH}). An admin can raise it on the Ledger page.`,
  );
  await page.screenshot({ path: "e2e/artifacts/ledger-cap-refusal.png" });
  expect(((await (await request.get("/api/ledger")).json()) as Ledger).total.entries).toBe(before);

  // Lifted on /ledger: an empty cap is none.
  await page.goto("/ledger");
  await myRow.getByLabel(`Monthly cap for ${E2E_OWNER.name}, US dollars`).fill("");
  await myRow.getByRole("button", { name: `Save cap for ${E2E_OWNER.name}` }).click();
  await expect(myRow.getByRole("status")).toHaveText("Saved: no cap.");

  // The whole studio's cap refuses just the same, naming the studio's cap.
  const studioRow = page.locator('[data-cap-for="studio"]');
  await studioRow.getByLabel("Monthly cap for Whole studio, US dollars").fill("0");
  await studioRow.getByRole("button", { name: "Save cap for Whole studio" }).click();
  await expect(studioRow.getByRole("status")).toHaveText("Saved: $0.00 a month.");
  const refused = await request.post("/api/generations", {
    headers: { "Idempotency-Key": `e2e-over-studio-cap-${Date.now()}` },
    data: { model: "ace-step-15", request: { prompt: "A calm piano piece at dusk", duration_seconds: 60 } },
  });
  expect(refused.status()).toBe(402);
  expect(((await refused.json()) as { error: string }).error).toMatch(
    new RegExp(`^This costs \\$0\\.03, which would take the studio past its monthly cap of \\$0\\.00 \\(\\$[\\d.]+ spent in ${MONTH}\\)\\.`),
  );

  // Field errors say what is wrong, beside the field.
  await studioRow.getByLabel("Monthly cap for Whole studio, US dollars").fill("1.234");
  await studioRow.getByRole("button", { name: "Save cap for Whole studio" }).click();
  await expect(studioRow.getByRole("alert")).toHaveText("A cap is in whole cents, like 12.50.");
  await expect(studioRow.getByLabel("Monthly cap for Whole studio, US dollars")).toHaveAttribute("aria-invalid", "true");
});

test("a failed job is refunded on /ledger; the page passes axe in light and dark, on a desktop and a phone", async ({ page, request }) => {
  test.setTimeout(120_000);
  // The simulator fails a job whose prompt has [sim:fail] half-way (SIM_FAULTS=1): Venice refunds it.
  const submitted = await request.post("/api/generations", {
    headers: { "Idempotency-Key": `e2e-failing-${Date.now()}` },
    data: { model: "sonilo-v1-1-sound-effects", request: { prompt: `Thunder that never comes [sim:fail] ${Date.now()}`, duration_seconds: 3 } },
  });
  expect(submitted.status()).toBe(202);
  const { generations, quotedUsd } = (await submitted.json()) as { generations: { id: string }[]; quotedUsd: number };
  const failedId = generations[0]!.id;
  await expect
    .poll(async () => ((await (await request.get(`/api/generations/${failedId}`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toBe("failed");
  // A cap part-used, to see its bar.
  expect((await request.put("/api/caps/studio", { data: { capUsd: 0.05 } })).status()).toBe(200);

  await page.goto("/ledger");
  const failedRow = page.locator(`[data-testid="ledger-entry"][data-generation-id="${failedId}"]`);
  await expect(failedRow).toContainText("Failed, refunded");
  await expect(failedRow).toContainText(`$${roundUpToCent(quotedUsd)}`);
  await expect(failedRow.locator("td").last()).toHaveText("$0.00");
  await checkAndShoot(page, "ledger", { desktop: DESKTOP, fullPage: true });
});

test("signed out, /ledger leads to sign-in and its API answers 401", async ({ browser, request }) => {
  // (A signed-in member is refused with 403: tests/money/ledger-api.test.ts.)
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/ledger");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get("/api/ledger")).status()).toBe(401);
  expect((await page.request.get("/api/ledger/export")).status()).toBe(401);
  await context.close();
  expect((await request.get("/api/ledger")).status()).toBe(200);
});
