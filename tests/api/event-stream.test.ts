import { beforeAll, describe, expect, it } from "vitest";
import { createMember, signInAs } from "../support/members";
import { STUDIO } from "../support/routes";
import { openEventStream, sseReader } from "../support/sse";
import { setUpStudio } from "../support/studio-harness";

// How long an open event stream lives: no longer than its member's session (removal itself is
// in team.test.ts), and not past a server's stop, which tells browsers when to come back.

const studio = setUpStudio();

beforeAll(async () => {
  await signInAs(studio.database.url, "owner");
});

/** Reads `stream` until the server ends it, within `withinMs`; answers what came before the end. */
async function untilEnd(stream: ReturnType<typeof sseReader>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  const received = [];
  for (let message = await stream.next(withinMs); message !== null; message = await stream.next(deadline - Date.now())) {
    received.push(message);
    if (Date.now() > deadline) throw new Error(`the stream was still open after ${withinMs} ms`);
  }
  return received;
}

describe("an open event stream", () => {
  it("ends within a heartbeat once its member signs out", async () => {
    const member = await createMember(studio.database.url, "member", "Sid Signed-out");
    const other = await createMember(studio.database.url, "member", "Kit Kept");
    const streams = { signedOut: new AbortController(), kept: new AbortController() };
    const signedOut = sseReader(await openEventStream(member.cookie, streams.signedOut.signal, 100));
    const kept = sseReader(await openEventStream(other.cookie, streams.kept.signal, 100));
    expect((await signedOut.next())?.comments).toEqual(["connected"]);

    const { POST } = await import("@/app/api/auth/[...all]/route");
    const signOut = await POST(new Request(`${STUDIO}/api/auth/sign-out`, { method: "POST", headers: { origin: STUDIO, cookie: member.cookie } }));
    expect(signOut.status).toBe(200);
    await untilEnd(signedOut, 3_000);

    // Another member's stream goes on beating.
    let beats = 0;
    while (beats < 3) if ((await kept.next(3_000))?.comments.includes("heartbeat")) beats++;
    streams.kept.abort();
  });

  it("ends, every one of them, when the server stops, telling the browser to come back in 2 s", async () => {
    const member = await createMember(studio.database.url, "member", "Sam Stopped");
    const aborts = [new AbortController(), new AbortController()];
    const streams = await Promise.all(aborts.map(async (abort) => sseReader(await openEventStream(member.cookie, abort.signal, 60_000))));
    for (const stream of streams) expect((await stream.next())?.comments).toEqual(["connected"]);

    const { closeAllEventStreams } = await import("@/lib/generations/event-hub");
    closeAllEventStreams();
    for (const stream of streams) expect(await untilEnd(stream, 1_000)).toEqual([{ retry: 2000, comments: [] }]);
  });
});
