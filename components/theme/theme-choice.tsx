"use client";

import { useId, type ReactNode } from "react";
import type { ThemeChoice as Choice } from "@/components/theme/color-scheme";
import { saveTheme, useThemeChoice } from "@/components/theme/theme-store";

const stroked = "size-4 fill-none stroke-current stroke-2";

const OPTIONS: readonly { value: Choice; label: string; hint: string; icon: ReactNode }[] = [
  {
    value: "light",
    label: "Light",
    hint: "Always light",
    icon: (
      <svg aria-hidden viewBox="0 0 24 24" className={stroked}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" strokeLinecap="round" />
      </svg>
    ),
  },
  {
    value: "dark",
    label: "Dark",
    hint: "Always dark",
    icon: (
      <svg aria-hidden viewBox="0 0 24 24" className={stroked}>
        <path d="M20 14.5A8 8 0 019.5 4a8 8 0 1010.5 10.5z" strokeLinejoin="round" />
      </svg>
    ),
  },
  {
    value: "system",
    label: "System",
    hint: "As this device is set",
    icon: (
      <svg aria-hidden viewBox="0 0 24 24" className={stroked}>
        <rect x="3" y="4" width="18" height="12" rx="2" />
        <path d="M8 20h8M12 16v4" strokeLinecap="round" />
      </svg>
    ),
  },
];

/** Light, dark or the system's scheme, as three radios; the choice applies at once and is kept in this browser. */
export function ThemeChoice() {
  const choice = useThemeChoice();
  const name = useId();
  return (
    <fieldset className="px-3 pt-1 pb-2">
      <legend className="pb-1.5 text-xs text-zinc-600 dark:text-zinc-400">Theme</legend>
      <div className="grid grid-cols-3 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
        {OPTIONS.map(({ value, label, hint, icon }) => (
          <label
            key={value}
            title={hint}
            className={
              "flex cursor-pointer flex-col items-center gap-0.5 rounded-md py-1.5 text-xs font-medium text-zinc-600 hover:text-zinc-900 " +
              "has-checked:bg-white has-checked:text-accent-700 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-accent-500 " +
              "dark:text-zinc-300 dark:hover:text-white dark:has-checked:bg-zinc-950 dark:has-checked:text-accent-400"
            }
          >
            <input type="radio" name={name} value={value} checked={choice === value} onChange={() => saveTheme(value)} className="sr-only" />
            {icon}
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
