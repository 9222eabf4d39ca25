// Next.js bundles instrumentation and each route separately, so a plain module-level
// variable can exist several times in one server process. State that must be one per
// process (the database, the demo simulator) lives on globalThis under a private symbol.
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`venice-studio.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
