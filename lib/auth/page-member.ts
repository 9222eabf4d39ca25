import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentMember, hasRole, type Member, type Role } from "@/lib/auth/member";
import { db } from "@/lib/db/client";
import { hasOwner } from "./sign-up-policy";

/**
 * The member a studio page is shown to. Nobody signed in: to sign-in, or, on a fresh studio
 * with no owner yet, to the sign-up that creates the owner account. Without `role`: home.
 */
export async function requirePageMember(role: Role = "member"): Promise<Member> {
  const member = await currentMember(await headers());
  if (!member) redirect((await studioHasOwner()) ? "/sign-in" : "/sign-up");
  if (!hasRole(member, role)) redirect("/");
  return member;
}

/** Whether the studio's first account (its owner) exists yet. */
export async function studioHasOwner(): Promise<boolean> {
  return hasOwner(await db());
}
