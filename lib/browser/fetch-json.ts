// The studio API's answers in the browser: JSON on success, an ApiFailure with the status,
// message and field errors otherwise.

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "Content-Type": "application/json", ...init?.headers },
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string[]> };
  if (!response.ok) {
    throw new ApiFailure(response.status, body.error ?? `The studio answered ${response.status}.`, body.fields);
  }
  return body as T;
}
