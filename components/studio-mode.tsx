"use client";

import { createContext, use, type ReactNode } from "react";
import type { StudioMode } from "@/lib/failure-wording";

// Whether the studio talks to Venice or to its simulator (demo mode), as the server page
// knows it (env().mode, which the mode badge shows too): the balance's words depend on it.
const StudioModeContext = createContext<StudioMode | null>(null);

export function StudioModeProvider({ mode, children }: { mode: StudioMode; children: ReactNode }) {
  return <StudioModeContext value={mode}>{children}</StudioModeContext>;
}

/** The studio's mode; only under a StudioModeProvider, so no component guesses it. */
export function useStudioMode(): StudioMode {
  const mode = use(StudioModeContext);
  if (!mode) throw new Error("useStudioMode() needs a StudioModeProvider above it");
  return mode;
}
