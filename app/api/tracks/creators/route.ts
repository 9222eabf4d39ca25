import { route } from "@/lib/api/route";
import { listCreators } from "@/lib/api/tracks/list-creators";

export const dynamic = "force-dynamic";

/** `{ creators: [{id, name}] }`: everyone with something in the library, for its creator filter. */
export const GET = route(({ member }) => listCreators(member));
