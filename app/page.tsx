import { ModeBadge } from "@/components/mode-badge";
import { ModelCatalog } from "@/components/model-catalog";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import { usableModels } from "@/lib/venice/catalog";
import { VeniceError } from "@/lib/venice/errors";

export const dynamic = "force-dynamic";

async function loadModels(): Promise<{ models: ModelCapabilities[] } | { error: string }> {
  try {
    return { models: await usableModels() };
  } catch (error) {
    log().warn({ err: error }, "could not load the model catalog");
    return { error: error instanceof VeniceError ? error.userMessage : "The model catalog could not be loaded." };
  }
}

export default async function Home() {
  const mode = env().mode;
  const catalog = await loadModels();
  return (
    <div className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <header className="flex flex-wrap items-center justify-between gap-4 py-6">
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={36} height={36} className="rounded-lg" />
          <h1 className="text-xl font-semibold tracking-tight">Venice Studio</h1>
        </div>
        <ModeBadge mode={mode} />
      </header>

      <section className="mb-10 rounded-2xl bg-gradient-to-br from-accent-600 to-fuchsia-600 px-6 py-10 text-white sm:px-10">
        <p className="text-sm font-medium uppercase tracking-wider text-white/80">Your team&apos;s music studio</p>
        <p className="mt-2 max-w-2xl text-2xl font-semibold leading-snug sm:text-3xl">
          Describe a track, see its price, and keep every take in one shared library.
        </p>
        <p className="mt-3 max-w-2xl text-white/85">
          {mode === "demo"
            ? "You are in demo mode: jobs run on the studio's built-in Venice simulator with real audio and no charges. Set VENICE_API_KEY to use Venice."
            : "Every call goes through this server with the studio's Venice key; browsers never see it."}
        </p>
      </section>

      {"error" in catalog ? (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <p className="font-medium">Venice is not answering right now.</p>
          <p className="mt-1 text-sm">{catalog.error}</p>
        </div>
      ) : (
        <ModelCatalog models={catalog.models} />
      )}
    </div>
  );
}
