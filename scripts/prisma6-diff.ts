// Prisma 7's migrate engine is a native download that cannot be installed here. prisma@6.19
// (installed as `prisma6`) carries a wasm schema engine that diffs two schema files when
// run in its "js" engine mode through a driver adapter (it wants a reachable database,
// though a datamodel-to-datamodel diff reads nothing from it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";

const root = process.cwd();

/** SQL that turns a database shaped by `from` (or an empty one) into one shaped by `to`. */
export async function diffSchemas(from: string | "empty", to: string): Promise<string> {
  const work = mkdtempSync(path.join(tmpdir(), "studio-prisma6-"));
  const db = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), port: 20000 + Math.floor(Math.random() * 20000) });
  try {
    // prisma 6 wants a url line in the datasource block.
    const copy = (file: string, name: string) => {
      const target = path.join(work, name);
      const text = readFileSync(file, "utf8").replace('provider = "postgresql"', `provider = "postgresql"\n  url      = "${db.url}"`);
      writeFileSync(target, text);
      return target;
    };
    // The config must sit where the prisma 6 adapter package resolves from.
    const config = path.join(root, "node_modules", ".studio-prisma6.config.mjs");
    writeFileSync(
      config,
      `import { PrismaPg } from "prisma6-adapter-pg";
export default { experimental: { adapter: true }, engine: "js", adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(db.url)} }) };\n`,
    );
    const fromArgs = from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", copy(from, "from.prisma")];
    return execFileSync(
      process.execPath,
      [path.join(root, "node_modules", "prisma6", "build", "index.js"), "migrate", "diff", "--config", config,
        ...fromArgs, "--to-schema-datamodel", copy(to, "to.prisma"), "--script"],
      {
        // PRISMA_QUERY_ENGINE_LIBRARY only has to name an existing file to stop a download.
        env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  } finally {
    await db.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
