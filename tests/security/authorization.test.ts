// Every API route, found from the app/api tree, called as anonymous, member, admin and owner:
// below the role the table names it answers 401 (signed out) or 403 (signed in), at or above
// it never does. A route that is in the tree but not in the table fails the test, so a new
// route cannot ship without someone deciding who may call it. The ids in the URLs are made
// up, so a 400/404/409 answer is expected; what matters is that the role check came first.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/member";
import { apiEndpoints, fillPattern, type ApiEndpoint, type HttpMethod } from "../support/api-routes";
import { createMember, type TestMember } from "../support/members";
import { call } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

type Access = "public" | Role;

// Who may call each route: "public" (anyone, signed in or not) or the least role. Routes
// open to every member may still refuse someone else's object inside the handler (renaming
// another member's track, revoking another member's share link): that is tested with the
// route itself, after this gate.
const REQUIRED_ROLE: Record<string, Access> = {
  // better-auth's own endpoints: sign-up, sign-in, get-session, sign-out, change-password.
  "GET /api/auth/[...all]": "public",
  "POST /api/auth/[...all]": "public",
  "GET /api/balance": "member",
  // This month's caps and spend: an admin sees everyone's, a member only their own (getCaps).
  "GET /api/caps": "member",
  "PUT /api/caps/members/[id]": "admin",
  "PUT /api/caps/studio": "admin",
  "GET /api/events": "member",
  "GET /api/generations": "member",
  "POST /api/generations": "member",
  "GET /api/generations/[id]": "member",
  "GET /api/health": "public",
  "GET /api/ledger": "admin",
  "GET /api/ledger/export": "admin",
  "GET /api/models": "member",
  "POST /api/quote": "member",
  // The caller's own month's spend and the room their caps leave; nobody else's.
  "GET /api/spend/me": "member",
  // A share link is read by whoever holds its token, signed in or not.
  "GET /api/share/[token]/audio": "public",
  "GET /api/share/[token]/peaks": "public",
  // The link's maker, the track's creator or an admin (checked in revokeShareLink).
  "DELETE /api/shares/[id]": "member",
  "GET /api/team/invites": "admin",
  "POST /api/team/invites": "admin",
  "DELETE /api/team/invites/[id]": "admin",
  "GET /api/team/members": "admin",
  "PATCH /api/team/members/[id]": "admin",
  "DELETE /api/team/members/[id]": "admin",
  // Whether sign-up is open: every member may read it, only the owner changes it.
  "GET /api/team/settings": "member",
  "PATCH /api/team/settings": "owner",
  "GET /api/tracks": "member",
  "GET /api/tracks/creators": "member",
  "GET /api/tracks/[id]": "member",
  // Rename: the creator or an admin (updateTrack); favourite: any member.
  "PATCH /api/tracks/[id]": "member",
  // The creator or an admin (deleteTrack, restoreTrack).
  "DELETE /api/tracks/[id]": "member",
  "POST /api/tracks/[id]/restore": "member",
  "GET /api/tracks/[id]/audio": "member",
  "GET /api/tracks/[id]/peaks": "member",
  "GET /api/tracks/[id]/settings": "member",
  // A member shares and lists the links of any track in the team's library.
  "GET /api/tracks/[id]/shares": "member",
  "POST /api/tracks/[id]/shares": "member",
};

const CALLERS = ["anonymous", "member", "admin", "owner"] as const;
type Caller = (typeof CALLERS)[number];
const RANK: Record<Access, number> = { public: -1, member: 0, admin: 1, owner: 2 };
const CALLER_RANK: Record<Caller, number> = { anonymous: -1, member: 0, admin: 1, owner: 2 };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const studio = setUpStudio({ simulator: {} });
let endpoints: ApiEndpoint[];
const members = {} as Record<Exclude<Caller, "anonymous">, TestMember>;

beforeAll(async () => {
  members.owner = await createMember(studio.database.url, "owner");
  members.admin = await createMember(studio.database.url, "admin");
  members.member = await createMember(studio.database.url, "member");
  endpoints = await apiEndpoints();
});

const keyOf = (endpoint: ApiEndpoint) => `${endpoint.method} ${endpoint.pattern}`;

// Made-up values for the dynamic segments: unknown ids and tokens; better-auth's catch-all
// gets an endpoint it has for the method, which the empty body leaves unchanged.
const SEGMENT_VALUES: Record<string, (method: HttpMethod) => string> = {
  id: () => randomUUID(),
  token: () => randomBytes(32).toString("base64url"),
  all: (method) => (method === "GET" ? "get-session" : "sign-in/email"),
};

/** The endpoint's status for `headers`; the body is dropped unread (the events stream never ends). */
async function statusOf(endpoint: ApiEndpoint, headers: Record<string, string>): Promise<number> {
  const { path, params } = fillPattern(endpoint.pattern, (name) => {
    const value = SEGMENT_VALUES[name];
    if (!value) throw new Error(`No test value for the [${name}] segment of ${endpoint.pattern}: add one to SEGMENT_VALUES.`);
    return value(endpoint.method);
  });
  const aborter = new AbortController();
  const init: RequestInit = MUTATING.has(endpoint.method)
    ? { method: endpoint.method, headers: { "content-type": "application/json", ...headers }, body: "{}" }
    : { method: endpoint.method, headers };
  const response = await call(endpoint.handler, path, { ...init, signal: aborter.signal }, params);
  await response.body?.cancel();
  aborter.abort();
  return response.status;
}

function headersOf(caller: Caller): Record<string, string> {
  // An explicit empty cookie: call() must not add anyone's session.
  return { cookie: caller === "anonymous" ? "" : members[caller].cookie };
}

describe("authorization of every API route", () => {
  it("knows who may call every route in app/api", () => {
    const missing = endpoints.map(keyOf).filter((key) => !(key in REQUIRED_ROLE));
    expect(missing, "Add these routes to REQUIRED_ROLE in tests/security/authorization.test.ts with who may call them").toEqual([]);
  });

  it("names no route that app/api does not have", () => {
    const found = new Set(endpoints.map(keyOf));
    const stale = Object.keys(REQUIRED_ROLE).filter((key) => !found.has(key));
    expect(stale, "REQUIRED_ROLE names routes that app/api no longer has: remove them").toEqual([]);
  });

  it("answers 401 signed out and 403 below the role, and lets every caller at or above it through", async () => {
    const wrong: string[] = [];
    for (const endpoint of endpoints) {
      const access = REQUIRED_ROLE[keyOf(endpoint)];
      if (!access) continue; // reported by the test above
      for (const caller of CALLERS) {
        const status = await statusOf(endpoint, headersOf(caller));
        const allowed = CALLER_RANK[caller] >= RANK[access];
        const expected = allowed ? "neither 401 nor 403" : caller === "anonymous" ? "401" : "403";
        const right = allowed ? status !== 401 && status !== 403 : status === (caller === "anonymous" ? 401 : 403);
        if (!right) wrong.push(`${keyOf(endpoint)} as ${caller} (needs ${access}): ${status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  // better-auth's endpoints (public here) check the origin themselves, but better-auth skips
  // that check under NODE_ENV=test unless `advanced.disableOriginCheck: false` is set.
  it("refuses a state change sent from another site, even by the owner", async () => {
    const accepted: string[] = [];
    for (const endpoint of endpoints) {
      if (!MUTATING.has(endpoint.method) || REQUIRED_ROLE[keyOf(endpoint)] === "public") continue;
      const status = await statusOf(endpoint, { ...headersOf("owner"), origin: "https://evil.example" });
      if (status !== 403) accepted.push(`${keyOf(endpoint)}: ${status}`);
    }
    expect(accepted).toEqual([]);
  });
});
