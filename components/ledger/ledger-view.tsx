"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { UsdAmount } from "@/components/money/usd-amount";
import { Panel } from "@/components/team/panel";
import type { Ledger } from "@/lib/api/ledger/list-ledger";
import { EntriesTable } from "./entries-table";
import { exportUrl, fetchLedger, ledgerKey, monthName } from "./ledger-api";
import { TotalsTable } from "./totals-table";

/** Every charge and refund: totals per member, model and month, the latest charges, and the CSV. */
export function LedgerView({ initialLedger }: { initialLedger: Ledger }) {
  const [month, setMonth] = useState("");
  const ledger = useQuery({
    queryKey: ledgerKey(month),
    queryFn: ({ signal }) => fetchLedger(month, signal),
    initialData: month === "" ? initialLedger : undefined,
    placeholderData: keepPreviousData,
  });
  const data = ledger.data ?? initialLedger;
  const { total } = data;
  const period = month ? `in ${monthName(month)}` : "in total";

  return (
    <>
      <Panel
        id="spend"
        title="Spend"
        intro="Each generation is charged its quote when it is submitted, and refunded in full if it fails (Venice refunds failed jobs). A model that holds a price for the longest track it may make (Seed Audio) is settled on the real length once the track is made: the rest of the hold shows as refunded. Amounts are to the cent, rounded up; point at one for its exact figure, to the micro-dollar Venice prices in, as the CSV has them."
      >
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="ledger-month" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Month (UTC)
            </label>
            <select
              id="ledger-month"
              value={month}
              onChange={(event) => setMonth(event.target.value)}
              className="h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900"
            >
              <option value="">All months</option>
              {data.months.map((row) => (
                <option key={row.month} value={row.month}>
                  {monthName(row.month)}
                </option>
              ))}
            </select>
          </div>
          <a
            href={exportUrl(month)}
            download
            className="inline-flex h-10 items-center rounded-lg border border-zinc-300 bg-white px-4 text-sm font-medium shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Export CSV
          </a>
        </div>

        <dl aria-busy={ledger.isFetching} className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="ledger-summary">
          {[
            { key: "net", label: "Net spend", value: <UsdAmount usd={total.netUsd} /> },
            { key: "charged", label: "Charged", value: <UsdAmount usd={total.quotedUsd} /> },
            { key: "refunded", label: "Refunded", value: <UsdAmount usd={total.refundedUsd} /> },
            { key: "count", label: "Charges", value: String(total.entries) },
          ].map(({ key, label, value }) => (
            <div key={key} className="rounded-xl bg-zinc-100 px-3 py-2.5 dark:bg-zinc-800/60">
              <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
              <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid={`ledger-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <p className="sr-only" role="status">
          {ledger.isFetching ? "Loading…" : `Showing spend ${period}.`}
        </p>

        {total.entries === 0 ? (
          <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
            No charges {period} yet. Every generation submitted in the studio is charged here.
          </p>
        ) : (
          <div className="mt-6 grid gap-6 md:grid-cols-3">
            <TotalsTable
              id="by-member"
              title="By member"
              rows={data.members.map((row) => ({ key: row.memberId, label: row.name, detail: row.email, totals: row }))}
            />
            <TotalsTable id="by-model" title="By model" rows={data.models.map((row) => ({ key: row.model, label: row.modelName, totals: row }))} />
            <TotalsTable
              id="by-month"
              title="By month"
              rows={data.months.map((row) => ({ key: row.month, label: monthName(row.month), totals: row }))}
            />
          </div>
        )}
      </Panel>

      {data.entries.length > 0 ? (
        <Panel
          id="charges"
          title="Charges"
          intro={
            total.entries > data.entries.length
              ? `The latest ${data.entries.length} of ${total.entries} charges ${period}, newest first. Export CSV for all of them.`
              : `Every charge ${period}, newest first.`
          }
        >
          <EntriesTable entries={data.entries} />
        </Panel>
      ) : null}
    </>
  );
}
