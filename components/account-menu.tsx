"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Who is signed in, and the way out. */
export function AccountMenu({ name }: { name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    await fetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="hidden max-w-40 truncate text-zinc-600 sm:inline dark:text-zinc-400" title={name}>
        {name}
      </span>
      <button
        type="button"
        onClick={signOut}
        disabled={pending}
        className="rounded-md px-2 py-1 font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Sign out
      </button>
    </div>
  );
}
