import type { WebAddress } from "./web-port.mjs";

export function serve(address: WebAddress): Promise<void>;
