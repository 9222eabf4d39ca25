const TAKES = [1, 2, 3, 4];

/** How many takes of the same draft to make, as a small radio group. */
export function TakesPicker({ takes, onChange }: { takes: number; onChange: (takes: number) => void }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Takes</legend>
      <div className="mt-1.5 inline-flex rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700">
        {TAKES.map((count) => (
          <label
            key={count}
            className="cursor-pointer rounded-md px-3 py-1 text-sm has-checked:bg-accent-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-accent-500"
          >
            <input type="radio" name="takes" value={count} checked={takes === count} onChange={() => onChange(count)} className="sr-only" />
            {count}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
