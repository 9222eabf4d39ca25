import "server-only";
import type { CalendarMonth } from "@/lib/spend/calendar-month";
import { db } from "@/lib/db/client";
import type { LedgerEntry, Prisma } from "@/lib/db/generated/client";
import { exactUsd } from "@/lib/money";
import { modelNames } from "@/lib/api/tracks/model-names";
import { ledgerEntryDetails } from "./ledger-entry-details";
import { FORMER_MEMBER, ledgerMembers } from "./ledger-members";

// `model` is the id scripts match on; `model_name` and `title` are what people read (the title
// as it is now, after a rename). The amounts stay the last three columns.
const HEADER = ["date_utc", "member", "email", "model", "model_name", "generation_id", "title", "quoted_usd", "refunded_usd", "net_usd"];
const BATCH = 1_000;

/**
 * The ledger (of one UTC month, or all of it) as a CSV download, oldest charge first, one
 * line per charge, with the model's name and the track's current title beside their ids.
 * Amounts come straight from the Decimal columns, to the micro-dollar, so the net column sums
 * exactly to the quotes less the refunds. Streamed in batches, so a long ledger never sits in
 * memory whole.
 */
export async function exportLedgerCsv(month: CalendarMonth | undefined, now = new Date()): Promise<Response> {
  const prisma = await db();
  const where: Prisma.LedgerEntryWhereInput = month ? { createdAt: { gte: month.start, lt: month.end } } : {};
  const encoder = new TextEncoder();
  let after: Pick<LedgerEntry, "createdAt" | "id"> | undefined;
  let headerSent = false;
  let names: Map<string, string> | undefined;

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(HEADER)));
      }
      const entries = await prisma.ledgerEntry.findMany({
        where: after
          ? { AND: [where, { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }] }
          : where,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: BATCH,
      });
      const catalogNames = (names ??= await modelNames());
      const [members, generations] = await Promise.all([
        ledgerMembers(prisma, entries.map((entry) => entry.memberId)),
        ledgerEntryDetails(prisma, entries.map((entry) => entry.generationId)),
      ]);
      const lines = entries.map((entry) => {
        const member = members.get(entry.memberId) ?? FORMER_MEMBER;
        return csvLine([
          entry.createdAt.toISOString(),
          member.name,
          member.email,
          entry.model,
          catalogNames.get(entry.model) ?? entry.model,
          entry.generationId,
          generations.get(entry.generationId)?.title ?? "",
          exactUsd(entry.quotedUsd),
          exactUsd(entry.refundedUsd),
          exactUsd(entry.quotedUsd.minus(entry.refundedUsd)),
        ]);
      });
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.join("")));
      if (entries.length < BATCH) controller.close();
      else after = entries.at(-1);
    },
  });

  const filename = `venice-studio-ledger-${now.toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

/** One RFC 4180 line. Text that a spreadsheet would run as a formula is prefixed with ' (names are typed by members). */
function csvLine(fields: string[]): string {
  return `${fields.map((field) => csvField(/^[=+\-@\t\r]/.test(field) ? `'${field}` : field)).join(",")}\r\n`;
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
