"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { navItems } from "@/components/nav-items";
import type { Role } from "@/lib/auth/member";

const stroked = "size-5 fill-none stroke-current stroke-2";

// Shown instead of the label below md, where the header has room for two icons only.
const ICONS: Readonly<Record<string, ReactNode>> = {
  "/": (
    <svg aria-hidden viewBox="0 0 24 24" className={stroked}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 8v8M8 12h8" strokeLinecap="round" />
    </svg>
  ),
  "/library": (
    <svg aria-hidden viewBox="0 0 24 24" className={stroked}>
      <path d="M3 6h13M3 12h9M3 18h9M21 15V6" strokeLinecap="round" />
      <circle cx="18.5" cy="15.5" r="2.5" />
    </svg>
  ),
};

const LINK =
  "inline-flex shrink-0 items-center justify-center rounded-full text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 " +
  "aria-[current=page]:bg-accent-100 aria-[current=page]:text-accent-700 max-md:size-9 md:px-2.5 md:py-1.5 lg:px-3 " +
  "dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white dark:aria-[current=page]:bg-accent-700/30 dark:aria-[current=page]:text-accent-100";

/** The header's links for `role`, the current page's marked: labels from md, icons (Create, Library) below. */
export function AppNav({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Studio" className="flex shrink-0 items-center gap-0.5 md:gap-1">
      {navItems(role).map(({ href, label, primary }) => (
        <Link
          key={href}
          href={href}
          aria-current={pathname === href ? "page" : undefined}
          // The tooltip for the icon a phone shows.
          title={primary ? label : undefined}
          className={primary ? LINK : `${LINK} max-md:hidden`}
        >
          {primary && <span className="md:hidden">{ICONS[href]}</span>}
          <span className="max-md:sr-only">{label}</span>
        </Link>
      ))}
    </nav>
  );
}
