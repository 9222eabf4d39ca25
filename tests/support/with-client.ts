import pg from "pg";

/** Runs `run` on a fresh connection to `url`, closed afterwards. Free of vitest, so benches may use it. */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
