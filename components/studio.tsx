"use client";

import { useCallback } from "react";
import { CreatePanel } from "@/components/create/create-panel";
import { useCreateForm } from "@/components/create/use-create-form";
import { useModels } from "@/components/create/use-models";
import { AwayNotice } from "@/components/jobs/away-notice";
import { JobsInFlight } from "@/components/jobs/jobs-in-flight";
import { RecentTracks } from "@/components/jobs/recent-tracks";
import { useAwayNotice } from "@/components/jobs/use-away-notice";
import { useGenerationEvents } from "@/components/jobs/use-generation-events";
import { useJobs } from "@/components/jobs/use-jobs";
import { useRecentTracks } from "@/components/jobs/use-recent-tracks";
import { useReuseSettings, type ReuseNotice } from "@/components/library/use-reuse-settings";
import { StudioModeProvider } from "@/components/studio-mode";
import type { StudioMode } from "@/lib/failure-wording";

const NOTICE_STYLES: Readonly<Record<ReuseNotice["tone"], string>> = {
  done: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200",
  moved: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200",
  failed: "border-red-200 bg-red-50 text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200",
};

/**
 * The studio page's working area: the Create form, the jobs it starts and the member's recent
 * tracks. `mode` is the server's (env().mode): demo mode words the balance as the simulator's.
 */
export function Studio({ memberId, mode }: { memberId: string; mode: StudioMode }) {
  return (
    <StudioModeProvider mode={mode}>
      <WorkArea memberId={memberId} />
    </StudioModeProvider>
  );
}

function WorkArea({ memberId }: { memberId: string }) {
  const models = useModels();
  const form = useCreateForm(models.data, memberId);
  const reuse = useReuseSettings(models.data, form);
  const jobs = useJobs(memberId);
  const away = useAwayNotice(memberId, useRecentTracks(memberId).data);
  useGenerationEvents();
  const modelName = useCallback((id: string) => models.data?.find((model) => model.id === id)?.name ?? id, [models.data]);

  return (
    <div className="space-y-4">
      {away.news && <AwayNotice news={away.news} onDismiss={away.dismiss} />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          {reuse.loading && (
            <p role="status" className="rounded-xl border border-zinc-200 px-4 py-3 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-300">
              Loading the settings to reuse…
            </p>
          )}
          {reuse.notice && (
            <div role={reuse.notice.tone === "done" ? "status" : "alert"} className={`flex items-start gap-3 rounded-xl border px-4 py-3 text-sm ${NOTICE_STYLES[reuse.notice.tone]}`}>
              <p className="min-w-0 flex-1">{reuse.notice.text}</p>
              <button type="button" onClick={reuse.dismiss} aria-label="Dismiss" className="-m-1 rounded-md p-1 opacity-70 hover:opacity-100">
                <svg aria-hidden viewBox="0 0 24 24" className="size-4 fill-none stroke-current stroke-2"><path d="M6 6l12 12M18 6L6 18" /></svg>
              </button>
            </div>
          )}
          {models.data ? (
            <CreatePanel models={models.data} form={form} onAccepted={(answer) => jobs.follow(answer.batchId, answer.generations.map((job) => job.id))} />
          ) : (
            <div role={models.error ? "alert" : "status"} className="rounded-2xl border border-zinc-200 p-6 text-sm dark:border-zinc-800">
              {models.error ? `Venice is not answering right now: ${models.error.message}` : "Loading the models…"}
            </div>
          )}
        </div>
        <div className="min-w-0 space-y-8">
          <JobsInFlight
            memberId={memberId}
            jobs={jobs}
            modelName={modelName}
            onUsePrompt={(prompt) => {
              form.applyPrompt(prompt);
              document.getElementById("prompt")?.focus();
            }}
          />
          <RecentTracks memberId={memberId} panelBatchIds={jobs.panelBatchIds} />
        </div>
      </div>
    </div>
  );
}
