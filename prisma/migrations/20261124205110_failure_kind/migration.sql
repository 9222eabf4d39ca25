-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "failureKind" TEXT;

