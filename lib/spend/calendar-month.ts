// Spend is counted per calendar month in UTC: caps reset at 00:00 UTC on the 1st, and the
// ledger's monthly totals use the same boundaries.

export type CalendarMonth = {
  /** "2025-11" */
  key: string;
  /** "November 2025" */
  name: string;
  /** The first instant of the month (inclusive). */
  start: Date;
  /** The first instant of the next month (exclusive). */
  end: Date;
};

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The UTC calendar month `date` falls in. */
export function calendarMonthOf(date: Date): CalendarMonth {
  return monthStarting(date.getUTCFullYear(), date.getUTCMonth());
}

/** The month a "YYYY-MM" key names, or null when it names none. */
export function parseMonthKey(key: string): CalendarMonth | null {
  const match = MONTH_KEY.exec(key);
  return match ? monthStarting(Number(match[1]), Number(match[2]) - 1) : null;
}

function monthStarting(year: number, monthIndex: number): CalendarMonth {
  const start = new Date(Date.UTC(year, monthIndex, 1));
  return {
    key: `${year}-${String(monthIndex + 1).padStart(2, "0")}`,
    name: start.toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" }),
    start,
    end: new Date(Date.UTC(year, monthIndex + 1, 1)),
  };
}
