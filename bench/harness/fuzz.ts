// The submit fuzz: seeded, reproducible invalid requests generated from each model's own
// capabilities (as the studio reads them from the simulator's /models), sent to
// POST /api/generations and POST /api/quote, and counted: refused with a field error naming
// what was wrong, reached Venice, or answered with a 5xx. Shared by bench/fuzz.ts (the long
// run) and tests/reliability/fuzz.test.ts; the caller decides how a request reaches the route
// handlers and owns the simulator.
//
// Each case starts from a draft that is valid for its model and breaks one rule (sometimes
// two, on different fields), so the expected answer is known without asking the studio's
// validator: a 4xx whose `fields` names every broken field. Bodies where no field applies
// (malformed JSON, a body that is not an object, a missing or unusable Idempotency-Key) must
// be a 400 with an `error` message.
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import { SIM_MODELS, type SimModel } from "@/lib/venice-sim/catalog";
import { createRng, type Rng } from "@/lib/venice-sim/timing";
import type { VeniceSimulator } from "@/lib/venice-sim/server";

/**
 * The simulator's catalog for a fuzz run: Venice's 14 music models, plus the kinds the
 * catalog lacks so that their rules are fuzzed too: an offline model, a voice changer (both
 * unusable), and a speech model that takes a language code.
 */
export function fuzzCatalog(): SimModel[] {
  const variant = (id: string, fromId: string, spec: Partial<SimModel["model_spec"]>): SimModel => {
    const from = SIM_MODELS.find((model) => model.id === fromId)!;
    return { ...from, id, model_spec: { ...from.model_spec, ...spec } };
  };
  return [
    ...SIM_MODELS,
    variant("fuzz-offline-music", "stable-audio-25", { name: "Offline Music", offline: true }),
    variant("fuzz-voice-changer", "elevenlabs-tts-v3", { name: "Voice Changer", voice_changer: true }),
    variant("fuzz-polyglot-speech", "elevenlabs-tts-multilingual-v2", { name: "Polyglot Speech", supports_language_code: true }),
  ];
}

export const FUZZ_ROUTES = ["/api/generations", "/api/quote"] as const;
export type FuzzRoute = (typeof FUZZ_ROUTES)[number];

export type FuzzExpectation = { fields: string[] } | { noField: string };

export type FuzzCase = {
  index: number;
  route: FuzzRoute;
  model: string;
  /** What was broken, e.g. "duration_seconds above the maximum". */
  label: string;
  /** The raw request body. */
  body: string;
  /** undefined: no Idempotency-Key header at all. */
  idempotencyKey: string | undefined;
  expect: FuzzExpectation;
};

type Draft = Record<string, unknown>;
type Body = { model?: unknown; request?: unknown; takes?: unknown };
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const intBetween = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** Text of exactly `length` characters that trimming leaves alone. */
function filler(length: number): string {
  if (length <= 0) return "";
  const text = "rain on a tin roof and a slow piano, ".repeat(Math.ceil(length / 37) + 1).slice(0, length);
  return text.endsWith(" ") ? `${text.slice(0, -1)}.` : text;
}

// JSON values of every type but the one a field wants.
const NOT_A_STRING = [42, true, null, [], {}, ["a long enough prompt text"]];
const NOT_A_NUMBER = ["30", true, null, [30], {}];
const NOT_A_BOOLEAN = ["true", "yes", 1, 0, null, []];

/** A mutation breaks one rule of `draft` for `model` and says which field is then wrong. */
type Mutation = {
  name: string;
  applies(model: ModelCapabilities): boolean;
  /** Changes `draft` in place; returns the broken field's label. */
  apply(rng: Rng, model: ModelCapabilities, draft: Draft): string;
  /** The field the mutation breaks. */
  field: string;
  /** Whether it breaks the field on its own; false for rules that weigh several fields. */
  standalone: boolean;
};

const hasLyrics = (model: ModelCapabilities) => model.lyrics.mode !== "hidden";

/** A boolean flag: refused where unsupported, or given a non-boolean where it is supported. */
function flagMutations(field: "force_instrumental" | "lyrics_optimizer" | "loop", supported: (model: ModelCapabilities) => boolean): Mutation[] {
  return [
    {
      name: `${field} where unsupported`,
      field,
      standalone: true,
      applies: (model) => !supported(model),
      apply: (rng, _model, draft) => ((draft[field] = pick(rng, [true, false])), `${field} set on a model without it`),
    },
    {
      name: `${field} of the wrong type`,
      field,
      standalone: true,
      applies: supported,
      apply: (rng, _model, draft) => ((draft[field] = pick(rng, NOT_A_BOOLEAN)), `${field} = ${JSON.stringify(draft[field])}`),
    },
  ];
}

const UNKNOWN_SETTINGS = ["format", "character_count", "queue_id", "delete_media_on_completion", "seed", "negative_prompt", "Prompt", "promt", "tempo", "model", "__proto__", "constructor", "toString"];

const MUTATIONS: Mutation[] = [
  {
    name: "prompt missing",
    field: "prompt",
    standalone: true,
    applies: () => true,
    apply: (_rng, _model, draft) => (delete draft.prompt, "prompt left out"),
  },
  {
    name: "prompt blank",
    field: "prompt",
    standalone: true,
    applies: () => true,
    apply: (rng, _model, draft) => ((draft.prompt = pick(rng, ["", " ", "   \n\t  "])), `prompt ${JSON.stringify(draft.prompt)}`),
  },
  {
    name: "prompt too short",
    field: "prompt",
    standalone: true,
    applies: (model) => model.prompt.min > 1,
    apply: (rng, model, draft) => {
      const short = filler(intBetween(rng, 1, model.prompt.min - 1));
      // Surrounding spaces do not count: the prompt is trimmed first.
      draft.prompt = rng() < 0.5 ? short : `   ${short}${" ".repeat(model.prompt.min)}`;
      return `prompt of ${short.length} characters (min ${model.prompt.min})`;
    },
  },
  {
    name: "prompt too long",
    field: "prompt",
    standalone: true,
    applies: (model) => model.prompt.max !== undefined,
    apply: (rng, model, draft) => {
      const length = model.prompt.max! + pick(rng, [1, 2, 100, model.prompt.max!]);
      draft.prompt = filler(length);
      return `prompt of ${length} characters (max ${model.prompt.max})`;
    },
  },
  {
    name: "prompt of the wrong type",
    field: "prompt",
    standalone: true,
    applies: () => true,
    apply: (rng, _model, draft) => ((draft.prompt = pick(rng, NOT_A_STRING)), `prompt = ${JSON.stringify(draft.prompt)}`),
  },
  {
    name: "lyrics where the model has none",
    field: "lyrics_prompt",
    standalone: true,
    applies: (model) => !hasLyrics(model),
    apply: (rng, _model, draft) => ((draft.lyrics_prompt = pick(rng, ["La la la, the rain keeps falling", "", "x"])), "lyrics on a model without lyrics"),
  },
  {
    name: "lyrics too long",
    field: "lyrics_prompt",
    standalone: true,
    applies: hasLyrics,
    apply: (rng, model, draft) => {
      const length = model.lyrics.max + pick(rng, [1, 50, model.lyrics.max]);
      draft.lyrics_prompt = filler(length);
      return `lyrics of ${length} characters (max ${model.lyrics.max})`;
    },
  },
  {
    name: "lyrics of the wrong type",
    field: "lyrics_prompt",
    standalone: true,
    applies: hasLyrics,
    apply: (rng, _model, draft) => ((draft.lyrics_prompt = pick(rng, NOT_A_STRING)), `lyrics = ${JSON.stringify(draft.lyrics_prompt)}`),
  },
  {
    name: "required lyrics missing",
    field: "lyrics_prompt",
    standalone: false,
    applies: (model) => model.lyrics.mode === "required",
    apply: (rng, model, draft) => {
      // Whatever could waive the lyrics is off.
      for (const flag of model.lyrics.waivedBy) delete draft[flag];
      const min = model.lyrics.min ?? 1;
      const choice = pick(rng, min > 1 ? (["absent", "blank", "short"] as const) : (["absent", "blank"] as const));
      if (choice === "absent") delete draft.lyrics_prompt;
      else if (choice === "blank") draft.lyrics_prompt = "   ";
      else draft.lyrics_prompt = filler(intBetween(rng, 1, min - 1));
      return `required lyrics ${choice}`;
    },
  },
  {
    name: "lyrics with the lyrics optimizer on",
    field: "lyrics_prompt",
    standalone: false,
    applies: (model) => hasLyrics(model) && model.lyricsOptimizer,
    apply: (_rng, _model, draft) => {
      draft.lyrics_optimizer = true;
      draft.lyrics_prompt = "Verse one, the rain keeps falling";
      return "lyrics and lyrics_optimizer together";
    },
  },
  {
    name: "lyrics on an instrumental",
    field: "lyrics_prompt",
    standalone: false,
    applies: (model) => hasLyrics(model) && model.instrumental,
    apply: (_rng, _model, draft) => {
      draft.force_instrumental = true;
      draft.lyrics_prompt = "Verse one, the rain keeps falling";
      return "lyrics and force_instrumental together";
    },
  },
  {
    name: "duration where unsupported",
    field: "duration_seconds",
    standalone: true,
    applies: (model) => model.duration === null,
    apply: (rng, _model, draft) => ((draft.duration_seconds = pick(rng, [10, 30, 60, 120])), "duration on a model without one"),
  },
  {
    name: "duration out of range",
    field: "duration_seconds",
    standalone: true,
    applies: (model) => model.duration !== null,
    apply: (rng, model, draft) => {
      const duration = model.duration!;
      const wrong =
        duration.kind === "options"
          ? pick(rng, [duration.options[0]! + 1, Math.max(...duration.options) + 30, 0, -60])
          : pick(rng, [duration.min - 1, duration.max + 1, duration.max * 10, 0, -5, 1e9].filter((value) => value < duration.min || value > duration.max));
      draft.duration_seconds = wrong;
      return `duration ${wrong} s (${duration.kind === "options" ? duration.options.join("/") : `${duration.min}..${duration.max}`})`;
    },
  },
  {
    name: "duration not whole seconds",
    field: "duration_seconds",
    standalone: true,
    applies: (model) => model.duration !== null,
    apply: (_rng, model, draft) => ((draft.duration_seconds = model.duration!.default + 0.5), `duration ${String(draft.duration_seconds)} s`),
  },
  {
    name: "duration of the wrong type",
    field: "duration_seconds",
    standalone: true,
    applies: (model) => model.duration !== null,
    apply: (rng, _model, draft) => ((draft.duration_seconds = pick(rng, NOT_A_NUMBER)), `duration = ${JSON.stringify(draft.duration_seconds)}`),
  },
  ...flagMutations("force_instrumental", (model) => model.instrumental),
  ...flagMutations("lyrics_optimizer", (model) => model.lyricsOptimizer),
  ...flagMutations("loop", (model) => model.loop),
  {
    name: "voice where unsupported",
    field: "voice",
    standalone: true,
    applies: (model) => model.voice === null,
    apply: (_rng, _model, draft) => ((draft.voice = "Aria"), "voice on a model without voices"),
  },
  {
    name: "unknown voice",
    field: "voice",
    standalone: true,
    applies: (model) => model.voice !== null && !model.voice.allowCustom,
    apply: (rng, model, draft) => {
      // Not one of the offered names, including a known name in the wrong case.
      const known = model.voice!.options[0] ?? "Aria";
      draft.voice = pick(rng, ["Nobody Known", known.toUpperCase() === known ? known.toLowerCase() : known.toUpperCase(), `${known}2`]);
      return `voice ${JSON.stringify(draft.voice)}`;
    },
  },
  {
    name: "voice blank or of the wrong type",
    field: "voice",
    standalone: true,
    applies: (model) => model.voice !== null,
    apply: (rng, _model, draft) => ((draft.voice = pick(rng, ["", "   ", ...NOT_A_STRING])), `voice = ${JSON.stringify(draft.voice)}`),
  },
  {
    name: "language where unsupported",
    field: "language_code",
    standalone: true,
    applies: (model) => !model.language,
    apply: (_rng, _model, draft) => ((draft.language_code = "en"), "language on a model without languages"),
  },
  {
    name: "malformed language",
    field: "language_code",
    standalone: true,
    applies: (model) => model.language,
    apply: (rng, _model, draft) => ((draft.language_code = pick(rng, ["eng", "e", "12", "en-US", "", " ", "é", ...NOT_A_STRING])), `language = ${JSON.stringify(draft.language_code)}`),
  },
  {
    name: "speed where unsupported",
    field: "speed",
    standalone: true,
    applies: (model) => model.speed === null,
    apply: (rng, _model, draft) => ((draft.speed = pick(rng, [1, 1.1, 0.5])), "speed on a model without speed"),
  },
  {
    name: "speed out of range or of the wrong type",
    field: "speed",
    standalone: true,
    applies: (model) => model.speed !== null,
    apply: (rng, model, draft) => {
      const { min, max } = model.speed!;
      draft.speed = pick(rng, [min - 0.01, max + 0.01, 0, -1, 100, 1e308, ...NOT_A_NUMBER]);
      return `speed = ${JSON.stringify(draft.speed)} (${min}..${max})`;
    },
  },
];

/** An unknown setting: the request schema is strict, and the refusal must name the setting. */
function unknownSetting(rng: Rng, draft: Draft): { field: string; label: string } {
  const name = pick(rng, UNKNOWN_SETTINGS);
  // defineProperty: an own "__proto__" key, as JSON.parse would make it.
  Object.defineProperty(draft, name, { value: pick(rng, [1, "x", true, null, { prompt: "an inherited prompt text" }]), enumerable: true, configurable: true, writable: true });
  return { field: name, label: `unknown setting ${JSON.stringify(name)}` };
}

/** A draft that is valid for `model`, with a random choice of the optional settings. */
function validDraft(rng: Rng, model: ModelCapabilities, index: number): Draft {
  const promptLength = Math.min(model.prompt.max ?? 200, Math.max(model.prompt.min, intBetween(rng, 12, 80)));
  const draft: Draft = { prompt: `${index} ${filler(promptLength)}`.slice(0, promptLength).trim() };
  if (model.lyrics.mode === "required") draft.lyrics_prompt = filler(Math.max(model.lyrics.min ?? 1, 24));
  if (model.duration && rng() < 0.7) draft.duration_seconds = model.duration.default;
  if (model.voice?.default && rng() < 0.5) draft.voice = model.voice.default;
  if (model.speed && rng() < 0.5) draft.speed = model.speed.default;
  if (model.language && rng() < 0.5) draft.language_code = "fr";
  if (model.loop && rng() < 0.5) draft.loop = rng() < 0.5;
  if (model.instrumental && rng() < 0.3) draft.force_instrumental = false;
  return draft;
}

/** Body-level breakage: the model, the request object, the takes. */
function bodyMutation(rng: Rng, body: Body, catalog: readonly ModelCapabilities[]): { field: string; label: string } {
  switch (pick(rng, ["model", "request", "takes"] as const)) {
    case "model": {
      const known = pick(rng, catalog).id;
      const value = pick(rng, [undefined, "", "   ", "no-such-model", `${known}-x`, known.toUpperCase(), 42, null, [known], { id: known }, true]);
      if (value === undefined) delete body.model;
      else body.model = value;
      return { field: "model", label: `model = ${JSON.stringify(value) ?? "absent"}` };
    }
    case "request": {
      const value = pick(rng, [undefined, "a prompt as a string", 42, null, true, [body.request]]);
      if (value === undefined) delete body.request;
      else body.request = value;
      return { field: "request", label: `request = ${JSON.stringify(value) ?? "absent"}` };
    }
    case "takes": {
      const value = pick(rng, [0, 5, -1, 1.5, 100, "2", null, true, [1], {}]);
      body.takes = value;
      return { field: "takes", label: `takes = ${JSON.stringify(value)}` };
    }
  }
}

const MALFORMED_JSON = ["", "{", "{model:", '{"model": "x",}', "undefined", "NaN", "{'model': 'x'}", '{"model": "x"} trailing', "\u0000"];
const NOT_AN_OBJECT = ["[]", '"a string"', "42", "null", "true", '[{"model":"x"}]'];

export function generateFuzzCases(catalog: readonly ModelCapabilities[], options: { count: number; seed: number }): FuzzCase[] {
  const rng = createRng(options.seed);
  const usable = catalog.filter((model) => !model.offline && !model.voiceChanger);
  const unusable = catalog.filter((model) => model.offline || model.voiceChanger);
  const cases: FuzzCase[] = [];

  for (let index = 0; index < options.count; index++) {
    const route = rng() < 0.7 ? FUZZ_ROUTES[0] : FUZZ_ROUTES[1];
    let idempotencyKey: string | undefined = `fuzz-${options.seed}-${index}`;
    const model = pick(rng, usable);
    const draft = validDraft(rng, model, index);
    const body: Body = { model: model.id, request: draft, ...(rng() < 0.5 ? { takes: intBetween(rng, 1, 4) } : {}) };
    let raw: string | undefined;
    let expectation: FuzzExpectation;
    let label: string;

    const roll = rng();
    if (roll < 0.62) {
      // One rule of the model broken, sometimes together with an independent second one.
      const mutation = pick(rng, MUTATIONS.filter((candidate) => candidate.applies(model)));
      label = mutation.apply(rng, model, draft);
      const fields = [mutation.field];
      if (mutation.standalone && rng() < 0.3) {
        const second = MUTATIONS.filter((candidate) => candidate.standalone && candidate.field !== mutation.field && candidate.applies(model));
        if (second.length > 0) {
          const other = pick(rng, second);
          label += ` + ${other.apply(rng, model, draft)}`;
          fields.push(other.field);
        }
      }
      expectation = { fields };
    } else if (roll < 0.7) {
      const unknown = unknownSetting(rng, draft);
      label = unknown.label;
      expectation = { fields: [unknown.field] };
    } else if (roll < 0.8) {
      const broken = bodyMutation(rng, body, catalog);
      label = broken.label;
      expectation = { fields: [broken.field] };
    } else if (roll < 0.85 && unusable.length > 0) {
      const offline = pick(rng, unusable);
      body.model = offline.id;
      body.request = validDraft(rng, offline, index);
      label = `a valid draft for ${offline.offline ? "an offline model" : "a voice changer"}`;
      expectation = { fields: ["model"] };
    } else if (roll < 0.9) {
      raw = pick(rng, MALFORMED_JSON);
      label = `malformed JSON ${JSON.stringify(raw)}`;
      expectation = { noField: "the body is not JSON" };
    } else if (roll < 0.95) {
      raw = pick(rng, NOT_AN_OBJECT);
      label = `a JSON body that is not an object: ${raw}`;
      expectation = { noField: "the body is not an object" };
    } else if (route === FUZZ_ROUTES[0]) {
      // A valid draft with no usable Idempotency-Key: refused before anything is charged.
      idempotencyKey = pick(rng, [undefined, "", "   ", "has spaces in it", "naïve-key", "k".repeat(201)]);
      label = `Idempotency-Key ${idempotencyKey === undefined ? "absent" : JSON.stringify(idempotencyKey.length > 20 ? `${idempotencyKey.slice(0, 8)}…(${idempotencyKey.length})` : idempotencyKey)}`;
      expectation = { noField: "the Idempotency-Key header is missing or unusable" };
    } else {
      body.takes = pick(rng, [0, 5, 2.5]);
      label = `takes = ${JSON.stringify(body.takes)}`;
      expectation = { fields: ["takes"] };
    }

    cases.push({ index, route, model: String(body.model), label, body: raw ?? JSON.stringify(body), idempotencyKey, expect: expectation });
  }
  return cases;
}

export type SendFuzzRequest = (route: FuzzRoute, init: RequestInit) => Promise<Response>;

export type FuzzFinding = { case: FuzzCase; status: number; answer: unknown; reachedSimulator: number };

export type FuzzResult = {
  total: number;
  byRoute: Record<FuzzRoute, number>;
  /** A 4xx whose `fields` names every broken field. */
  refusedWithFields: number;
  /** A 400 with an `error` message, where no field applies. */
  refusedWithoutField: number;
  /** Refused, but without a field error naming what was wrong. */
  wrongFieldErrors: FuzzFinding[];
  /** Answered 2xx: an invalid request got through. */
  accepted: FuzzFinding[];
  serverErrors: FuzzFinding[];
  /** Calls that reached the simulator (anything but the catalog read), and the cases that made them. */
  reachedSimulator: number;
  leaks: FuzzFinding[];
};

/** Sends every case, one at a time (so each call that reaches the simulator is traced to its case). */
export async function runFuzz(options: { cases: readonly FuzzCase[]; send: SendFuzzRequest; sim: VeniceSimulator }): Promise<FuzzResult> {
  const { cases, send, sim } = options;
  // The catalog read is the studio's own (once a minute, whatever the request); anything else
  // reached Venice because of the request.
  const simulatorCalls = () => sim.control.requests().filter((call) => call.endpoint !== "models").length;
  const result: FuzzResult = {
    total: 0,
    byRoute: { "/api/generations": 0, "/api/quote": 0 },
    refusedWithFields: 0,
    refusedWithoutField: 0,
    wrongFieldErrors: [],
    accepted: [],
    serverErrors: [],
    reachedSimulator: 0,
    leaks: [],
  };
  sim.control.clearRequests();

  for (const fuzzCase of cases) {
    const before = simulatorCalls();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (fuzzCase.idempotencyKey !== undefined) headers["idempotency-key"] = fuzzCase.idempotencyKey;
    const response = await send(fuzzCase.route, { method: "POST", headers, body: fuzzCase.body });
    const text = await response.text();
    const answer = parseJson(text);
    const reached = simulatorCalls() - before;
    const finding: FuzzFinding = { case: fuzzCase, status: response.status, answer: answer ?? text, reachedSimulator: reached };

    result.total++;
    result.byRoute[fuzzCase.route]++;
    result.reachedSimulator += reached;
    if (reached > 0) result.leaks.push(finding);
    if (response.status >= 500) result.serverErrors.push(finding);
    else if (response.status < 400) result.accepted.push(finding);
    else if (refusedAsExpected(fuzzCase.expect, response.status, answer)) {
      if ("fields" in fuzzCase.expect) result.refusedWithFields++;
      else result.refusedWithoutField++;
    } else result.wrongFieldErrors.push(finding);
  }
  return result;
}

function refusedAsExpected(expectation: FuzzExpectation, status: number, answer: unknown): boolean {
  if (typeof answer !== "object" || answer === null) return false;
  const { error, fields } = answer as { error?: unknown; fields?: unknown };
  if (typeof error !== "string" || error.length === 0) return false;
  if ("noField" in expectation) return status === 400;
  if (typeof fields !== "object" || fields === null) return false;
  return expectation.fields.every((field) => {
    const messages: unknown = Object.hasOwn(fields, field) ? (fields as Record<string, unknown>)[field] : undefined;
    return Array.isArray(messages) && messages.length > 0 && messages.every((message) => typeof message === "string" && message.length > 0);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One line per finding, for a person to replay: seed, case index, route, what was sent and what came back. */
export function describeFinding(finding: FuzzFinding): string {
  const { case: fuzzCase } = finding;
  return `#${fuzzCase.index} ${fuzzCase.route} ${fuzzCase.model}: ${fuzzCase.label} → ${finding.status} ${JSON.stringify(finding.answer).slice(0, 300)}${finding.reachedSimulator ? ` (reached the simulator ${finding.reachedSimulator}×)` : ""}`;
}
