"use client";

import { CreatePanel } from "@/components/create/create-panel";
import { useCreateForm } from "@/components/create/use-create-form";
import { useModels } from "@/components/create/use-models";
import { JobsInFlight } from "@/components/follow/jobs-in-flight";
import { useGenerationEvents } from "@/components/follow/use-generation-events";
import { useJobs } from "@/components/follow/use-jobs";

/** The studio page's working area: the Create form and the jobs it starts. */
export function Studio() {
  const models = useModels();
  const form = useCreateForm(models.data);
  const jobs = useJobs();
  useGenerationEvents();

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      {models.data ? (
        <CreatePanel models={models.data} form={form} onAccepted={(answer) => jobs.follow(answer.generations.map((job) => job.id))} />
      ) : (
        <div role={models.error ? "alert" : "status"} className="rounded-2xl border border-zinc-200 p-6 text-sm dark:border-zinc-800">
          {models.error ? `Venice is not answering right now: ${models.error.message}` : "Loading the models…"}
        </div>
      )}
      <JobsInFlight
        jobs={jobs}
        onUsePrompt={(prompt) => {
          form.applyPrompt(prompt);
          document.getElementById("prompt")?.focus();
        }}
      />
    </div>
  );
}
