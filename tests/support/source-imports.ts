// The imports of the project's own source files, read with regular expressions (fs only, no
// compiler): enough for rules about which folder may import which. An import written in a
// comment counts too, which can only make a rule stricter.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type SourceImport = {
  specifier: string;
  /** The imported file, relative to the repository with `/`; undefined for a package. */
  target: string | undefined;
  /** `type` is erased by the build (`import type`, or only `type` names); `dynamic` is `import()`. */
  kind: "static" | "type" | "dynamic";
};

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];
// `import … from "x"` and `export … from "x"`; the clause holds only names, braces, commas and `*`.
const FROM_CLAUSE = /(?:^|[\s;])(?:import|export)\s+([\w$*{},\s]*?)\s*from\s*["']([^"']+)["']/g;
const SIDE_EFFECT = /(?:^|[\s;])import\s*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** Every source file under `dir` (relative to the repository), tests and generated code included. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE_EXTENSIONS.includes(path.extname(entry.name)))
    .map((entry) => toRepoPath(path.join(entry.parentPath, entry.name)))
    .sort();
}

export function importsOf(file: string): SourceImport[] {
  const source = readFileSync(path.join(REPO_ROOT, file), "utf8");
  const found: SourceImport[] = [];
  const add = (specifier: string, kind: SourceImport["kind"]) => found.push({ specifier, target: resolveImport(file, specifier), kind });
  for (const [, clause, specifier] of source.matchAll(FROM_CLAUSE)) add(specifier!, isTypeOnly(clause!) ? "type" : "static");
  for (const [, specifier] of source.matchAll(SIDE_EFFECT)) add(specifier!, "static");
  for (const [, specifier] of source.matchAll(DYNAMIC)) add(specifier!, "dynamic");
  return found;
}

function isTypeOnly(clause: string): boolean {
  const trimmed = clause.trim();
  if (/^type\s/.test(trimmed)) return true;
  const names = /^\{([^}]*)\}$/.exec(trimmed)?.[1]?.split(",").map((name) => name.trim()).filter(Boolean);
  return names !== undefined && names.length > 0 && names.every((name) => /^type\s/.test(name));
}

/** `@/x` and relative specifiers as repository paths (the file when it exists); packages as undefined. */
function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(REPO_ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(REPO_ROOT, path.dirname(from), specifier);
  else return undefined;
  const candidates = [base, ...SOURCE_EXTENSIONS.map((extension) => base + extension), ...SOURCE_EXTENSIONS.map((extension) => path.join(base, `index${extension}`))];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return toRepoPath(found ?? base);
}

function toRepoPath(absolute: string): string {
  return path.relative(REPO_ROOT, absolute).split(path.sep).join("/");
}

/**
 * The files the entries load, each with the file that first imported it (undefined for an
 * entry), following the imports `follow` accepts.
 */
export function reachableFrom(entries: string[], follow: (from: string, imported: SourceImport) => boolean): Map<string, string | undefined> {
  const parents = new Map<string, string | undefined>(entries.map((entry) => [entry, undefined]));
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of importsOf(file)) {
      const { target } = imported;
      if (target === undefined || parents.has(target) || !existsSync(path.join(REPO_ROOT, target)) || !follow(file, imported)) continue;
      parents.set(target, file);
      queue.push(target);
    }
  }
  return parents;
}

/** `entry → … → file`, from what reachableFrom returned. */
export function importChain(parents: Map<string, string | undefined>, file: string): string {
  const chain = [file];
  for (let parent = parents.get(file); parent !== undefined; parent = parents.get(parent)) chain.unshift(parent);
  return chain.join(" → ");
}
