// The ledger page's calls to the studio's API (browser side); its money is written by lib/money.
import type { Caps, CapView, MemberCapView } from "@/lib/api/caps/get-caps";
import type { Ledger } from "@/lib/api/ledger/list-ledger";
import { fetchJson } from "@/lib/browser/fetch-json";
import { parseMonthKey } from "@/lib/spend/calendar-month";

export const capsKey = ["caps"] as const;
export const ledgerKey = (month: string) => ["ledger", month] as const;

export const fetchCaps = (signal?: AbortSignal) => fetchJson<Caps>("/api/caps", { signal });

export const setStudioCap = (capUsd: number | null) =>
  fetchJson<CapView>("/api/caps/studio", { method: "PUT", body: JSON.stringify({ capUsd }) });

export const setMemberCap = (id: string, capUsd: number | null) =>
  fetchJson<MemberCapView>(`/api/caps/members/${encodeURIComponent(id)}`, { method: "PUT", body: JSON.stringify({ capUsd }) });

/** `month` is "YYYY-MM", or "" for all of the ledger. */
export const fetchLedger = (month: string, signal?: AbortSignal) =>
  fetchJson<Ledger>(`/api/ledger${month ? `?month=${month}` : ""}`, { signal });

/** Where the CSV of the same month (or all of it) downloads from. */
export const exportUrl = (month: string) => `/api/ledger/export${month ? `?month=${month}` : ""}`;

/** "November 2025" for "2025-11" (a UTC calendar month). */
export function monthName(key: string): string {
  return parseMonthKey(key)?.name ?? key;
}
