import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimDueJobs, msUntilNextDue, releaseLeasesOfGoneLocalWorkers, renewLease } from "./leases";
import { createTestPrisma, insertGeneration, type TestPrisma } from "@/tests/support/generation-harness";

let db: TestPrisma;

beforeAll(async () => {
  db = await createTestPrisma();
});

afterAll(async () => {
  await db?.close();
});

beforeEach(async () => {
  await db.prisma.generation.deleteMany();
});

const ago = (ms: number) => new Date(Date.now() - ms);
const later = (ms: number) => new Date(Date.now() + ms);

describe("claiming due jobs", () => {
  it("claims due active jobs, oldest due first, and leaves the rest", async () => {
    const older = await insertGeneration(db.prisma, { nextAttemptAt: ago(2_000) });
    const newer = await insertGeneration(db.prisma, { status: "processing", queueId: "q", nextAttemptAt: ago(1_000) });
    await insertGeneration(db.prisma, { nextAttemptAt: later(60_000) });
    await insertGeneration(db.prisma, { status: "completed", nextAttemptAt: ago(5_000) });
    await insertGeneration(db.prisma, { status: "uncertain", nextAttemptAt: ago(5_000) });

    const claimed = await claimDueJobs(db.prisma, { owner: "w1", limit: 10, leaseMs: 30_000 });
    expect(claimed.map((job) => job.id)).toEqual([older.id, newer.id]);
    expect(claimed.every((job) => job.leaseOwner === "w1" && job.leaseExpiresAt!.getTime() > Date.now() + 25_000)).toBe(true);
    expect(await claimDueJobs(db.prisma, { owner: "w2", limit: 10, leaseMs: 30_000 })).toEqual([]);
  });

  it("never gives one job to two workers claiming at once", async () => {
    for (let i = 0; i < 30; i++) await insertGeneration(db.prisma, { nextAttemptAt: ago(1_000) });
    const claims = await Promise.all(
      ["a", "b", "c"].map((owner) => claimDueJobs(db.prisma, { owner, limit: 12, leaseMs: 30_000 })),
    );
    const ids = claims.flat().map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
  });

  it("reclaims a job whose worker stopped renewing its lease", async () => {
    const job = await insertGeneration(db.prisma, { nextAttemptAt: ago(1_000), leaseOwner: "dead", leaseExpiresAt: ago(1) });
    const claimed = await claimDueJobs(db.prisma, { owner: "alive", limit: 1, leaseMs: 30_000 });
    expect(claimed.map((row) => [row.id, row.leaseOwner])).toEqual([[job.id, "alive"]]);
  });

  it("keeps a renewed lease", async () => {
    const job = await insertGeneration(db.prisma, { nextAttemptAt: ago(1_000) });
    await claimDueJobs(db.prisma, { owner: "w1", limit: 1, leaseMs: 100 });
    await renewLease(db.prisma, job.id, "w1", 30_000);
    await renewLease(db.prisma, job.id, "someone-else", 1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await claimDueJobs(db.prisma, { owner: "w2", limit: 1, leaseMs: 30_000 })).toEqual([]);
  });
});

describe("msUntilNextDue", () => {
  it("is null with nothing to do", async () => {
    await insertGeneration(db.prisma, { status: "failed" });
    expect(await msUntilNextDue(db.prisma)).toBeNull();
  });

  it("is the time until the earliest job is due or its lease runs out", async () => {
    await insertGeneration(db.prisma, { nextAttemptAt: later(5_000) });
    await insertGeneration(db.prisma, { nextAttemptAt: ago(1_000), leaseOwner: "w", leaseExpiresAt: later(2_000) });
    const ms = (await msUntilNextDue(db.prisma))!;
    expect(ms).toBeGreaterThan(1_500);
    expect(ms).toBeLessThanOrEqual(2_000);
  });
});

describe("releaseLeasesOfGoneLocalWorkers", () => {
  it("frees the leases of this host's workers whose process is gone, and only those", async () => {
    const host = hostname();
    const exitedPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const lease = (leaseOwner: string) => insertGeneration(db.prisma, { leaseOwner, leaseExpiresAt: later(30_000) });
    const killed = await lease(`${host}:${exitedPid}:aaaaaa`);
    const earlierIncarnation = await lease(`${host}:${process.pid}:bbbbbb`);
    const alive = await lease(`${host}:${process.pid}:cccccc`);
    const parent = await lease(`${host}:${process.ppid}:dddddd`);
    const otherHost = await lease(`elsewhere:${exitedPid}:eeeeee`);

    const released = await releaseLeasesOfGoneLocalWorkers(db.prisma, host, new Set([`${host}:${process.pid}:cccccc`]));
    expect(released).toBe(2);
    const owners = async (id: string) => (await db.prisma.generation.findUniqueOrThrow({ where: { id } })).leaseOwner;
    expect(await owners(killed.id)).toBeNull();
    expect(await owners(earlierIncarnation.id)).toBeNull();
    expect(await owners(alive.id)).toBe(alive.leaseOwner);
    expect(await owners(parent.id)).toBe(parent.leaseOwner);
    expect(await owners(otherHost.id)).toBe(otherHost.leaseOwner);
  });
});
