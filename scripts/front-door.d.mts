import type { BlockList } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_DECLARED_BODY_BYTES: number;
export type FrontDoorSettings = { proxies: BlockList; trustsProxies: boolean; studioHostname: string | undefined };
export function frontDoorSettings(source: Record<string, string | undefined>): FrontDoorSettings;
export function admit(request: IncomingMessage, response: ServerResponse, settings: FrontDoorSettings): boolean;
export function restoreDeclaredContentLength(response: ServerResponse): void;
export function closeAfterUnreadBody(request: IncomingMessage, response: ServerResponse): void;
