-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "executionMs" INTEGER;

-- CreateTable
CREATE TABLE "VeniceRateBudget" (
    "name" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" TIMESTAMPTZ(3) NOT NULL,
    "pausedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "VeniceRateBudget_pkey" PRIMARY KEY ("name")
);

