// The library's calls to the studio's own HTTP API (browser side).
import type { LibraryStatus } from "@/lib/api/tracks/library-status";
import type { TrackView } from "@/lib/api/tracks/track-view";
import { groupByKind } from "@/lib/browser/model-view";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { GenerationRequest } from "@/lib/venice/generation-request";

/** A track as the API shows it: a take of a batch, with what the viewer may do to it. */
export type LibraryTrack = TrackView;

/** One library row: a batch's takes that match the filters, by take. */
export type LibraryBatch = { batchId: string; tracks: LibraryTrack[] };

/** A generation that ended without a track (the library's failed, expired and uncertain lists). */
export type EndedGeneration = {
  id: string;
  status: string;
  title: string;
  prompt: string;
  model: string;
  creatorId: string;
  createdAt: string;
  error: { code: string; message: string; suggestedPrompt: string | null } | null;
};

/** One page of whichever list the status filter picked; the other array is empty. */
export type LibraryPage = { batches: LibraryBatch[]; generations: EndedGeneration[]; nextCursor: string | null };

export const SORTS = ["newest", "oldest", "title", "duration"] as const;
export type Sort = (typeof SORTS)[number];
/** A generation without a track has no title of its own or duration to sort by. */
export const DATE_SORTS: readonly Sort[] = ["newest", "oldest"];

/** The status filter's choices, in the order the select offers them. */
export const STATUS_LABELS: Readonly<Record<LibraryStatus, string>> = {
  ready: "Ready to play",
  failed: "Failed",
  expired: "Expired",
  uncertain: "Uncertain",
};

export type LibraryFilters = {
  q: string;
  model: string;
  creator: string;
  status: LibraryStatus;
  /** The viewer's own favourites only. */
  favorite: boolean;
  /** Each batch's keeper only. */
  keepers: boolean;
  sort: Sort;
};

export class ApiFailure extends Error {
  constructor(
    message: string,
    /** The studio's HTTP status; none when it could not be reached. */
    readonly status?: number,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiFailure("The studio could not be reached. Check your connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : null;
    throw new ApiFailure(message ?? `The studio answered ${response.status}.`, response.status);
  }
  return body as T;
}

export const PAGE_SIZE = 24;

export async function fetchLibraryPage(filters: LibraryFilters, cursor: string | null, signal?: AbortSignal): Promise<LibraryPage> {
  const params = new URLSearchParams({ status: filters.status, sort: filters.sort, limit: String(PAGE_SIZE) });
  if (filters.q.trim().length >= 3) params.set("q", filters.q.trim());
  if (filters.model) params.set("model", filters.model);
  if (filters.creator) params.set("creator", filters.creator);
  if (filters.favorite) params.set("favorite", "1");
  if (filters.keepers) params.set("keepers", "1");
  if (cursor) params.set("cursor", cursor);
  const page = await call<Partial<LibraryPage>>(`/api/tracks?${params}`, { signal });
  return { batches: page.batches ?? [], generations: page.generations ?? [], nextCursor: page.nextCursor ?? null };
}

/** The rows of every loaded page, in order; a batch whose takes a page boundary split is still one row. */
export function mergeBatches(pages: readonly LibraryPage[]): LibraryBatch[] {
  const rows = new Map<string, LibraryTrack[]>();
  for (const { batchId, tracks } of pages.flatMap((page) => page.batches)) {
    const known = rows.get(batchId) ?? [];
    const fresh = tracks.filter((track) => !known.some((k) => k.id === track.id));
    rows.set(batchId, [...known, ...fresh].sort((a, b) => a.takeIndex - b.takeIndex));
  }
  return [...rows].map(([batchId, tracks]) => ({ batchId, tracks }));
}

/** One change at a time: the viewer's favourite, a rename, or the batch's keeper. */
export type TrackChange = { favorite: boolean } | { title: string } | { kept: boolean };

export const patchTrack = (id: string, change: TrackChange) =>
  call<LibraryTrack>(`/api/tracks/${id}`, { method: "PATCH", body: JSON.stringify(change) });

/** GET /api/tracks/:id: the track, every live take of its batch (itself included) and the stored request. */
export type TrackDetail = {
  track: LibraryTrack;
  takes: LibraryTrack[];
  /** Every setting of the stored request; null for a request an older studio stored that no longer parses. */
  settings: Record<string, unknown> | null;
};

/** The React Query key of a GET /api/tracks/:id answer, as it is (the track page's, and whoever else reads it). */
export const trackQueryKey = (id: string) => ["track", id] as const;

export const fetchTrack = (id: string, signal?: AbortSignal) => call<TrackDetail>(`/api/tracks/${encodeURIComponent(id)}`, { signal });

export const deleteTrack = (id: string) => call<{ id: string; deletedAt: string }>(`/api/tracks/${id}`, { method: "DELETE" });

export const restoreTrack = (id: string) => call<LibraryTrack>(`/api/tracks/${id}/restore`, { method: "POST" });

export type Creator = { id: string; name: string };

export async function fetchCreators(signal?: AbortSignal): Promise<Creator[]> {
  return (await call<{ creators: Creator[] }>("/api/tracks/creators", { signal })).creators;
}

export type ModelOption = { id: string; name: string };

/** The models for the library's filter, in the picker's order (music, sound effects, speech). */
export async function fetchModelOptions(): Promise<ModelOption[]> {
  const { models } = await call<{ models: ModelCapabilities[] }>("/api/models");
  return groupByKind(models).flatMap((group) => group.models.map(({ id, name }) => ({ id, name })));
}

/**
 * Reads the library's filters from the URL; unknown values fall back to the defaults, and a
 * list of generations without tracks drops what only tracks have (favorites, keepers, title and duration sorts).
 */
export function filtersFromParams(params: URLSearchParams): LibraryFilters {
  const status = params.get("status") ?? "";
  const sort = params.get("sort") ?? "";
  return fitStatus({
    q: params.get("q") ?? "",
    model: params.get("model") ?? "",
    creator: params.get("creator") ?? "",
    status: Object.hasOwn(STATUS_LABELS, status) ? (status as LibraryStatus) : "ready",
    favorite: params.get("favorite") === "1" || params.get("favorite") === "true",
    keepers: params.get("keepers") === "1",
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "newest",
  });
}

/** The filters with only what the status's list can have. */
export function fitStatus(filters: LibraryFilters): LibraryFilters {
  if (filters.status === "ready") return filters;
  return { ...filters, favorite: false, keepers: false, sort: DATE_SORTS.includes(filters.sort) ? filters.sort : "newest" };
}

export function filtersToSearch(filters: LibraryFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.model) params.set("model", filters.model);
  if (filters.creator) params.set("creator", filters.creator);
  if (filters.status !== "ready") params.set("status", filters.status);
  if (filters.favorite) params.set("favorite", "1");
  if (filters.keepers) params.set("keepers", "1");
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export type ReuseSettings = { title: string; model: string; request: GenerationRequest };

/** The model and request that made a library row (a track, or a generation that ended without one). */
export const fetchReuseSettings = (id: string, signal?: AbortSignal) =>
  call<ReuseSettings>(`/api/tracks/${encodeURIComponent(id)}/settings`, { signal });
