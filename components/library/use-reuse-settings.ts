import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { fetchReuseSettings, type ReuseSettings } from "@/components/library/library-api";
import type { CreateForm } from "@/components/create/use-create-form";
import type { ModelCapabilities } from "@/lib/venice/capabilities";

export type ReuseNotice = { tone: "done" | "moved" | "failed"; text: string };

/**
 * The studio page's side of the library's "Reuse settings" (`/?reuse=<id>`): loads that row's
 * model and request, puts them in the Create form once the models are known, then drops the
 * parameter from the URL so a reload does not put them back over the creator's edits.
 */
export function useReuseSettings(models: readonly ModelCapabilities[] | undefined, form: CreateForm) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const id = searchParams.get("reuse");
  const [notice, setNotice] = useState<ReuseNotice | null>(null);
  // The reuse id whose settings went into the form (or failed to): each is applied once.
  const [handled, setHandled] = useState<string | null>(null);

  const settings = useQuery({
    queryKey: ["reuse-settings", id],
    queryFn: ({ signal }) => fetchReuseSettings(id!, signal),
    enabled: id !== null,
    retry: false,
    staleTime: Infinity,
  });

  // Applied while rendering, as soon as both are known (the form's state is this component's own).
  if (id !== null && handled !== id && (settings.isError || (settings.data && models))) {
    setHandled(id);
    setNotice(settings.data ? apply(form, settings.data) : { tone: "failed", text: `These settings could not be reused: ${settings.error?.message}` });
  }

  // Then the parameter leaves the URL: the one thing outside React.
  useEffect(() => {
    if (id === null || handled !== id) return;
    const rest = new URLSearchParams(searchParams.toString());
    rest.delete("reuse");
    router.replace(rest.size ? `${pathname}?${rest}` : pathname, { scroll: false });
  }, [id, handled, searchParams, pathname, router]);

  return { loading: id !== null && handled !== id, notice, dismiss: () => setNotice(null) };
}

function apply(form: CreateForm, settings: ReuseSettings): ReuseNotice {
  const landed = form.reuse(settings.model, settings.request);
  if (!landed) return { tone: "failed", text: "No model is available right now, so these settings cannot be reused." };
  if (landed.sameModel) return { tone: "done", text: `The settings of “${settings.title}” are in the form, on ${landed.model.name}.` };
  return {
    tone: "moved",
    text: `“${settings.title}” was made with ${settings.model}, which the studio no longer offers. Its settings were put on ${landed.model.name} instead: check them before you create.`,
  };
}
