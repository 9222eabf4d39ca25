import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, fieldErrors } from "@/lib/api/errors";
import { log } from "@/lib/log";

// Every app/api route handler is wrapped by `route`: it validates input with zod and
// answers every failure as JSON `{error, fields?}` with the right status, never with a
// stack trace. Access control joins here when accounts arrive.

type Context<Params> = { request: Request; params: Params };

export function route<Params = Record<string, never>>(
  handler: (context: Context<Params>) => Promise<Response | unknown>,
) {
  return async (request: Request, segment: { params: Promise<Params> }): Promise<Response> => {
    try {
      const result = await handler({ request, params: await segment.params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof ApiError) {
    return NextResponse.json({ error: error.message, ...(error.fields && { fields: error.fields }) }, { status: error.status });
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: "Some fields are invalid.", fields: fieldErrors(error) }, { status: 400 });
  }
  log().error({ err: error, method: request.method, path: new URL(request.url).pathname }, "unhandled route error");
  return NextResponse.json({ error: "Something went wrong on the studio server." }, { status: 500 });
}

