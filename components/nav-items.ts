import type { Role } from "@/lib/auth/member";

// Where the header leads each role. `primary` destinations stay in the header on a phone (as
// icons); the others move into the account menu there (below md). A member's own spend is on
// their account page, so the team's Ledger is in the nav of admins and the owner only.

export type NavItem = { href: string; label: string; primary: boolean };

const ITEMS: readonly (NavItem & { admin: boolean })[] = [
  { href: "/", label: "Create", primary: true, admin: false },
  { href: "/library", label: "Library", primary: true, admin: false },
  { href: "/team", label: "Team", primary: false, admin: true },
  { href: "/ledger", label: "Ledger", primary: false, admin: true },
];

/** The header's destinations for `role`, in order. */
export function navItems(role: Role): NavItem[] {
  return ITEMS.filter((item) => !item.admin || role !== "member").map(({ href, label, primary }) => ({ href, label, primary }));
}
