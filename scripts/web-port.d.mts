import type { Server } from "node:net";

export type WebAddress = { port: number; hostname: string };
export class StartupError extends Error {}
export function webAddress(source: Record<string, string | undefined>): WebAddress;
export function listenOn(server: Server, address: WebAddress): Promise<void>;
export function checkWebAddress(address: WebAddress): Promise<void>;
