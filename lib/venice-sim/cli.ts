// `npm run venice:sim`: the simulator as a standalone process.
//
//   PORT=4010 SIM_API_KEY=... SIM_SPEED=20 SIM_FAULTS=1 SIM_BALANCE_USD=100 npm run venice:sim
//   npm run venice:sim -- --port 4010 --key sim-dev --speed 20 --faults --balance 100 --seed 7
//   npm run venice:sim -- --state-dir data/venice-sim   (SIM_STATE_DIR): jobs, balance and key survive a restart
//
// Arguments win over environment variables. Prints the base URL and key, logs each call
// as a JSON line on stderr (SIM_QUIET=1 / --quiet to silence), stops on SIGINT/SIGTERM.

import { startVeniceSimulator } from "./server";

type CliOptions = {
  port: number;
  apiKey?: string;
  speed: number;
  enableFaults: boolean;
  balanceUsd: number;
  host: string;
  seed?: number;
  stateDir?: string;
  quiet: boolean;
};

function numberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

const truthy = (raw: string | undefined) => raw !== undefined && /^(1|true|yes|on)$/i.test(raw);

function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const args = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (name === "faults" || name === "quiet" || name === "help") flags.add(name);
    else if (inline !== undefined) args.set(name, inline);
    else {
      const next = argv[++i];
      if (next === undefined) throw new Error(`--${name} needs a value`);
      args.set(name, next);
    }
  }
  if (flags.has("help")) {
    console.log("Usage: venice:sim [--port N] [--host H] [--key K] [--speed X] [--faults] [--balance USD] [--seed N] [--state-dir DIR] [--quiet]");
    process.exit(0);
  }
  const seed = args.get("seed") ?? env.SIM_SEED;
  return {
    port: numberOption("port", args.get("port") ?? env.PORT, 4010),
    host: args.get("host") ?? env.SIM_HOST ?? "127.0.0.1",
    apiKey: args.get("key") ?? (env.SIM_API_KEY || undefined),
    speed: numberOption("speed", args.get("speed") ?? env.SIM_SPEED, 1),
    enableFaults: flags.has("faults") || truthy(env.SIM_FAULTS),
    balanceUsd: numberOption("balance", args.get("balance") ?? env.SIM_BALANCE_USD, 100),
    seed: seed === undefined ? undefined : numberOption("seed", seed, 0),
    stateDir: args.get("state-dir") ?? (env.SIM_STATE_DIR || undefined),
    quiet: flags.has("quiet") || truthy(env.SIM_QUIET),
  };
}

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), process.env);
  const sim = await startVeniceSimulator({
    port: options.port,
    host: options.host,
    apiKey: options.apiKey,
    speed: options.speed,
    enableFaults: options.enableFaults,
    balanceUsd: options.balanceUsd,
    seed: options.seed,
    stateDir: options.stateDir,
    logger: options.quiet ? undefined : (line) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`),
  });
  console.log(`Venice simulator listening on ${sim.url}`);
  console.log(`API key: ${sim.apiKey}`);
  console.log(`speed x${options.speed}, balance $${sim.control.balanceUsd()}, faults ${options.enableFaults ? "on" : "off"}`);
  if (options.stateDir) console.log(`state kept in ${options.stateDir}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the Venice simulator`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
