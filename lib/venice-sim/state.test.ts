// A simulator with a state directory outlives itself, as Venice outlives a client's restart:
// jobs queued over real HTTP are known, charged and delivered by a new simulator started on
// the same directory (on its own new port), with the same key.
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VeniceSimulatorOptions } from "./server";
import { NO_LIMITS, sleep, startSim, stubRender, type SimClient } from "@/tests/support/venice-sim";

// Sound effects: an 8 s P80, 0.4 s at this speed; a job is done 0.6 s after it was queued at the latest.
const SPEED = 20;
const SFX = { model: "elevenlabs-sound-effects-v2", prompt: "rain on a tin roof", duration_seconds: 2 };
const MAX_SFX_MS = (8_000 * 1.5) / SPEED;

let stateDir: string;
const open: SimClient[] = [];

beforeEach(async () => {
  stateDir = path.join(await mkdtemp(path.join(tmpdir(), "venice-sim-state-")), "venice-sim");
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await rm(path.dirname(stateDir), { recursive: true, force: true });
});

/** A simulator on the test's state directory. */
async function start(opts: VeniceSimulatorOptions = {}): Promise<SimClient> {
  const c = await startSim({ ...NO_LIMITS, speed: SPEED, render: stubRender(), stateDir, ...opts });
  open.push(c);
  return c;
}

/** Stops `c` and starts another simulator on the same directory. */
async function restart(c: SimClient, opts: VeniceSimulatorOptions = {}): Promise<SimClient> {
  await c.close();
  return start(opts);
}

const balance = async (c: SimClient, key?: string) => (await c.get("/billing/balance", { key })).body.balances.usd as number;

describe("a simulator restarted on its state directory", () => {
  it("still knows a job in flight, by the same key, and finishes it with its audio; the charge is kept", async () => {
    // Slow enough (1 s at least) to be surely still running when the simulator stops.
    const first = await start({ speed: 2 });
    const key = first.sim.apiKey;
    const queueId = await first.queue(SFX);
    expect((await first.post("/audio/retrieve", { model: SFX.model, queue_id: queueId })).body.status).toBe("PROCESSING");
    const charged = await balance(first);
    expect(charged).toBeLessThan(100);

    const second = await restart(first, { speed: 2 });
    expect(second.sim.url).not.toBe(first.sim.url);
    expect(second.sim.apiKey).toBe(key);
    expect((await second.post("/audio/retrieve", { model: SFX.model, queue_id: queueId }, { key })).body.status).toBe("PROCESSING");
    second.sim.control.finishJob(queueId); // rather than wait out the rest of its time
    const reply = await second.waitForResult(SFX.model, queueId);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("audio/mpeg");
    // The same request renders the same audio: what the first simulator would have served.
    expect(reply.bytes).toEqual(await stubRender()({ prompt: SFX.prompt, seconds: SFX.duration_seconds, format: "mp3" }));
    expect(await balance(second, key)).toBe(charged);
    expect(second.sim.control.requests().filter((call) => call.endpoint === "queue")).toEqual([]);
  });

  it("serves a job that finished while it was down at once, as finished", async () => {
    const first = await start();
    const queueId = await first.queue(SFX);
    await first.close();
    await sleep(MAX_SFX_MS + 50);

    const second = await start();
    const reply = await second.waitForResult(SFX.model, queueId, { timeoutMs: 2_000 });
    expect(reply.status).toBe(200);
    expect(second.sim.control.job(queueId)).toMatchObject({ status: "done", rendered: true });
  });

  it("keeps deleted media deleted (404), failed jobs failed and refunded, settled seed audio settled", async () => {
    const first = await start({ enableFaults: true });
    const deleted = await first.queue(SFX);
    expect((await first.waitForResult(SFX.model, deleted, { deleteMedia: true })).status).toBe(200);
    const failed = await first.queue({ ...SFX, prompt: "rain on a tin roof [sim:fail]" });
    expect((await first.waitForResult(SFX.model, failed)).status).toBe(500);
    const seed = await first.queue({ model: "seed-audio-1-0", prompt: "a calm lo-fi beat", voice: "Tim" });
    expect((await first.waitForResult("seed-audio-1-0", seed)).status).toBe(200);
    const before = await balance(first);

    const second = await restart(first, { enableFaults: true });
    expect((await second.post("/audio/retrieve", { model: SFX.model, queue_id: deleted })).status).toBe(404);
    expect(await second.post("/audio/retrieve", { model: SFX.model, queue_id: failed })).toMatchObject({
      status: 500,
      body: { error: "Inference processing failed" },
    });
    const again = await second.waitForResult("seed-audio-1-0", seed);
    expect(again.status).toBe(200);
    expect(await balance(second)).toBe(before);
    // An id it never issued is still one it never issued.
    const ghost = await second.post("/audio/retrieve", { model: SFX.model, queue_id: randomUUID() });
    expect(ghost).toMatchObject({ status: 400, body: { error: "Request ID is invalid." } });
  });

  it("keeps the balance as it was set, and a reset as a reset", async () => {
    const first = await start();
    first.sim.control.setBalance(12.5);
    const second = await restart(first, { balanceUsd: 100 });
    expect(await balance(second)).toBe(12.5);
    await second.queue(SFX);
    second.sim.control.reset(); // back to its starting balance, 100
    const third = await restart(second, { balanceUsd: 40 });
    expect(third.sim.control.jobs()).toEqual([]);
    expect(await balance(third)).toBe(100);
  });

  it("takes a given key over the saved one, and refuses the old one", async () => {
    const first = await start();
    const old = first.sim.apiKey;
    const second = await restart(first, { apiKey: "sim-new-key" });
    expect(second.sim.apiKey).toBe("sim-new-key");
    expect((await second.get("/billing/balance", { key: old })).status).toBe(401);
    const third = await restart(second);
    expect(third.sim.apiKey).toBe("sim-new-key");
  });
});

describe("the state directory", () => {
  it("is private to the studio: a 0700 directory, a 0600 file with the key, no audio", async () => {
    const c = await start();
    const queueId = await c.queue(SFX);
    await c.waitForResult(SFX.model, queueId);
    expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
    expect(await readdir(stateDir)).toEqual(["state.json"]);
    const file = path.join(stateDir, "state.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, "utf8"));
    expect(saved).toMatchObject({ version: 1, apiKey: c.sim.apiKey, jobs: [{ id: queueId, model: SFX.model }] });
    expect((await stat(file)).size).toBeLessThan(2_000);
  });

  it("forgets jobs and deleted ids a week past their time, so it stays small", async () => {
    const day = 24 * 60 * 60 * 1000;
    const first = await start();
    const recent = await first.queue(SFX);
    await first.close();
    const file = path.join(stateDir, "state.json");
    const saved = JSON.parse(await readFile(file, "utf8"));
    const old = { ...saved.jobs[0], id: randomUUID(), enqueuedAtMs: Date.now() - 9 * day, readyAtMs: Date.now() - 9 * day };
    const oldDeleted = randomUUID();
    const recentDeleted = randomUUID();
    saved.jobs.push(old);
    saved.deleted = [
      { id: oldDeleted, atMs: Date.now() - 8 * day },
      { id: recentDeleted, atMs: Date.now() - 6 * day },
    ];
    await writeFile(file, JSON.stringify(saved));

    const second = await start();
    const retrieve = (queueId: string) => second.post("/audio/retrieve", { model: SFX.model, queue_id: queueId });
    expect((await retrieve(old.id)).status).toBe(400);
    expect((await retrieve(oldDeleted)).status).toBe(400);
    expect((await retrieve(recentDeleted)).status).toBe(404);
    expect((await second.waitForResult(SFX.model, recent)).status).toBe(200);
    const kept = JSON.parse(await readFile(file, "utf8"));
    expect(kept.jobs.map((job: { id: string }) => job.id)).toEqual([recent]);
    expect(kept.deleted).toEqual([{ id: recentDeleted, atMs: saved.deleted[1].atMs }]);
  });

  it("sets an unreadable state file aside and starts afresh", async () => {
    const first = await start();
    await first.queue(SFX);
    await first.close();
    await writeFile(path.join(stateDir, "state.json"), '{"version":1,"apiKey":');

    const lines: object[] = [];
    const second = await start({ logger: (line) => lines.push(line) });
    expect(second.sim.control.jobs()).toEqual([]);
    expect(await balance(second)).toBe(100);
    expect((await readdir(stateDir)).sort()).toEqual(["state.json", expect.stringMatching(/^state\.json\.invalid-\d+$/)]);
    expect(lines).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/state file unreadable/) }));
  });
});
