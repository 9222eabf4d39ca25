import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { getGeneration } from "./get-generation";
import { listActiveGenerations } from "./list-active-generations";
import { createTestPrisma, insertGeneration, type TestPrisma } from "@/tests/support/generation-harness";

let db: TestPrisma;
// A second client on the same database that reports every SQL statement it sends.
let counted: PrismaClient;
let statements = 0;

beforeAll(async () => {
  db = await createTestPrisma();
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.database.url }), log: [{ emit: "event", level: "query" }] });
  logging.$on("query", () => statements++);
  counted = logging;
});

afterAll(async () => {
  await counted?.$disconnect();
  await db?.close();
});

beforeEach(async () => {
  await db.prisma.track.deleteMany();
  await db.prisma.generation.deleteMany();
});

const ago = (ms: number) => new Date(Date.now() - ms);

describe("listActiveGenerations", () => {
  it("lists the creator's jobs in flight, oldest first, each as getGeneration shows it", async () => {
    const older = await insertGeneration(db.prisma, { creatorId: "ada", createdAt: ago(3_000) });
    const running = await insertGeneration(db.prisma, {
      creatorId: "ada",
      createdAt: ago(2_000),
      status: "processing",
      queueId: "q",
      queuedAt: ago(1_000),
      expectedMs: 4_000,
    });
    const stored = await insertGeneration(db.prisma, { creatorId: "ada", createdAt: ago(1_000), status: "downloaded", queueId: "q2" });
    await db.prisma.track.create({
      data: {
        generationId: stored.id,
        batchId: stored.batchId,
        title: stored.title,
        prompt: "stored",
        model: stored.model,
        format: "flac",
        bytes: 1,
        durationMs: 1,
        sha256: "0",
        storageKey: `tracks/${stored.id}.flac`,
        peaks: [],
        creatorId: "ada",
      },
    });
    await insertGeneration(db.prisma, { creatorId: "ada", status: "completed" });
    await insertGeneration(db.prisma, { creatorId: "ada", status: "uncertain" });
    await insertGeneration(db.prisma, { creatorId: "bo" });

    const views = await listActiveGenerations("ada", { prisma: db.prisma });
    expect(views.map((view) => view.id)).toEqual([older.id, running.id, stored.id]);
    for (const view of views) {
      const single = (await getGeneration(view.id, { prisma: db.prisma }))!;
      // Progress and ETA move with the clock between the two reads.
      expect({ ...view, progress: 0, etaMs: 0 }).toEqual({ ...single, progress: 0, etaMs: 0 });
    }
    expect(views[1]!.progress).toBeGreaterThan(0);
    expect(views[2]).toMatchObject({ status: "downloaded", progress: 1, trackId: expect.any(String) });
  });

  it("asks the database the same number of times for one job as for many", async () => {
    const statementsFor = async (jobs: number) => {
      await db.prisma.generation.deleteMany();
      for (let i = 0; i < jobs; i++) await insertGeneration(db.prisma, { creatorId: "ada" });
      statements = 0;
      expect(await listActiveGenerations("ada", { prisma: counted })).toHaveLength(jobs);
      return statements;
    };
    expect(await statementsFor(8)).toBe(await statementsFor(1));
  });
});
