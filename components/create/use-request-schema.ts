"use client";

import { useEffect, useMemo, useState } from "react";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { buildGenerationRequestSchema } from "@/lib/venice/generation-request";

type SchemaBuilder = typeof buildGenerationRequestSchema;

/**
 * The model's request schema (the server's own rules), or null until it has loaded. It is
 * fetched once the page has loaded rather than with it: zod is most of the create page's own
 * JavaScript, and nothing needs it before the creator's first input.
 */
export function useRequestSchema(model: ModelCapabilities | undefined) {
  const [build, setBuild] = useState<SchemaBuilder | null>(null);
  useEffect(() => {
    let mounted = true;
    const load = () =>
      void import("@/lib/venice/generation-request").then((loaded) => {
        if (mounted) setBuild(() => loaded.buildGenerationRequestSchema);
      });
    if (document.readyState === "complete") load();
    else window.addEventListener("load", load, { once: true });
    return () => {
      mounted = false;
      window.removeEventListener("load", load);
    };
  }, []);
  return useMemo(() => (model && build ? build(model) : null), [model, build]);
}
