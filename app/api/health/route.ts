import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/route";
import { databaseAnswers } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

// A supervisor's probe must get its answer, even from a database that hangs.
const DATABASE_DEADLINE_MS = 1_500;

export const GET = publicRoute(async () => {
  const mode = env().mode;
  try {
    if (await databaseAnswers(DATABASE_DEADLINE_MS)) return { ok: true, mode, db: "ok" };
    log().error({ deadlineMs: DATABASE_DEADLINE_MS }, "health check: database did not answer in time");
  } catch (error) {
    log().error({ err: error }, "health check: database unreachable");
  }
  return NextResponse.json({ ok: false, mode, db: "down" }, { status: 503 });
});
