"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { navItems } from "@/components/nav-items";
import { ROLE_LABELS } from "@/components/team/role-labels";
import { ThemeChoice } from "@/components/theme/theme-choice";
import type { Role } from "@/lib/auth/member";

/**
 * Where the menu leads: the account, and on a phone (below md) the admin pages the header's
 * nav leaves out there; from md they are in the nav, so the menu hides them (`md:hidden`).
 */
function destinations(role: Role): { href: string; label: string; phoneOnly: boolean }[] {
  const collapsed = navItems(role).filter((item) => !item.primary);
  return [{ href: "/account", label: "Account", phoneOnly: false }, ...collapsed.map(({ href, label }) => ({ href, label, phoneOnly: true }))];
}

/**
 * Who is signed in, as a disclosure button opening a short list of links, the theme and Sign out.
 * Escape or a click elsewhere closes it; focus returns to the button on Escape. The name shows
 * from lg, whole up to 15rem; below, the initials stand for it (the button's tooltip names them).
 */
export function AccountMenu({ name, role }: { name: string; role: Role }) {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function closeOutside(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  async function signOut() {
    setSigningOut(true);
    await fetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    router.replace("/sign-in");
    router.refresh();
  }

  const item =
    "block w-full rounded-md px-3 py-2 text-left text-sm text-zinc-700 hover:bg-zinc-100 aria-[current=page]:font-semibold " +
    "aria-[current=page]:text-accent-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:text-accent-400";

  return (
    <div ref={rootRef} className="relative shrink-0">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        title={name}
        className="flex shrink-0 items-center gap-2 rounded-full p-0.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 md:py-1 md:pr-2 md:pl-1 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <span
          aria-hidden
          className="inline-flex size-7 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-700 dark:bg-accent-700/30 dark:text-accent-100"
        >
          {initials(name)}
        </span>
        <span className="sr-only">Account menu for </span>
        <span className="max-w-60 truncate max-lg:sr-only">{name}</span>
        <svg aria-hidden viewBox="0 0 24 24" className={`size-4 fill-none stroke-current stroke-2 transition-transform max-md:hidden ${open ? "rotate-180" : ""}`}>
          <path d="m6 9 6 6 6-6" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute top-full right-0 z-40 mt-2 w-56 rounded-xl border border-zinc-200 bg-white p-1.5 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="border-b border-zinc-200 px-3 pt-1.5 pb-2.5 dark:border-zinc-800">
          <p className="truncate text-sm font-medium" title={name}>{name}</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{ROLE_LABELS[role]}</p>
        </div>
        <ul className="space-y-0.5 py-1.5">
          {destinations(role).map(({ href, label, phoneOnly }) => (
            <li key={href} className={phoneOnly ? "md:hidden" : undefined}>
              <Link href={href} onClick={() => setOpen(false)} aria-current={pathname === href ? "page" : undefined} className={item}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="border-t border-zinc-200 pt-2 dark:border-zinc-800">
          <ThemeChoice />
        </div>
        <div className="border-t border-zinc-200 pt-1.5 dark:border-zinc-800">
          <button type="button" onClick={signOut} disabled={signingOut} className={item}>
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
    </div>
  );
}

/** "Olive Owner" → "OO"; a single name gives its first letter. */
function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((word) => word[0] ?? "")
    .join("");
  return (letters.length > 2 ? letters[0]! + letters.at(-1)! : letters).toUpperCase() || "?";
}
