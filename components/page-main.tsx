import type { ReactNode } from "react";

/**
 * A page's main content: the skip link's target (id "main"), focusable from it (tabIndex -1),
 * so "Skip to content" moves the keyboard past the header.
 */
export function PageMain({ className, children }: { className: string; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className={className}>
      {children}
    </main>
  );
}
