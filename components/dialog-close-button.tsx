/**
 * A dialog's × in a 36 px circle, named "Close". `className` places it (absolute in a corner or
 * in the header's flex row) and gives its resting text colour: there is no class merging, so
 * the base leaves both out.
 */
export function DialogCloseButton({ onClick, className }: { onClick: () => void; className: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label="Close"
      title="Close"
      className={`inline-flex size-9 shrink-0 items-center justify-center rounded-full hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-white ${className}`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2"><path d="M6 6l12 12M18 6L6 18" /></svg>
    </button>
  );
}
