import { useEffect, useRef, useState, type KeyboardEvent } from "react";

const LIST_ID = "recent-prompts";
const optionId = (index: number) => `recent-prompt-${index}`;

/**
 * The creator's recent prompts under the prompt field: a button that opens them as a listbox
 * (arrows, Home/End, Enter to pick, Escape to close, as the ARIA pattern has it); picking one
 * fills the prompt.
 */
export function RecentPrompts({ prompts, onPick }: { prompts: readonly string[]; onPick: (prompt: string) => void }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (open) list.current?.focus();
  }, [open]);
  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [open, active]);

  if (prompts.length === 0) return null;
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  const pick = (index: number) => {
    const prompt = prompts[index];
    setOpen(false);
    if (prompt !== undefined) onPick(prompt);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = prompts.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(active + 1, last), ArrowUp: Math.max(active - 1, 0), Home: 0, End: last };
    if (event.key in moves) setActive(moves[event.key]!);
    else if (event.key === "Enter" || event.key === " ") pick(active);
    else if (event.key === "Escape") close(true);
    else return;
    event.preventDefault();
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? LIST_ID : undefined}
        onClick={() => {
          setActive(0);
          setOpen(!open);
        }}
        className="inline-flex items-center gap-1 rounded-md text-xs font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-400"
      >
        Recent prompts ({prompts.length})
        <svg aria-hidden viewBox="0 0 20 20" className={`size-3.5 fill-current transition-transform ${open ? "rotate-180" : ""}`}>
          <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
      {open ? (
        <ul
          ref={list}
          id={LIST_ID}
          role="listbox"
          aria-label="Recent prompts"
          tabIndex={-1}
          aria-activedescendant={optionId(active)}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) close(false);
          }}
          className="absolute inset-x-0 z-20 mt-1 max-h-72 overflow-y-auto rounded-lg border border-zinc-200 bg-white py-1 shadow-lg outline-none focus-visible:ring-2 focus-visible:ring-accent-500 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {prompts.map((prompt, index) => (
            <li
              key={prompt}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              title={prompt}
              // Keeps the focus on the listbox, so picking does not first close it by a blur.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => pick(index)}
              className="line-clamp-2 cursor-pointer px-3 py-2 text-sm break-words aria-selected:bg-accent-50 aria-selected:text-accent-700 dark:aria-selected:bg-zinc-800 dark:aria-selected:text-zinc-50"
            >
              {prompt}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
