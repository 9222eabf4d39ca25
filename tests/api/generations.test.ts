import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationWorker } from "@/lib/generations/worker";
import { call, jsonInit } from "../support/routes";
import { signInAs, type TestMember } from "../support/members";
import { openEventStream, sseReader } from "../support/sse";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio({ simulator: { balanceUsd: 1_000 }, storage: true });
let worker: GenerationWorker | undefined;
let owner: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
});
afterAll(() => worker?.stop());

const MODEL = "mmaudio-v2-text-to-audio";
const DRAFT = { prompt: "rain on a tin roof, distant thunder", duration_seconds: 3 };
const callsTo = (endpoint: string) => studio.sim.control.requests().filter((entry) => entry.endpoint === endpoint).length;

async function quote(body: unknown, init?: RequestInit) {
  const { POST } = await import("@/app/api/quote/route");
  return call(POST, "/api/quote", init ?? jsonInit("POST", body));
}

async function submit(body: unknown, key?: string, init?: RequestInit) {
  const { POST } = await import("@/app/api/generations/route");
  return call(POST, "/api/generations", init ?? jsonInit("POST", body, key === undefined ? {} : { "idempotency-key": key }));
}

async function generation(id: string) {
  const { GET } = await import("@/app/api/generations/[id]/route");
  return call(GET, `/api/generations/${id}`, {}, { id });
}

async function activeGenerations(query = "?active=1") {
  const { GET } = await import("@/app/api/generations/route");
  return call(GET, `/api/generations${query}`);
}

/** Backends of this database still LISTENing for generation events. */
async function listeningConnections(): Promise<number> {
  const { rows } = await studio.sql.query<{ count: string }>(
    `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
  );
  return Number(rows[0]!.count);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("POST /api/quote", () => {
  it("answers Venice's quote for all takes", async () => {
    const direct = await fetch(`${studio.sim.url}/audio/quote`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${studio.sim.apiKey}` },
      body: JSON.stringify({ model: MODEL, duration_seconds: 3 }),
    });
    const perTake: number = (await direct.json()).quote;
    const response = await quote({ model: MODEL, request: DRAFT, takes: 2 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ usd: Math.round(perTake * 2 * 1_000_000) / 1_000_000 });
    expect(await (await quote({ model: MODEL, request: DRAFT })).json()).toEqual({ usd: perTake });
  });

  it("refuses invalid drafts with 400 field errors, without calling Venice", async () => {
    const quotesBefore = callsTo("quote");
    for (const [body, fields] of [
      [{ model: MODEL, request: { prompt: "x", duration_seconds: 99 } }, ["prompt", "duration_seconds"]],
      [{ model: "no-such-model", request: DRAFT }, ["model"]],
      [{ request: DRAFT }, ["model"]],
      [{ model: MODEL, request: "rain" }, ["request"]],
      [{ model: MODEL, request: DRAFT, takes: 5 }, ["takes"]],
      [{ model: MODEL, request: DRAFT, takes: 1.5 }, ["takes"]],
    ] as const) {
      const response = await quote(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const answer = await response.json();
      expect(answer.error).toEqual(expect.any(String));
      expect(Object.keys(answer.fields).sort(), JSON.stringify(body)).toEqual([...fields].sort());
    }
    const notJson = await quote(undefined, { method: "POST", body: "{model:" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "The request body must be JSON." });
    expect(callsTo("quote")).toBe(quotesBefore);
  });
});

describe("POST /api/generations", () => {
  it("requires an Idempotency-Key and a valid draft before storing anything", async () => {
    const missing = await submit({ model: MODEL, request: DRAFT });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/Idempotency-Key header is required/);
    const blank = await submit({ model: MODEL, request: DRAFT }, "   ");
    expect(blank.status).toBe(400);
    expect((await blank.json()).error).toMatch(/Idempotency-Key header is required/);
    const spaced = await submit({ model: MODEL, request: DRAFT }, "two words");
    expect(spaced.status).toBe(400);
    expect((await spaced.json()).error).toMatch(/visible ASCII/);

    const invalid = await submit({ model: MODEL, request: { prompt: "" } }, "invalid-draft");
    expect(invalid.status).toBe(400);
    expect(Object.keys((await invalid.json()).fields)).toEqual(["prompt"]);
    expect(callsTo("queue")).toBe(0);
    expect((await studio.sql.query(`SELECT count(*)::int AS n FROM "Generation"`)).rows[0].n).toBe(0);
  });

  it("submits takes (202), answers a repeated key with the same jobs and refuses a reused key (409)", async () => {
    const body = { model: MODEL, request: DRAFT, takes: 2 };
    const first = await submit(body, "submit-1");
    expect(first.status).toBe(202);
    const batch = await first.json();
    expect(batch).toEqual({
      batchId: expect.any(String),
      generations: [
        { id: expect.any(String), status: "pending" },
        { id: expect.any(String), status: "pending" },
      ],
      quotedUsd: expect.any(Number),
    });

    const again = await submit(body, "submit-1");
    expect(again.status).toBe(202);
    expect((await again.json()).generations.map((g: { id: string }) => g.id)).toEqual(batch.generations.map((g: { id: string }) => g.id));

    const conflict = await submit({ ...body, takes: 1 }, "submit-1");
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error).toMatch(/already used for a different request/);
  });
});

describe("the generation lifecycle through the API", () => {
  it("lists jobs in flight, relays status changes as server-sent events, and serves the stored track", async () => {
    const { GET: events } = await import("@/app/api/events/route");
    const stream = await call(events, "/api/events");
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const sse = sseReader(stream);
    expect((await sse.next())?.comments).toEqual(["connected"]);

    const batch = await (await submit({ model: MODEL, request: { ...DRAFT, prompt: "a creaking ship at sea" }, takes: 2 }, "life-1")).json();
    const ids: string[] = batch.generations.map((g: { id: string }) => g.id);

    const active = await activeGenerations();
    expect(active.status).toBe(200);
    const inFlight = (await active.json()).generations;
    expect(inFlight.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining(ids));
    expect(inFlight.find((g: { id: string }) => g.id === ids[0])).toMatchObject({ status: "pending", progress: 0, trackId: null, error: null });

    const { startWorker } = await import("@/lib/generations/worker");
    const { FAST_WORKER } = await import("@/tests/support/generation-harness");
    worker = await startWorker(FAST_WORKER);

    // Every take (of both submits) reaches `completed`, and the stream tells of each step.
    const seen = new Map<string, string[]>();
    const allIds = [...ids, ...(await studio.sql.query<{ id: string }>(`SELECT id FROM "Generation" WHERE "idempotencyKey" LIKE 'submit-1:%'`)).rows.map((r) => r.id)];
    while (!allIds.every((id) => seen.get(id)?.includes("completed"))) {
      const message = await sse.next(20_000);
      if (message?.event !== "generation") continue;
      const event = JSON.parse(message.data!);
      seen.set(event.id, [...(seen.get(event.id) ?? []), event.status]);
    }
    for (const id of ids) {
      expect(seen.get(id)).toEqual(expect.arrayContaining(["queued", "downloaded", "completed"]));
      expect(seen.get(id)!.at(-1)).toBe("completed");
    }
    // One Venice job per take, however often a key was submitted.
    expect(callsTo("queue")).toBe(4);

    const done = await generation(ids[0]!);
    expect(done.status).toBe(200);
    const view = await done.json();
    expect(view).toMatchObject({ id: ids[0], status: "completed", progress: 1, error: null, trackId: expect.any(String) });
    expect((await (await activeGenerations()).json()).generations).toEqual([]);

    // The track is in the library and its audio is exactly the stored file.
    const { rows } = await studio.sql.query(`SELECT "storageKey", sha256, bytes FROM "Track" WHERE id = $1`, [view.trackId]);
    const stored = rows[0];
    const { GET: audio } = await import("@/app/api/tracks/[id]/audio/route");
    const served = Buffer.from(await (await call(audio, `/api/tracks/${view.trackId}/audio`, {}, { id: view.trackId })).arrayBuffer());
    expect(served.length).toBe(stored.bytes);
    expect(createHash("sha256").update(served).digest("hex")).toBe(stored.sha256);
    const { trackStorage } = await import("@/lib/storage/storage");
    const file: Buffer[] = [];
    for await (const chunk of await trackStorage().read(stored.storageKey)) file.push(chunk as Buffer);
    expect(Buffer.concat(file).equals(served)).toBe(true);

    const { GET: tracks } = await import("@/app/api/tracks/route");
    const library = await (await call(tracks, "/api/tracks?q=creaking")).json();
    // The takes of the one submit, listed as one batch.
    expect(library.batches).toHaveLength(1);
    const listed = library.batches[0].tracks;
    expect(listed.map((t: { id: string }) => t.id).sort()).toEqual(
      (await studio.sql.query(`SELECT t.id FROM "Track" t WHERE t."generationId" = ANY($1::uuid[])`, [ids])).rows.map((r) => r.id).sort(),
    );
    expect(listed[0]).toMatchObject({ status: "completed", format: "wav", model: MODEL, takeNumber: 1 });

    // Closing the stream releases the studio's LISTEN connection (the worker keeps its own).
    expect(await listeningConnections()).toBe(2);
    await sse.cancel();
    await eventually(async () => (await listeningConnections()) === 1);
  });

  it("answers 404 JSON for unknown and malformed generation ids, and 400 for an unsupported list", async () => {
    for (const id of ["6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11", "not-a-uuid"]) {
      const response = await generation(id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "This generation does not exist." });
    }
    for (const query of ["", "?active=0"]) {
      const response = await activeGenerations(query);
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).fields)).toEqual(["active"]);
    }
  });
});

describe("GET /api/events", () => {
  it("shares one LISTEN connection, sends heartbeats, and lets go when the client disconnects", async () => {
    const baseline = await listeningConnections();
    const first = new AbortController();
    const second = new AbortController();
    const a = sseReader(await openEventStream(owner.cookie, first.signal, 50));
    const b = sseReader(await openEventStream(owner.cookie, second.signal, 50));
    expect(await listeningConnections()).toBe(baseline + 1);

    expect((await a.next())?.comments).toEqual(["connected"]);
    expect((await a.next())?.comments).toEqual(["heartbeat"]);

    await studio.sql.query(`SELECT pg_notify('generation_events', $1)`, [JSON.stringify({ id: "g-1", status: "queued", batchId: "b-1" })]);
    expect(await b.next()).toMatchObject({ comments: ["connected"] });
    let event = await b.next();
    while (event?.event !== "generation") event = await b.next();
    expect(JSON.parse(event.data!)).toEqual({ id: "g-1", status: "queued", batchId: "b-1" });

    first.abort();
    let message = await a.next();
    while (message !== null) message = await a.next();
    expect(await listeningConnections()).toBe(baseline + 1);
    second.abort();
    await eventually(async () => (await listeningConnections()) === baseline);
  });
});
