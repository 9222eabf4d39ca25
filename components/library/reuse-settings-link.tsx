import Link from "next/link";

/**
 * "Reuse settings": opens the studio with this row's model and request in the Create form.
 * `id` is a track's id, or a generation's that ended without a track. `text` is shown beside
 * the icon ("Reuse settings", or "Reuse" where room is short); the link's name says it in full.
 */
export function ReuseSettingsLink({ id, title, className, text }: { id: string; title: string; className: string; text?: string }) {
  return (
    <Link href={`/?reuse=${encodeURIComponent(id)}`} aria-label={`Reuse settings of ${title}`} title="Reuse settings" className={className}>
      <svg aria-hidden viewBox="0 0 24 24" className={`${text ? "size-4" : "size-5"} shrink-0 fill-none stroke-current stroke-2`}>
        <path d="M4 7h9M17 7h3M4 17h3M11 17h9" strokeLinecap="round" />
        <circle cx="15" cy="7" r="2" />
        <circle cx="9" cy="17" r="2" />
      </svg>
      {text && <span>{text}</span>}
    </Link>
  );
}
