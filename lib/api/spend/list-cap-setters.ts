import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/member";

export type CapSetter = { name: string; role: Extract<Role, "owner" | "admin"> };

/** Who can raise a member's monthly cap: the owner first, then the admins, by name. */
export async function listCapSetters(): Promise<CapSetter[]> {
  const people = await (await db()).user.findMany({
    where: { role: { in: ["owner", "admin"] } },
    select: { name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return people
    .map(({ name, role }) => ({ name, role: role === "owner" ? "owner" : "admin" }) as const)
    .sort((a, b) => Number(b.role === "owner") - Number(a.role === "owner"));
}
