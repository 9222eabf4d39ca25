import "server-only";
import { NextResponse } from "next/server";
import { ApiError, apiErrorFromVenice } from "@/lib/errors";
import { currentMember, hasRole, type Member, type Role } from "@/lib/auth/member";
import { assertSameOrigin } from "@/lib/auth/same-origin";
import { withTransportSecurity } from "@/lib/api/security-headers";
import { log } from "@/lib/log";
import { VeniceError } from "@/lib/venice/errors";

// Every app/api route handler is wrapped by `route`: it resolves the calling member from the
// session cookie, refuses state changes sent from other sites, checks the role the route
// needs, and answers every failure as JSON `{error, fields?}` with the right status, never
// with a stack trace. Input is parsed with lib/api/input.ts.

export type RouteOptions = { role: Role };

export type RouteContext<Params> = { request: Request; params: Params; member: Member };

type Handler<Params> = (context: RouteContext<Params>) => Promise<Response | unknown>;
type NextHandler<Params> = (request: Request, segment: { params: Promise<Params> }) => Promise<Response>;

const DEFAULT_OPTIONS: RouteOptions = { role: "member" };

/** A route any member may call. */
export function route<Params = Record<string, never>>(handler: Handler<Params>): NextHandler<Params>;
/** A route that needs at least `options.role`. */
export function route<Params = Record<string, never>>(options: RouteOptions, handler: Handler<Params>): NextHandler<Params>;
export function route<Params>(
  optionsOrHandler: RouteOptions | Handler<Params>,
  maybeHandler?: Handler<Params>,
): NextHandler<Params> {
  const [options, handler] =
    typeof optionsOrHandler === "function" ? [DEFAULT_OPTIONS, optionsOrHandler] : [optionsOrHandler, maybeHandler!];
  return answer(async (request, segment) => {
    const member = await currentMember(request.headers);
    if (!member) throw new ApiError("unauthorized", "Sign in to use the studio.");
    assertSameOrigin(request);
    if (!hasRole(member, options.role)) throw new ApiError("forbidden", `This needs the ${options.role} role.`);
    return handler({ request, params: await segment.params, member });
  });
}

/** A route anyone may call, signed in or not (the health check; later sign-in and share pages). */
export function publicRoute<Params = Record<string, never>>(
  handler: (context: Omit<RouteContext<Params>, "member">) => Promise<Response | unknown>,
): NextHandler<Params> {
  return answer(async (request, segment) => handler({ request, params: await segment.params }));
}

/** Runs a handler and turns what it returns or throws into the JSON response, HSTS over HTTPS. */
function answer<Params>(run: (request: Request, segment: { params: Promise<Params> }) => Promise<Response | unknown>): NextHandler<Params> {
  return async (request, segment) => {
    let response: Response;
    try {
      const result = await run(request, segment);
      response = result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      response = errorResponse(error, request);
    }
    return withTransportSecurity(response, request);
  };
}

function errorResponse(error: unknown, request: Request): Response {
  const known = error instanceof VeniceError ? apiErrorFromVenice(error) : error;
  if (known instanceof ApiError) {
    if (error instanceof VeniceError) log().warn({ err: error, path: loggedPath(request) }, "Venice call failed");
    return NextResponse.json({ error: known.message, ...(known.fields && { fields: known.fields }) }, { status: known.status });
  }
  log().error({ err: error, method: request.method, path: loggedPath(request) }, "unhandled route error");
  return NextResponse.json({ error: "Something went wrong on the studio server." }, { status: 500 });
}

/** The request's path for the logs, with a share link's token (a credential) left out. */
function loggedPath(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/api\/share\/[^/]+/, "/api/share/[token]");
}
