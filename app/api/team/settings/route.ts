import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { teamSettingsSchema, updateTeamSettings } from "@/lib/api/team/update-team-settings";
import { studioSettings } from "@/lib/auth/studio-settings";

export const dynamic = "force-dynamic";

/** `{openSignUp}`: whether anyone may sign up, or only people with an invite link. */
export const GET = route(async () => {
  const { openSignUp } = await studioSettings();
  return { openSignUp };
});

/** `{openSignUp: boolean}`: the owner's choice alone. */
export const PATCH = route({ role: "owner" }, async ({ request }) => updateTeamSettings(await parseJsonBody(request, teamSettingsSchema)));
