import { beforeAll, describe, expect, it } from "vitest";
import { SIM_MODELS, type SimModel } from "@/lib/venice-sim/catalog";
import { call } from "../support/routes";
import { signInAs } from "../support/members";
import { setUpStudio } from "../support/studio-harness";

const variant = (id: string, from: SimModel, spec: Partial<SimModel["model_spec"]>): SimModel => ({
  ...from,
  id,
  model_spec: { ...from.model_spec, ...spec },
});
const base = SIM_MODELS.find((model) => model.id === "stable-audio-25")!;
const studio = setUpStudio({
  simulator: {
    models: [
      ...SIM_MODELS,
      variant("offline-music", base, { name: "Offline Music", offline: true }),
      variant("voice-changer", base, { name: "Voice Changer", voice_changer: true }),
    ],
  },
});

beforeAll(async () => {
  await signInAs(studio.database.url, "owner");
});

describe("GET /api/models", () => {
  it("lists the usable models once, each with its kind, capabilities, description and Venice's own pricing", async () => {
    const { GET } = await import("@/app/api/models/route");
    const response = await call(GET, "/api/models");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["models"]);

    const models: { id: string; kind: string }[] = body.models;
    const ids = (kind: string) => models.filter((model) => model.kind === kind).map((model) => model.id).sort();
    expect(ids("music")).toEqual(
      ["ace-step-15", "elevenlabs-music", "lyria-3-pro", "minimax-music-v2", "minimax-music-v25", "minimax-music-v26", "seed-audio-1-0", "sonilo-v1-1-music", "stable-audio-25"].sort(),
    );
    expect(ids("sound-effect")).toEqual(["elevenlabs-sound-effects-v2", "mmaudio-v2-text-to-audio", "sonilo-v1-1-sound-effects"]);
    expect(ids("speech")).toEqual(["elevenlabs-tts-multilingual-v2", "elevenlabs-tts-v3"]);
    expect(models).toHaveLength(new Set(models.map((model) => model.id)).size);

    const byId = new Map([...body.models].map((model) => [model.id, model]));
    expect(byId.has("offline-music")).toBe(false);
    expect(byId.has("voice-changer")).toBe(false);

    const venicePricing = (id: string) => SIM_MODELS.find((model) => model.id === id)!.model_spec.pricing;
    expect(byId.get("ace-step-15")).toMatchObject({
      name: "ACE-Step 1.5",
      description: SIM_MODELS.find((model) => model.id === "ace-step-15")!.model_spec.description,
      kind: "music",
      duration: { kind: "options", options: [60, 90, 120, 150, 180, 210], default: 60 },
      formats: ["flac"],
    });
    // Sent as Venice publishes it (USD and DIEM), so the browser prices with the server's code.
    for (const model of byId.values()) expect(model.pricing).toEqual(venicePricing(model.id));
    expect(byId.get("ace-step-15").pricing.durations["90"]).toEqual({ min_seconds: 61, max_seconds: 90, usd: 0.04, diem: expect.any(Number) });
    expect(byId.get("stable-audio-25").pricing.generation.usd).toBe(0.19);
    for (const model of byId.values()) {
      expect(model.offline).toBe(false);
      expect(model.voiceChanger).toBe(false);
    }
  });
});
