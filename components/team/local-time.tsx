const FORMATS = {
  date: new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }),
  dateTime: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }),
};

/**
 * A date in the reader's own time zone and language. The server renders it first in its own,
 * so the browser's differing text is expected, not a hydration error.
 */
export function LocalTime({ iso, format = "date" }: { iso: string; format?: keyof typeof FORMATS }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {FORMATS[format].format(new Date(iso))}
    </time>
  );
}
