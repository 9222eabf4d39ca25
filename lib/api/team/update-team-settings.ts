import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";

export const teamSettingsSchema = z.strictObject({
  openSignUp: z.boolean({ error: "Open sign-up must be true or false." }),
});

export type TeamSettings = z.output<typeof teamSettingsSchema>;

/** Opens sign-up to anyone who can reach the studio (as members), or back to invite-only. */
export async function updateTeamSettings({ openSignUp }: TeamSettings): Promise<TeamSettings> {
  const prisma = await db();
  const settings = await prisma.studioSettings.update({ where: { id: 1 }, data: { openSignUp }, select: { openSignUp: true } });
  return { openSignUp: settings.openSignUp };
}
