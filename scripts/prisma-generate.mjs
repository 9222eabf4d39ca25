// Prisma 7's CLI wants its native schema engine even for `generate`, and that engine is
// downloaded from outside the npm registry. `generate` itself only needs the wasm
// compiler, so point the CLI at any existing executable to satisfy its start-up check.
// The CLI is called by path: the `prisma6` alias (migration SQL) also installs a `prisma` bin.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const cli = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
