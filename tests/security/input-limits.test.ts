// Input bounds, through the real route handlers on a real PostgreSQL and the simulator:
// bodies over the limit are refused (413) before they are buffered, stored and queried text is
// bounded and never holds a NUL character (which PostgreSQL refuses with a 500), and a deeply
// nested body is a 400, not a stack overflow.
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH } from "@/lib/api/input";
import { lazyBody, streamedInit } from "../support/lazy-body";
import { seedTrack } from "../support/library";
import { signInAs, TEST_PASSWORD, type TestMember } from "../support/members";
import { call, jsonInit, STUDIO } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio({ simulator: { balanceUsd: 1_000 } });
let owner: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
});

const HUNDRED_MB = 100 * 1024 * 1024;
const NUL = "\u0000";
const PROMPT = "A calm piano piece in the rain";

const routes = {
  auth: () => import("@/app/api/auth/[...all]/route"),
  generations: () => import("@/app/api/generations/route"),
  quote: () => import("@/app/api/quote/route"),
  tracks: () => import("@/app/api/tracks/route"),
  track: () => import("@/app/api/tracks/[id]/route"),
  generation: () => import("@/app/api/generations/[id]/route"),
  teamMember: () => import("@/app/api/team/members/[id]/route"),
  memberCap: () => import("@/app/api/caps/members/[id]/route"),
};

let ips = 0;
/** POST to a better-auth endpoint through the studio's catch-all, each from its own address (better-auth limits per IP). */
async function authPost(path: string, init: RequestInit): Promise<Response> {
  const { POST } = await routes.auth();
  const headers = new Headers(init.headers);
  headers.set("origin", STUDIO);
  headers.set("x-forwarded-for", `10.1.${Math.floor(++ips / 250)}.${(ips % 250) + 1}`);
  return POST(new Request(`${STUDIO}/api/auth${path}`, { ...init, headers }));
}

let idempotencyKeys = 0;
async function submit(init: RequestInit): Promise<Response> {
  const { POST } = await routes.generations();
  const headers = new Headers(init.headers);
  headers.set("idempotency-key", `input-limits-${++idempotencyKeys}`);
  return call(POST, "/api/generations", { ...init, headers });
}

async function errorOf(response: Response): Promise<{ error: string; fields?: Record<string, string[]>; message?: string; code?: string }> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return response.json();
}

async function userCount(): Promise<number> {
  const { rows } = await studio.sql.query<{ count: string }>(`SELECT count(*) FROM "user"`);
  return Number(rows[0]!.count);
}

describe("the request body limit", () => {
  it.each([
    ["POST /api/auth/sign-in/email", (init: RequestInit) => authPost("/sign-in/email", init), '{"email": "someone@studio.test", "password": "'],
    ["POST /api/generations", submit, `{"model": "stable-audio-25", "request": {"prompt": "`],
  ])("answers a streamed 100 MB body to %s with 413, having pulled only about the limit", { timeout: 30_000 }, async (_name, send, prefix) => {
    const body = lazyBody(HUNDRED_MB, prefix);
    const started = performance.now();
    const response = await send(streamedInit("POST", body));
    const elapsedMs = performance.now() - started;

    expect(response.status).toBe(413);
    expect((await errorOf(response)).error).toBe("The request body can be at most 64 KB.");
    // Read up to the limit, then stopped: the rest of the upload was never asked for.
    expect(body.pulled()).toBeGreaterThan(MAX_JSON_BODY_BYTES);
    expect(body.pulled()).toBeLessThan(MAX_JSON_BODY_BYTES + 64 * 1024);
    expect(body.cancelled()).toBe(true);
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it.each([
    ["POST /api/auth/sign-up/email", (init: RequestInit) => authPost("/sign-up/email", init)],
    ["POST /api/quote", async (init: RequestInit) => call((await routes.quote()).POST, "/api/quote", init)],
  ])("refuses a body whose Content-Length is over the limit to %s without reading any of it", async (_name, send) => {
    const body = lazyBody(HUNDRED_MB);
    const response = await send(streamedInit("POST", body, { "content-length": String(HUNDRED_MB) }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).error).toBe("The request body can be at most 64 KB.");
    expect(body.pulled()).toBe(0);
  });

  it("answers better-auth's clients in their own shape, which the sign-in and sign-up forms show", async () => {
    const response = await authPost("/sign-up/email", streamedInit("POST", lazyBody(HUNDRED_MB)));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: "The request body can be at most 64 KB.",
      error: "The request body can be at most 64 KB.",
    });
  });

  it("refuses a 10 MB deeply nested body by its size, before parsing it", async () => {
    const depth = 5 * 1024 * 1024;
    const deep = await submit({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"model": "stable-audio-25", "request": {"prompt": "${PROMPT}", "x": ${"[".repeat(depth)}${"]".repeat(depth)}}}`,
    });
    expect(deep.status).toBe(413);
  });

  it("keeps an ordinary sign-in, sign-up and submit working", async () => {
    const signUp = await authPost("/sign-up/email", jsonInit("POST", { name: "Nia Newcomer", email: "nia@studio.test", password: TEST_PASSWORD }));
    expect(signUp.status).toBe(200);
    const signIn = await authPost("/sign-in/email", jsonInit("POST", { email: "nia@studio.test", password: TEST_PASSWORD }));
    expect(signIn.status).toBe(200);
    const { GET } = await routes.auth();
    const session = await GET(new Request(`${STUDIO}/api/auth/get-session`, { headers: { cookie: owner.cookie } }));
    expect(await session.json()).toMatchObject({ user: { id: owner.id } });
    const submitted = await submit(jsonInit("POST", { model: "stable-audio-25", request: { prompt: PROMPT, duration_seconds: 30 } }));
    expect(submitted.status).toBe(202);
  });
});

describe("nesting", () => {
  /** A submit whose `request` holds a setting nested `depth` arrays deep: the body nests depth + 2. */
  const nestedSubmit = (depth: number) =>
    submit({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"model": "stable-audio-25", "request": {"prompt": "${PROMPT}", "x": ${"[".repeat(depth)}${"]".repeat(depth)}}}`,
    });

  it(`refuses a submit nested 30,000 deep (within the size limit) with a 400, as it does one ${MAX_JSON_DEPTH + 1} deep`, async () => {
    expect(30_000 * 2).toBeLessThan(MAX_JSON_BODY_BYTES);
    for (const depth of [30_000, MAX_JSON_DEPTH - 1]) {
      const response = await nestedSubmit(depth);
      expect(response.status, `depth ${depth}`).toBe(400);
      expect((await errorOf(response)).error).toBe(`The request body can nest at most ${MAX_JSON_DEPTH} levels deep.`);
    }
    // At the limit the body is parsed, and the draft refused for its unknown setting.
    const atLimit = await nestedSubmit(MAX_JSON_DEPTH - 2);
    expect(atLimit.status).toBe(400);
    expect(Object.keys((await errorOf(atLimit)).fields ?? {})).toEqual(["x"]);
  });
});

describe("stored and queried text", () => {
  const titleCursor = Buffer.from(JSON.stringify({ sort: "title", value: `a${NUL}`, id: "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11" })).toString("base64url");

  it.each([
    ["q", `?q=${encodeURIComponent(`rain${NUL}drops`)}`],
    ["model", `?model=${encodeURIComponent(`elevenlabs${NUL}`)}`],
    ["creator", `?creator=${encodeURIComponent(`someone${NUL}`)}`],
    ["cursor", `?sort=title&cursor=${titleCursor}`],
    ["q", `?status=failed&q=${encodeURIComponent(`rain${NUL}drops`)}`],
  ])("refuses a NUL in the library's %s with a 400 on that field", async (field, query) => {
    const response = await call((await routes.tracks()).GET, `/api/tracks${query}`);
    expect(response.status).toBe(400);
    expect(Object.keys((await errorOf(response)).fields ?? {})).toEqual([field]);
  });

  it("refuses a NUL in a track's new title, and a title over 200 characters, naming the title", async () => {
    const track = await seedTrack(studio.sql, { title: "Before", creatorId: owner.id });
    const { PATCH } = await routes.track();
    for (const [title, message] of [
      [`Rain${NUL}drops`, "The title must not contain a NUL character."],
      ["x".repeat(201), "The title can be at most 200 characters."],
    ]) {
      const response = await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { title }), { id: track.id });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).fields).toEqual({ title: [message] });
    }
    const { rows } = await studio.sql.query<{ title: string }>(`SELECT title FROM "Track" WHERE id = $1`, [track.id]);
    expect(rows[0]!.title).toBe("Before");
  });

  it.each([
    ["prompt", { model: "stable-audio-25", request: { prompt: `${PROMPT}${NUL}`, duration_seconds: 30 } }, "The prompt must not contain a NUL character."],
    ["lyrics_prompt", { model: "ace-step-15", request: { prompt: PROMPT, lyrics_prompt: `La la${NUL}` } }, "Lyrics must not contain a NUL character."],
    ["voice", { model: "elevenlabs-tts-multilingual-v2", request: { prompt: PROMPT, voice: `custom${NUL}` } }, "The voice must not contain a NUL character."],
    ["model", { model: `stable-audio-25${NUL}`, request: { prompt: PROMPT } }, "The model must not contain a NUL character."],
  ])("refuses a NUL in a submit's %s with a 400 on that field, before anything is stored or quoted", async (field, draft, message) => {
    const quotesBefore = studio.sim.control.requests().filter((request) => request.endpoint === "quote").length;
    for (const send of [submit, async (init: RequestInit) => call((await routes.quote()).POST, "/api/quote", init)]) {
      const response = await send(jsonInit("POST", draft));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).fields).toEqual({ [field]: [message] });
    }
    expect(studio.sim.control.requests().filter((request) => request.endpoint === "quote")).toHaveLength(quotesBefore);
  });

  it("answers a NUL in a path id with 404, for UUID ids and account ids alike", async () => {
    const id = `6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f1${NUL}`;
    const path = (base: string) => `${base}/${encodeURIComponent(id)}`;
    const answers = [
      await call((await routes.track()).GET, path("/api/tracks"), {}, { id }),
      await call((await routes.generation()).GET, path("/api/generations"), {}, { id }),
      await call((await routes.teamMember()).PATCH, path("/api/team/members"), jsonInit("PATCH", { role: "admin" }), { id: `${owner.id}${NUL}` }),
      await call((await routes.memberCap()).PUT, path("/api/caps/members"), jsonInit("PUT", { capUsd: 5 }), { id: `${owner.id}${NUL}` }),
    ];
    expect(answers.map((response) => response.status)).toEqual([404, 404, 404, 404]);
  });
});

describe("the account fields better-auth stores", () => {
  it.each([
    ["name", { name: `Nul${NUL}Name` }, "Your name must not contain a NUL character."],
    ["name", { name: "n".repeat(101) }, "Your name can be at most 100 characters."],
    ["email", { email: `nul${NUL}@studio.test` }, "The email must not contain a NUL character."],
    ["image", { image: `https://example.test/${NUL}.png` }, "The image URL must not contain a NUL character."],
  ])("refuses a sign-up whose %s cannot be stored with a 400 that names it, and stores nothing", async (field, fields, message) => {
    const before = await userCount();
    const body = { name: "Sam Signup", email: `sam.${field}.${Date.now()}@studio.test`, password: TEST_PASSWORD, ...fields };
    for (const init of [jsonInit("POST", body), formInit(body)]) {
      const response = await authPost("/sign-up/email", init);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({ code: "VALIDATION_ERROR", message, error: message, fields: { [field]: [message] } });
    }
    expect(await userCount()).toBe(before);
  });

  it("refuses a 20-million-character name by the body limit, so it is never stored", async () => {
    const before = await userCount();
    const name = "n".repeat(20_000_000);
    const response = await authPost("/sign-up/email", jsonInit("POST", { name, email: "long.name@studio.test", password: TEST_PASSWORD }));
    expect(response.status).toBe(413);
    expect(await userCount()).toBe(before);
  });

  it("refuses an update-user whose name or image cannot be stored, and keeps the member's name", async () => {
    const cookie = owner.cookie;
    for (const [fields, field] of [
      [{ name: `Nul${NUL}` }, "name"],
      [{ name: "n".repeat(101) }, "name"],
      [{ image: `data:${NUL}` }, "image"],
    ] as const) {
      const response = await authPost("/update-user", jsonInit("POST", fields, { cookie }));
      expect(response.status).toBe(400);
      expect(Object.keys((await errorOf(response)).fields ?? {})).toEqual([field]);
    }
    // Nor a storable one: the studio does not serve update-user (DISABLED_AUTH_PATHS in lib/auth/auth.ts).
    const renamed = await authPost("/update-user", jsonInit("POST", { name: "Olive Owner" }, { cookie }));
    expect(renamed.status).toBe(404);
    const { rows } = await studio.sql.query<{ name: string }>(`SELECT name FROM "user" WHERE id = $1`, [owner.id]);
    expect(rows[0]!.name).not.toBe("Olive Owner");
  });

  it("checks a JSON body that starts with a byte order mark like any other (better-auth drops the mark)", async () => {
    const json = new TextEncoder().encode(JSON.stringify({ name: "n".repeat(101) }));
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...json]);
    const response = await authPost("/update-user", { method: "POST", headers: { "content-type": "application/json", cookie: owner.cookie }, body });
    expect(response.status).toBe(400);
    expect(Object.keys((await errorOf(response)).fields ?? {})).toEqual(["name"]);
  });

  it.each([
    ["/revoke-session", { token: `session${NUL}` }],
    ["/reset-password", { token: `reset${NUL}`, newPassword: TEST_PASSWORD }],
  ])("refuses a NUL in a token better-auth would look up (%s) with a 400, not a 500", async (path, body) => {
    const response = await authPost(path, jsonInit("POST", body, { cookie: owner.cookie }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields).toEqual({ token: ["Text must not contain a NUL character."] });
  });
});

function formInit(fields: Record<string, string>): RequestInit {
  return { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() };
}
