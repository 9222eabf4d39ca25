import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const mode = env().mode;
  try {
    const prisma = await db();
    await prisma.$queryRaw`SELECT 1`;
    return { ok: true, mode, db: "ok" };
  } catch (error) {
    log().error({ err: error }, "health check: database unreachable");
    return NextResponse.json({ ok: false, mode, db: "down" }, { status: 503 });
  }
});
