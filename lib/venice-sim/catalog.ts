// The simulator's model catalog: the 14 `type: "music"` models of Venice's catalog
// snapshot (../shared/venice/static-models.json) with their real ids, names, creation
// dates and pricing. The snapshot drops capability flags, so they are filled in from the
// facts in ../shared/venice/README.md. Where those facts are silent the flag is a
// plausible guess and is marked `// guess` below. A test checks ids, names and pricing
// against the snapshot so the two cannot drift apart.
//
// One conflict in the facts: "elevenlabs-music is the only model with force_instrumental"
// (older docs) versus the late-2026 minimax-music-v25/v26 rules that are waived by
// `force_instrumental`. The newer rules only make sense if those models accept the flag,
// so minimax-music-v25 and -v26 support it too.

import type { AudioFormat } from "@/lib/audio/format";

export type SimPrice = { usd: number; diem: number };
export type SimPricing =
  | { generation: SimPrice }
  | { per_second: SimPrice }
  | { per_thousand_characters: SimPrice }
  | { durations: Record<string, SimPrice & { min_seconds: number; max_seconds: number }> };

export type SimModelSpec = {
  name: string;
  description?: string;
  privacy: "private" | "anonymized";
  uncensored?: boolean;
  offline?: boolean;
  voice_changer?: boolean;
  traits: string[];
  pricing: SimPricing;
  supports_lyrics?: boolean;
  lyrics_required?: boolean;
  supports_lyrics_optimizer?: boolean;
  supports_force_instrumental?: boolean;
  supports_loop?: boolean;
  supports_language_code?: boolean;
  supports_speed?: boolean;
  default_speed?: number;
  min_speed?: number;
  max_speed?: number;
  voices?: string[];
  default_voice?: string;
  supports_custom_voice_id?: boolean;
  duration_options?: number[];
  min_duration?: number;
  max_duration?: number;
  default_duration?: number;
  supported_formats?: AudioFormat[];
  default_format?: AudioFormat;
  prompt_character_limit?: number;
  min_prompt_length?: number;
  lyrics_character_limit?: number;
};

export type SimModel = {
  id: string;
  type: "music";
  object: "model";
  owned_by: "venice.ai";
  created: number;
  model_spec: SimModelSpec;
};

const price = (usd: number): SimPrice => ({ usd, diem: usd });

const ELEVENLABS_VOICES = [
  "Aria", "Roger", "Sarah", "Laura", "Charlie", "George", "Callum", "River", "Liam", "Charlotte",
  "Alice", "Matilda", "Will", "Jessica", "Eric", "Chris", "Brian", "Daniel", "Lily", "Bill",
];

const SEED_AUDIO_VOICES = [
  "Describe in prompt", "Tim", "Stokie", "Dacey", "Vivi", "Mindy", "Kian", "Jess", "Vienna", "Cedric",
  "Magnus", "Quentin", "Wukong", "Gigi", "Celeste", "Esther", "Tracy", "Sven", "Felipe", "Usseau",
  "Enzo", "Minimi", "Jihoon", "Martins", "Han",
];

function tiers(rows: [tier: number, usd: number, min: number, max: number][]) {
  return Object.fromEntries(
    rows.map(([tier, usd, min_seconds, max_seconds]) => [String(tier), { ...price(usd), min_seconds, max_seconds }]),
  );
}

function model(id: string, created: number, model_spec: SimModelSpec): SimModel {
  return { id, type: "music", object: "model", owned_by: "venice.ai", created, model_spec };
}

export const SIM_MODELS: SimModel[] = [
  model("ace-step-15", 1771804800, {
    name: "ACE-Step 1.5",
    description: "Open-weights song generator with optional lyrics.", // guess
    privacy: "anonymized",
    uncensored: true,
    traits: [],
    pricing: {
      durations: tiers([
        [60, 0.03, 60, 60], [90, 0.04, 61, 90], [120, 0.05, 91, 120],
        [150, 0.06, 121, 150], [180, 0.07, 151, 180], [210, 0.08, 181, 210],
      ]),
    },
    supports_lyrics: true,
    lyrics_required: false,
    duration_options: [60, 90, 120, 150, 180, 210],
    min_duration: 60,
    max_duration: 210,
    default_duration: 60,
    supported_formats: ["flac"],
    default_format: "flac",
    prompt_character_limit: 512,
    min_prompt_length: 10,
    lyrics_character_limit: 4096,
  }),
  model("elevenlabs-tts-multilingual-v2", 1772236800, {
    name: "ElevenLabs Multilingual v2",
    description: "Lifelike speech in 29 languages.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { per_thousand_characters: price(0.11500000000000002) },
    voices: ELEVENLABS_VOICES,
    default_voice: "Aria", // guess
    supports_custom_voice_id: true, // guess
    supports_speed: true, // guess: ElevenLabs' own speed range
    default_speed: 1,
    min_speed: 0.7,
    max_speed: 1.2,
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 10000, // guess
    min_prompt_length: 1, // guess
  }),
  model("elevenlabs-music", 1771718400, {
    name: "ElevenLabs Music",
    description: "Studio-grade songs and instrumentals from a text prompt.", // guess
    privacy: "anonymized",
    uncensored: true,
    traits: [],
    pricing: {
      durations: tiers([
        [60, 0.69, 3, 60], [120, 1.38, 61, 120], [180, 2.08, 121, 180], [240, 2.76, 181, 240],
        [300, 3.45, 241, 300], [360, 4.15, 301, 360], [420, 4.84, 361, 420], [480, 5.52, 421, 480],
        [540, 6.22, 481, 540], [600, 6.9, 541, 600],
      ]),
    },
    supports_force_instrumental: true,
    min_duration: 3,
    max_duration: 600,
    default_duration: 60, // guess
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 2000, // guess
    min_prompt_length: 10,
  }),
  model("elevenlabs-sound-effects-v2", 1772236800, {
    name: "ElevenLabs Sound Effects",
    description: "Sound effects and ambiences from a description.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { per_second: price(0.0023000000000000004) },
    supports_loop: true, // guess
    min_duration: 1, // guess
    max_duration: 30, // guess
    default_duration: 5, // guess
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 450, // guess
    min_prompt_length: 3, // guess
  }),
  model("elevenlabs-tts-v3", 1772236800, {
    name: "ElevenLabs TTS v3",
    description: "Expressive speech with audio tags.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { per_thousand_characters: price(0.11500000000000002) },
    voices: ELEVENLABS_VOICES,
    default_voice: "Aria", // guess
    supports_custom_voice_id: true, // guess
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 3000, // guess
    min_prompt_length: 1, // guess
  }),
  model("lyria-3-pro", 1779408000, {
    name: "Lyria 3 Pro",
    description: "Google DeepMind's full-length song model.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { generation: price(0.1) },
    supports_lyrics: true, // guess
    supported_formats: ["wav"], // guess
    default_format: "wav",
    prompt_character_limit: 2000, // guess
    min_prompt_length: 10,
    lyrics_character_limit: 3000, // guess
  }),
  model("minimax-music-v2", 1771718400, {
    name: "MiniMax Music 2.0",
    description: "Vocal songs written from your lyrics.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { generation: price(0.04) },
    supports_lyrics: true,
    lyrics_required: true,
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 2000, // guess
    min_prompt_length: 10,
    lyrics_character_limit: 3000, // guess
  }),
  model("minimax-music-v25", 1775952000, {
    name: "MiniMax Music 2.5",
    description: "Songs with vocals, optional auto-written lyrics.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { generation: price(0.18) },
    supports_lyrics: true,
    supports_lyrics_optimizer: true,
    supports_force_instrumental: true,
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 2000, // guess
    min_prompt_length: 10,
    lyrics_character_limit: 3500, // guess
  }),
  model("minimax-music-v26", 1775952000, {
    name: "MiniMax Music 2.6",
    description: "MiniMax's newest song model.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { generation: price(0.18) },
    supports_lyrics: true,
    supports_force_instrumental: true,
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 2000, // guess
    min_prompt_length: 10,
    lyrics_character_limit: 3500, // guess
  }),
  model("mmaudio-v2-text-to-audio", 1772236800, {
    name: "MMAudio V2",
    description: "Foley and ambient audio from text.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { per_second: price(0.0009200000000000001) },
    min_duration: 1, // guess
    max_duration: 30, // guess
    default_duration: 8, // guess
    supported_formats: ["wav"], // guess
    default_format: "wav",
    prompt_character_limit: 1000, // guess
    min_prompt_length: 3, // guess
  }),
  model("seed-audio-1-0", 1782691200, {
    name: "Seed Audio 1.0",
    description: "Songs and voice with a choice of singers.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { per_second: price(0.0028750000000000004) },
    supports_lyrics: true, // guess
    voices: SEED_AUDIO_VOICES,
    default_voice: "Describe in prompt",
    // It takes no duration_seconds: the 120 s cap is reserved at queue time and the
    // charge settles on the real length.
    default_duration: 120,
    supported_formats: ["mp3"], // guess
    default_format: "mp3",
    prompt_character_limit: 2000, // guess
    min_prompt_length: 10,
    lyrics_character_limit: 3000, // guess
  }),
  model("sonilo-v1-1-music", 1784592000, {
    name: "Sonilo V1.1 Music",
    description: "Instrumental music beds and loops.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { per_second: price(0.0028750000000000004) },
    supports_loop: true, // guess
    min_duration: 5, // guess
    max_duration: 180, // guess
    default_duration: 30, // guess
    supported_formats: ["wav"], // guess
    default_format: "wav",
    prompt_character_limit: 1000, // guess
    min_prompt_length: 10,
  }),
  model("sonilo-v1-1-sound-effects", 1784592000, {
    name: "Sonilo V1.1 Sound Effects",
    description: "Short sound effects, loopable.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { per_second: price(0.0020700000000000002) },
    supports_loop: true, // guess
    min_duration: 1, // guess
    max_duration: 30, // guess
    default_duration: 5, // guess
    supported_formats: ["wav"], // guess
    default_format: "wav",
    prompt_character_limit: 1000, // guess
    min_prompt_length: 3, // guess
  }),
  model("stable-audio-25", 1771718400, {
    name: "Stable Audio 2.5",
    description: "Instrumental music and sound design up to ~3 minutes.", // guess
    privacy: "anonymized",
    traits: [],
    pricing: { generation: price(0.19) },
    min_duration: 10, // guess
    max_duration: 190, // guess
    default_duration: 60, // guess
    supported_formats: ["flac"], // guess
    default_format: "flac",
    prompt_character_limit: 2000, // guess
    min_prompt_length: 10,
  }),
];
