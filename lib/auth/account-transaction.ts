import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

// better-auth creates an account (user, credential, session) in one Prisma transaction, but
// its adapter does not hand that transaction to the database hooks. The studio's own writes
// for a new account (claiming the invite or the ownership: sign-up-policy.ts) must commit or
// roll back with it, or a failed sign-up would use up its invite; so the client given to the
// adapter remembers each transaction it opens, for the code running inside it.
const current = new AsyncLocalStorage<Prisma.TransactionClient>();

type TransactionCallback = (tx: Prisma.TransactionClient) => Promise<unknown>;

/** `prisma`, for better-auth's adapter: each interactive transaction it opens is made current. */
export function rememberingTransactions(prisma: PrismaClient): PrismaClient {
  const transaction = (work: TransactionCallback | Prisma.PrismaPromise<unknown>[], options?: object) =>
    typeof work === "function"
      ? prisma.$transaction((tx) => current.run(tx, () => work(tx)), options)
      : prisma.$transaction(work, options);
  return new Proxy(prisma, {
    get(target, property) {
      if (property === "$transaction") return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The transaction better-auth is creating an account in; throws outside one. */
export function accountTransaction(): Prisma.TransactionClient {
  const tx = current.getStore();
  if (!tx) throw new Error("an account is being created outside better-auth's transaction");
  return tx;
}
