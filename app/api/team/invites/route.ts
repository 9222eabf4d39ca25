import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { studioOrigin } from "@/lib/auth/same-origin";
import { createInvite, createInviteSchema } from "@/lib/api/team/create-invite";
import { listInvites } from "@/lib/api/team/list-invites";

export const dynamic = "force-dynamic";

/** `{invites}`: the pending ones and those of the last 30 days, without their tokens. */
export const GET = route({ role: "admin" }, ({ member }) => listInvites(member));

/** `{role, expiresInHours?: 1..720 (72)}` → 201 `{id, url, role, expiresAt}`: the only time the link is shown. */
export const POST = route({ role: "admin" }, async ({ request, member }) => {
  const invite = await createInvite(await parseJsonBody(request, createInviteSchema), member, studioOrigin(request));
  return NextResponse.json(invite, { status: 201 });
});
