// What a creator is told when something fails, keyed by error code: Venice's codes
// (lib/venice/errors.ts) and the studio's own for a job that ends without a track. The one
// table for the studio API's answers, the job cards (components/jobs) and the sentence the
// worker stores with an ended job, which the API serves and the library's ended-job rows show;
// with, below it, the notes above the library's lists of ended jobs. The browser imports it
// too: no server-only imports.
import { formatBalance, formatPrice } from "@/lib/money";
import type { VeniceErrorCode } from "@/lib/venice/errors";

/** Where the studio's Venice calls go: Venice, or in demo mode its built-in simulator. */
export type StudioMode = "demo" | "venice";

// Where more balance comes from. In demo mode it is the simulator's: saved with its jobs in
// DATA_DIR/venice-sim, it starts from SIM_BALANCE_USD only once that saved state is gone.
const DEMO_BALANCE =
  "In demo mode the balance is simulated. To change it, stop the studio while no track is being made, delete the simulator's " +
  "saved state (data/venice-sim, or venice-sim in your DATA_DIR) and start it again with SIM_BALANCE_USD set, e.g. SIM_BALANCE_USD=100 npm start.";

/** The balance's words, in each mode: the form's reason, the submit's refusal, Venice's refusal and the ended job. */
const BALANCE = {
  venice: {
    short: (balance: string, price: string) => `The Venice balance (${balance}) is short of ${price}. Top up at venice.ai.`,
    refusal: (price: string, balance: string) => `This costs ${price} but the Venice balance is ${balance}. Top up at venice.ai and try again.`,
    api: "There is not enough Venice balance (or the key's spending limit is reached). Top up at venice.ai and try again.",
    detail: "Venice turned the job down: the balance, or the key's spending limit, is too low for it. Top up at venice.ai, then create it again.",
  },
  demo: {
    short: (balance: string, price: string) => `The Venice balance (${balance}) is short of ${price}. ${DEMO_BALANCE}`,
    refusal: (price: string, balance: string) => `This costs ${price} but the Venice balance is ${balance}. ${DEMO_BALANCE}`,
    api: `There is not enough Venice balance for this. ${DEMO_BALANCE}`,
    detail: `The simulated Venice account turned the job down: its balance is too low for it. ${DEMO_BALANCE} Then create it again.`,
  },
} as const satisfies Record<StudioMode, unknown>;

/** Create's reason for not sending a request the balance cannot pay for. */
export function balanceShortReason(mode: StudioMode, balanceUsd: number, priceUsd: number): string {
  return BALANCE[mode].short(formatBalance(balanceUsd), formatPrice(priceUsd));
}

/** The studio API's refusal (402) of a request the balance cannot pay for. */
export function balanceRefusal(mode: StudioMode, priceUsd: number, balanceUsd: number): string {
  return BALANCE[mode].refusal(formatPrice(priceUsd), formatBalance(balanceUsd));
}

/** The studio's own codes, for what happened to a job that Venice did not report. */
type StudioFailureCode = "QUEUE_UNCONFIRMED" | "EXPIRED" | "JOB_UNKNOWN" | "INFERENCE_FAILED" | "INVALID_REQUEST";

/** The three ways a job ends without a track. */
export type EndedStatus = "failed" | "expired" | "uncertain";

/**
 * What happened to the money, by what Venice did: charges when it accepts a job, refunds a
 * generation that fails, keeps the charge for a track it made that then expired.
 */
const MONEY = {
  /** Never charged, or refunded. */
  refunded: { moneySpent: "no", say: (price: string, accepted: boolean) => (accepted ? `Venice refunded the ${price} it charged.` : "Nothing was charged.") },
  kept: { moneySpent: "yes", say: (price: string) => `Venice charged ${price} for it; an expired track is not refunded.` },
  unknown: { moneySpent: "maybe", say: (price: string) => `Venice may have charged ${price}; your Venice account's usage shows whether it did.` },
} as const;

type Ending = {
  /** The status a job with this code ends in. */
  status: EndedStatus;
  money: keyof typeof MONEY;
  /** The job card's title. */
  title: string;
  /**
   * What happened and what to do. `late`: Venice stopped the job after accepting it.
   * `suggestion` is empty, or the clause pointing at the prompt Venice suggested.
   */
  detail: string | ((job: { late: boolean; suggestion: string; mode: StudioMode }) => string);
};

const REFUSED = { status: "failed", money: "refunded" } as const;

const FAILURES = {
  BAD_REQUEST: {
    api: "Venice did not accept these settings. Check the highlighted fields and try again.",
    ending: {
      ...REFUSED,
      title: "Settings not accepted",
      detail: ({ late }) =>
        late
          ? "Venice's model rejected these settings while making the track. Change them in the form and create it again."
          : "Venice did not accept these settings. Change them in the form and create it again.",
    },
  },
  UNAUTHORIZED: {
    api: "Venice did not accept the studio's API key, or this model needs a Venice Pro account.",
    ending: {
      ...REFUSED,
      title: "Venice refused the studio's key",
      detail:
        "Venice did not accept the studio's API key, or this model needs a Venice Pro account. Pick another model, or ask whoever runs the studio to check the key.",
    },
  },
  INSUFFICIENT_BALANCE: {
    api: (mode) => BALANCE[mode].api,
    ending: { ...REFUSED, title: "Not enough Venice balance", detail: ({ mode }) => BALANCE[mode].detail },
  },
  FORBIDDEN: {
    api: "This API key is not allowed to use this model here.",
    ending: { ...REFUSED, title: "Model not allowed", detail: "The studio's Venice key may not use this model. Pick another model and create it again." },
  },
  NOT_FOUND: {
    api: "Venice no longer has this model or track. It may have expired or already been removed.",
    ending: { ...REFUSED, title: "Model not available", detail: "Venice no longer offers this model. Pick another one and create it again." },
  },
  CONTENT_VIOLATION: {
    api: "The prompt was refused by the content policy. Reword it and try again. You were not charged.",
    ending: {
      ...REFUSED,
      title: "Refused by the content policy",
      detail: ({ late, suggestion }) =>
        late
          ? `Venice's content policy stopped this track while it was being made. Reword the prompt${suggestion} and create it again.`
          : `Venice's content policy refused this prompt. Reword it${suggestion} and create it again.`,
    },
  },
  // No job ends with these: the worker waits them out, tries again, or (a queue call whose
  // answer was lost) ends the job QUEUE_UNCONFIRMED.
  RATE_LIMITED: { api: "Venice is receiving too many requests from the studio. It will try again shortly." },
  SERVER_ERROR: { api: "Venice had a problem on its side. It will try again shortly." },
  UNAVAILABLE: { api: "The model is busy right now. It will try again shortly." },
  TIMEOUT: { api: "Venice took too long to answer. It will try again shortly." },
  TRUNCATED: { api: "The audio download was cut off before it finished. It will download again." },
  NETWORK: { api: "The studio could not reach Venice. Check the server's internet connection." },
  INVALID_RESPONSE: { api: "Venice sent an answer the studio does not understand." },

  // The studio's own codes.
  QUEUE_UNCONFIRMED: {
    ending: {
      status: "uncertain",
      money: "unknown",
      title: "Outcome unknown",
      detail:
        "The studio lost touch while Venice was accepting this job, so it cannot tell whether Venice took it. It was not sent again. Check your Venice account before creating it again.",
    },
  },
  EXPIRED: {
    ending: {
      status: "expired",
      money: "kept",
      title: "Expired before it was saved",
      detail: "Venice made this track, but it expired on Venice before the studio could fetch it. Create it again to get a new one.",
    },
  },
  // Venice answered a retrieve of a job it had accepted as if it never issued its id: it lost
  // the job, or the studio's key now belongs to another Venice account. Not the creator's doing.
  JOB_UNKNOWN: {
    ending: {
      status: "expired",
      money: "unknown",
      title: "Venice lost this job",
      detail:
        "Venice accepted this job but later no longer recognised it, so the studio could not fetch the track. Your settings were fine. If the studio's Venice key was changed to another account since, that account cannot see it; otherwise create it again.",
    },
  },
  INFERENCE_FAILED: {
    ending: { ...REFUSED, title: "Venice could not make this track", detail: "Venice's model failed while making it. Creating it again usually works." },
  },
  INVALID_REQUEST: {
    ending: {
      ...REFUSED,
      title: "Never sent",
      detail: "The studio's stored copy of this request is not valid, so it never went to Venice. Create it again from the form.",
    },
  },
} satisfies Record<VeniceErrorCode, { api: string | ((mode: StudioMode) => string); ending?: Ending }> & Record<StudioFailureCode, { ending: Ending }>;

/** The codes a job can end with: the studio's own, and Venice's refusals. */
export type JobEndCode = { [Code in keyof typeof FAILURES]: (typeof FAILURES)[Code] extends { ending: Ending } ? Code : never }[keyof typeof FAILURES];

/** The studio API's answer when a Venice call made for a request fails (lib/errors.ts). */
export function apiMessage(code: VeniceErrorCode, mode: StudioMode): string {
  const { api } = FAILURES[code];
  return typeof api === "string" ? api : api(mode);
}

// A job whose code has no words for its status (an older or unknown code) is told by its
// status: the worker's stored sentence for a failed one, the usual case for the others.
const FALLBACK: Record<Exclude<EndedStatus, "failed">, Ending> = {
  expired: FAILURES.EXPIRED.ending,
  uncertain: FAILURES.QUEUE_UNCONFIRMED.ending,
};

export type EndedJob = {
  status: EndedStatus;
  error: { code: string; message?: string; suggestedPrompt?: string | null } | null;
  acceptedByVenice: boolean;
  /** Venice's quote for the job, USD. */
  quotedUsd: number;
  /** Whom the studio talks to: demo mode words the balance as the simulator's. */
  mode: StudioMode;
};

export type EndingExplanation = {
  tone: "failed" | "warning";
  title: string;
  detail: string;
  moneySpent: "no" | "yes" | "maybe";
  money: string;
};

/**
 * A job that ended without a track, in a creator's words: the job card shows each part; the
 * worker stores the detail and the money as one sentence (lib/generations/messages.ts).
 */
export function explainEnding(job: EndedJob): EndingExplanation {
  const ending = endingOf(job);
  const money = MONEY[ending?.money ?? "refunded"];
  return {
    tone: job.status === "failed" ? "failed" : "warning",
    title: ending?.title ?? "Venice could not make this track",
    detail: ending
      ? detailOf(ending, job)
      : (job.error?.message ?? "Venice ended the job without a track. Create it again to try once more."),
    moneySpent: money.moneySpent,
    money: money.say(formatPrice(job.quotedUsd), job.acceptedByVenice),
  };
}

/** Whether money was spent on a job that ended without a track: the same in either mode. */
export function endingMoneySpent(job: Omit<EndedJob, "mode">): EndingExplanation["moneySpent"] {
  return MONEY[endingOf(job)?.money ?? "refunded"].moneySpent;
}

function detailOf({ detail }: Ending, job: EndedJob): string {
  if (typeof detail === "string") return detail;
  return detail({ late: job.acceptedByVenice, suggestion: job.error?.suggestedPrompt ? ", or use Venice's suggestion below," : "", mode: job.mode });
}

/** The status a job ending with `code` is put in. */
export function endedStatusOf(code: JobEndCode): EndedStatus {
  return FAILURES[code].ending.status;
}

function endingOf(job: Omit<EndedJob, "mode">): Ending | undefined {
  const code = job.error?.code;
  const own = code !== undefined && Object.hasOwn(FAILURES, code) ? (FAILURES as Record<string, { ending?: Ending }>)[code]!.ending : undefined;
  if (own?.status === job.status) return own;
  return job.status === "failed" ? undefined : FALLBACK[job.status];
}

// What each list of the library that is not of tracks holds, said once above it.
export const ENDED_LIST_NOTES: Readonly<Record<EndedStatus, string>> = {
  failed: "Generations Venice could not make. Nothing was charged for them: Venice refunds a failed job, and one refused at the start was never billed.",
  expired: "Generations that were paid for, but Venice discarded the audio before the studio could store it.",
  uncertain: "The studio stopped while Venice was accepting these jobs, so it cannot know whether they were charged. Check your Venice account; they were not sent again.",
};
