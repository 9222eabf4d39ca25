// The library's calls to the studio's own HTTP API (browser side).

export type LibraryTrack = {
  id: string;
  generationId: string;
  title: string;
  prompt: string;
  model: string;
  format: string;
  bytes: number;
  durationMs: number;
  favorite: boolean;
  creatorId: string;
  createdAt: string;
  status: string;
  audioUrl: string;
  peaksUrl: string;
};

export type TrackPage = { tracks: LibraryTrack[]; nextCursor: string | null };

export const SORTS = ["newest", "oldest", "title", "duration"] as const;
export type Sort = (typeof SORTS)[number];

export type LibraryFilters = { q: string; model: string; favorite: boolean; sort: Sort };

export class ApiFailure extends Error {}

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
    throw new ApiFailure(message ?? `The studio answered ${response.status}.`);
  }
  return body as T;
}

export const PAGE_SIZE = 24;

export function fetchTracks(filters: LibraryFilters, cursor: string | null, signal?: AbortSignal): Promise<TrackPage> {
  const params = new URLSearchParams({ sort: filters.sort, limit: String(PAGE_SIZE) });
  if (filters.q.trim().length >= 3) params.set("q", filters.q.trim());
  if (filters.model) params.set("model", filters.model);
  if (filters.favorite) params.set("favorite", "true");
  if (cursor) params.set("cursor", cursor);
  return call<TrackPage>(`/api/tracks?${params}`, { signal });
}

export const patchTrack = (id: string, changes: { title?: string; favorite?: boolean }) =>
  call<LibraryTrack>(`/api/tracks/${id}`, { method: "PATCH", body: JSON.stringify(changes) });

export const deleteTrack = (id: string) => call<{ id: string; deletedAt: string }>(`/api/tracks/${id}`, { method: "DELETE" });

export const restoreTrack = (id: string) => call<LibraryTrack>(`/api/tracks/${id}/restore`, { method: "POST" });

export type ModelOption = { id: string; name: string };

export async function fetchModelOptions(): Promise<ModelOption[]> {
  const groups = await call<Record<string, { id: string; name: string }[]>>("/api/models");
  return Object.values(groups)
    .flat()
    .map(({ id, name }) => ({ id, name }));
}

/** Reads the library's filters from the URL; unknown values fall back to the defaults. */
export function filtersFromParams(params: URLSearchParams): LibraryFilters {
  const sort = params.get("sort");
  return {
    q: params.get("q") ?? "",
    model: params.get("model") ?? "",
    favorite: params.get("favorite") === "1" || params.get("favorite") === "true",
    sort: (SORTS as readonly string[]).includes(sort ?? "") ? (sort as Sort) : "newest",
  };
}

export function filtersToSearch(filters: LibraryFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.model) params.set("model", filters.model);
  if (filters.favorite) params.set("favorite", "1");
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}
