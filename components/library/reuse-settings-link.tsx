import Link from "next/link";

/**
 * "Reuse settings": opens the studio with this row's model and request in the Create form.
 * `id` is a track's id, or a generation's that ended without a track.
 */
export function ReuseSettingsLink({ id, title, className, withText = false }: { id: string; title: string; className: string; withText?: boolean }) {
  return (
    <Link href={`/?reuse=${encodeURIComponent(id)}`} aria-label={`Reuse settings of ${title}`} title="Reuse settings" className={className}>
      <svg aria-hidden viewBox="0 0 24 24" className="size-5 shrink-0 fill-none stroke-current stroke-2">
        <path d="M4 7h9M17 7h3M4 17h3M11 17h9" strokeLinecap="round" />
        <circle cx="15" cy="7" r="2" />
        <circle cx="9" cy="17" r="2" />
      </svg>
      {withText && <span>Reuse settings</span>}
    </Link>
  );
}
