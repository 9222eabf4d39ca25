// The icons of a track's actions, shared by the library's rows and the track page. Each is
// decorative (aria-hidden): the button or link around it carries the name.

type IconProps = { className?: string };
type ToggleIconProps = IconProps & { filled: boolean };

const stroked = "fill-none stroke-current stroke-2";

export function PlayIcon({ className = "size-4" }: IconProps) {
  return <svg aria-hidden viewBox="0 0 24 24" className={`${className} translate-x-px fill-current`}><path d="M8 5.5v13l10.5-6.5z" /></svg>;
}

export function PauseIcon({ className = "size-4" }: IconProps) {
  return <svg aria-hidden viewBox="0 0 24 24" className={`${className} fill-current`}><path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" /></svg>;
}

export function StarIcon({ filled, className = "size-5" }: ToggleIconProps) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={`${className} stroke-current stroke-2 ${filled ? "fill-current" : "fill-none"}`}>
      <path d="M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.8L12 16.9l-5.25 2.7 1-5.8L3.5 9.7l5.9-.9z" strokeLinejoin="round" />
    </svg>
  );
}

/** A rosette with a check: the take chosen as its batch's keeper. */
export function KeeperIcon({ filled, className = "size-5" }: ToggleIconProps) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={`${className} stroke-current stroke-2 ${filled ? "fill-current" : "fill-none"}`}>
      <path d="M12 2.8l2.3 1.7 2.9-.1.9 2.7 2.3 1.7-.9 2.7.9 2.7-2.3 1.7-.9 2.7-2.9-.1L12 21.2l-2.3-1.7-2.9.1-.9-2.7-2.3-1.7.9-2.7-.9-2.7 2.3-1.7.9-2.7 2.9.1z" strokeLinejoin="round" />
      <path d="M8.5 12.2l2.3 2.3 4.7-4.7" fill="none" strokeLinecap="round" strokeLinejoin="round" className={filled ? "stroke-white dark:stroke-zinc-900" : ""} />
    </svg>
  );
}

export function DownloadIcon({ className = "size-5" }: IconProps) {
  return <svg aria-hidden viewBox="0 0 24 24" className={`${className} ${stroked}`}><path d="M12 4v11m0 0l-4-4m4 4l4-4M5 20h14" /></svg>;
}

export function ShareIcon({ className = "size-5" }: IconProps) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={`${className} ${stroked}`}>
      <path d="M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1" strokeLinecap="round" />
    </svg>
  );
}

export function RenameIcon({ className = "size-5" }: IconProps) {
  return <svg aria-hidden viewBox="0 0 24 24" className={`${className} ${stroked}`}><path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" strokeLinejoin="round" /></svg>;
}

export function DeleteIcon({ className = "size-5" }: IconProps) {
  return <svg aria-hidden viewBox="0 0 24 24" className={`${className} ${stroked}`}><path d="M5 7h14M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" strokeLinejoin="round" /></svg>;
}

export function ChevronIcon({ open, className = "size-4" }: { open: boolean; className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className={`${className} ${stroked} transition-transform ${open ? "rotate-180" : ""}`}>
      <path d="M6 9l6 6 6-6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
