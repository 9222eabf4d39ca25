import { NextResponse } from "next/server";
import { z } from "zod";
import { draftBodySchema } from "@/lib/api/generations/draft-body";
import { parseJsonBody, parseQuery } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { listActiveGenerations } from "@/lib/generations/list-active-generations";
import { submitGeneration } from "@/lib/generations/submit";
import { parseIdempotencyKey } from "@/lib/generations/submit-input";

export const dynamic = "force-dynamic";

/**
 * `Idempotency-Key` header + `{model, request, takes?}` → 202 `{batchId, generations: [{id, status}], quotedUsd}`.
 * The same key again answers the same generations; with another body it is a 409.
 */
export const POST = route(async ({ request, member }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers.get("idempotency-key"));
  const { model, request: draft, takes } = await parseJsonBody(request, draftBodySchema);
  const batch = await submitGeneration({ model, draft, takes, idempotencyKey, creatorId: member.id });
  return NextResponse.json(batch, { status: 202 });
});

const listQuerySchema = z.object({
  active: z.literal(["1", "true"], { error: "Only generations in flight can be listed: ask for active=1." }),
});

/** `?active=1` → `{generations}`: the member's jobs in flight, for the studio page after a reload. */
export const GET = route(async ({ request, member }) => {
  parseQuery(request, listQuerySchema);
  return { generations: await listActiveGenerations(member.id) };
});
