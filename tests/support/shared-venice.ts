import { readFileSync } from "node:fs";

// Venice's reference files live beside the project in ../shared/venice (never copied in).
const SHARED_VENICE_DIR = new URL("../../../shared/venice/", import.meta.url);

export function readSharedVenice(file: "static-models.json" | "swagger.yaml" | "README.md"): string {
  return readFileSync(new URL(file, SHARED_VENICE_DIR), "utf8");
}
