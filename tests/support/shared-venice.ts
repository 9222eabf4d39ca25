import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Venice's reference files (its swagger.yaml and static-models.json snapshot) are never copied
// into the project: they live in VENICE_REFERENCE_DIR, by default ../shared/venice beside the
// project (a relative path is taken from the project root). A fresh clone has no such folder,
// so the few tests that check against these files skip there, announced once per run by
// announceMissingSharedVenice (from the global setup).
const SHARED_VENICE_VARIABLE = "VENICE_REFERENCE_DIR";
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SHARED_VENICE_DIR = path.resolve(PROJECT_ROOT, process.env[SHARED_VENICE_VARIABLE] || "../shared/venice");

export type SharedVeniceFile = "static-models.json" | "swagger.yaml" | "README.md";

/**
 * The path of a reference file, or undefined when it is absent, for `describe.skipIf(...)`.
 * In CI (CI set) an absent file throws instead: CI has the files, so it must never skip the
 * tests that need them silently.
 */
export function sharedVenicePath(file: SharedVeniceFile): string | undefined {
  const filePath = path.join(SHARED_VENICE_DIR, file);
  if (existsSync(filePath)) return filePath;
  if (runsInCi()) throw new Error(`${missingMessage(file)}; CI must run the tests that need it`);
  return undefined;
}

export function readSharedVenice(file: SharedVeniceFile): string {
  const filePath = sharedVenicePath(file);
  if (filePath === undefined) throw new Error(missingMessage(file));
  return readFileSync(filePath, "utf8");
}

/** One line for the run (the global setup calls it) when the reference files are absent. */
export function announceMissingSharedVenice(): void {
  // In CI each test file that needs an absent file fails instead, naming it (sharedVenicePath).
  if (runsInCi()) return;
  const missing = (["swagger.yaml", "static-models.json"] as const).filter((file) => sharedVenicePath(file) === undefined);
  if (missing.length === 0) return;
  console.warn(
    `Skipping the tests that check against Venice's reference files: ${missing.join(", ")} not in ${SHARED_VENICE_DIR} (set ${SHARED_VENICE_VARIABLE} to the folder that has them).`,
  );
}

function runsInCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}

function missingMessage(file: SharedVeniceFile): string {
  return `Venice reference file ${file} not found in ${SHARED_VENICE_DIR} (${SHARED_VENICE_VARIABLE})`;
}
