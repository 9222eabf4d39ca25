-- DropIndex
DROP INDEX "ShareLink_trackId_idx";

-- AlterTable
ALTER TABLE "Track" ADD COLUMN     "deletedById" TEXT;

-- CreateIndex
CREATE INDEX "ShareLink_trackId_createdAt_idx" ON "ShareLink"("trackId", "createdAt");


-- Share links of members removed before removal revoked them (lib/api/team/remove-member.ts)
-- would otherwise stay public for good.
UPDATE "ShareLink" SET "revokedAt" = CURRENT_TIMESTAMP
WHERE "revokedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "user" WHERE "user".id = "ShareLink"."createdById");
