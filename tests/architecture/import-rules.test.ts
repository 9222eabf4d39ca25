// Which folder may import which. The rules apply to source files, not to *.test.ts(x) files:
// a test may exercise one room against another (the Venice client against the simulator), and
// tests are never part of the built server. Type-only imports count: they still tie one room
// to another's code.
import { describe, expect, it } from "vitest";
import { importChain, importsOf, reachableFrom, sourceFiles, type SourceImport } from "../support/source-imports";

type ImportRule = {
  rule: string;
  /** Files the rule applies to: paths that start with `from`, except those under `except`. */
  from: string;
  except?: string;
  /** Imports of files whose path starts with this break the rule. */
  forbidden: string;
};

const RULES: ImportRule[] = [
  { rule: "the Venice contract (lib/venice) does not import the simulator", from: "lib/venice/", forbidden: "lib/venice-sim/" },
  { rule: "nothing in lib/ imports from tests/", from: "lib/", forbidden: "tests/" },
  { rule: "the domain (lib/ outside lib/api) does not import the HTTP layer (lib/api)", from: "lib/", except: "lib/api/", forbidden: "lib/api/" },
];

const IS_TEST = /\.test\.tsx?$/;
// Prisma's generated client is not ours to arrange.
const GENERATED = "lib/db/generated/";
const LIB_FILES = sourceFiles("lib").filter((file) => !IS_TEST.test(file) && !file.startsWith(GENERATED));

/** `file → import` for each import that breaks `rule`. */
function breaches(rule: ImportRule): string[] {
  const applies = (file: string) => file.startsWith(rule.from) && !(rule.except && file.startsWith(rule.except));
  return LIB_FILES.filter(applies).flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => target?.startsWith(rule.forbidden))
      .map(({ specifier }) => `${file} → ${specifier}`),
  );
}

describe("import rules", () => {
  it("scans the sources it is meant to", () => {
    // A scan that found nothing would pass every rule.
    expect(LIB_FILES).toContain("lib/venice/client.ts");
    expect(importsOf("lib/venice/client.ts").some(({ target }) => target === "lib/venice/schemas.ts")).toBe(true);
  });

  it("finds imports across rooms: the HTTP layer's of the domain", () => {
    // The opposite direction of the domain rule, which the code does take: a check that found
    // no breach here would find none anywhere.
    expect(breaches({ rule: "lib/api imports lib/generations", from: "lib/api/", forbidden: "lib/generations/" })).not.toEqual([]);
  });

  for (const rule of RULES) {
    it(rule.rule, () => {
      expect(breaches(rule), `imports that break "${rule.rule}"`).toEqual([]);
    });
  }
});

// A server with a real key loads what its entry points import, statically or by a dynamic
// import() that runs in every mode (instrumentation.ts imports lib/boot.ts that way). Only the
// imports below run in demo mode alone.
const DEMO_ONLY_IMPORTS = [{ from: "lib/venice-target.ts", target: "lib/venice-sim/server.ts" }];
const isDemoOnly = (from: string, { target, kind }: SourceImport) =>
  kind === "dynamic" && DEMO_ONLY_IMPORTS.some((demo) => demo.from === from && demo.target === target);

describe("the production server with a real key", () => {
  const entries = ["instrumentation.ts", "proxy.ts", ...sourceFiles("app")];
  const loaded = reachableFrom(entries, (from, imported) => imported.kind !== "type" && !isDemoOnly(from, imported));

  it("reaches the simulator only through demo mode's dynamic import()", () => {
    expect(loaded.has("lib/boot.ts"), "the walk reaches the boot code").toBe(true);
    const simulator = [...loaded.keys()].filter((file) => file.startsWith("lib/venice-sim/"));
    expect(simulator.map((file) => importChain(loaded, file))).toEqual([]);
  });

  it("has each demo-only import where it is listed, as a dynamic import()", () => {
    for (const demo of DEMO_ONLY_IMPORTS) {
      expect(loaded.has(demo.from), `${demo.from} is loaded`).toBe(true);
      const found = importsOf(demo.from).filter(({ target }) => target === demo.target);
      expect(found.map(({ kind }) => kind), `${demo.from} imports ${demo.target}`).toEqual(["dynamic"]);
    }
  });
});
