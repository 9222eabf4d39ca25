// The team page's calls to the studio's API (browser side).
import type { CreatedInvite } from "@/lib/api/team/create-invite";
import type { InvitableRole } from "@/lib/api/team/team-policy";
import type { TeamInvite } from "@/lib/api/team/team-invite-view";
import type { TeamMember } from "@/lib/api/team/team-member-view";
import type { TeamSettings } from "@/lib/api/team/update-team-settings";
import { fetchJson } from "@/lib/browser/fetch-json";

export const membersKey = ["team", "members"] as const;
export const invitesKey = ["team", "invites"] as const;

export async function fetchMembers(signal?: AbortSignal): Promise<TeamMember[]> {
  return (await fetchJson<{ members: TeamMember[] }>("/api/team/members", { signal })).members;
}

export const changeRole = (id: string, role: "admin" | "member") =>
  fetchJson<TeamMember>(`/api/team/members/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify({ role }) });

export const removeMember = (id: string) =>
  fetchJson<{ id: string }>(`/api/team/members/${encodeURIComponent(id)}`, { method: "DELETE" });

export async function fetchInvites(signal?: AbortSignal): Promise<TeamInvite[]> {
  return (await fetchJson<{ invites: TeamInvite[] }>("/api/team/invites", { signal })).invites;
}

export const createInvite = (role: InvitableRole, expiresInHours: number) =>
  fetchJson<CreatedInvite>("/api/team/invites", { method: "POST", body: JSON.stringify({ role, expiresInHours }) });

export const revokeInvite = (id: string) =>
  fetchJson<TeamInvite>(`/api/team/invites/${encodeURIComponent(id)}`, { method: "DELETE" });

export const updateTeamSettings = (settings: TeamSettings) =>
  fetchJson<TeamSettings>("/api/team/settings", { method: "PATCH", body: JSON.stringify(settings) });

/** What a failed call says to the person: the studio's message, or why it could not be reached. */
export function failureText(error: unknown): string {
  return error instanceof TypeError ? "The studio could not be reached. Check your connection and try again." : (error as Error).message;
}

/** Tells the person what just happened (a toast, read out politely by screen readers). */
export type Announce = (text: string, tone?: "error") => void;
