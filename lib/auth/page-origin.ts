import "server-only";
import { headers } from "next/headers";
import { studioOrigin } from "@/lib/auth/same-origin";

/**
 * studioOrigin for a page being rendered, which has no Request: its headers, over the protocol
 * Next.js saw. Its X-Forwarded-Proto is its own (from the socket) unless a trusted proxy sent
 * one: the front door (scripts/front-door.mjs) drops X-Forwarded-* from everyone else.
 */
export async function pageOrigin(): Promise<string> {
  const incoming = await headers();
  const protocol = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return studioOrigin(new Request(`${protocol}://${incoming.get("host") ?? "localhost"}/`, { headers: incoming }));
}
