import Link from "next/link";
import { OwnSpendSummary } from "@/components/spend/own-spend-summary";
import { Panel } from "@/components/team/panel";
import type { CapSetter } from "@/lib/api/spend/list-cap-setters";
import type { OwnSpend } from "@/lib/api/spend/get-own-spend";

/** "Olive (owner), Ada and Bo": who can raise a cap, as a sentence names them. */
function namesOf(setters: readonly CapSetter[]): string {
  const names = setters.map(({ name, role }) => (role === "owner" ? `${name} (owner)` : name));
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** What /ledger shows a member: whose page it is, their own month, and who to ask about a cap. */
export function MemberLedgerNote({ spend, setters }: { spend: OwnSpend; setters: readonly CapSetter[] }) {
  return (
    <>
      <Panel
        id="ledger-for-admins"
        title="The ledger is for admins"
        intro="It lists every charge of the whole team, so only the studio's owner and admins see it. Your own spend is below."
      >
        <OwnSpendSummary spend={spend} />
      </Panel>
      <Panel id="ask-about-caps" title="Need a higher cap?">
        <p className="text-sm" data-testid="cap-setters">
          {setters.length > 0 ? `Ask ${namesOf(setters)}: they set monthly caps and see the ledger.` : "Ask the studio's owner: they set monthly caps."}
        </p>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Your spend and cap are also on your{" "}
          <Link href="/account" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-400">
            account page
          </Link>
          , and beside the price when you create.
        </p>
      </Panel>
    </>
  );
}
