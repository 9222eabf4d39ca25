-- Takes, keepers, each member's favourites and measured loudness (issue 14).

-- A track's batch and take number, from its generation, so the library groups takes without a join.
ALTER TABLE "Track" ADD COLUMN "batchId" UUID,
ADD COLUMN "takeIndex" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "keptAt" TIMESTAMP(3),
ADD COLUMN "loudnessLufs" DOUBLE PRECISION;
UPDATE "Track" SET "batchId" = g."batchId", "takeIndex" = g."takeIndex" FROM "Generation" g WHERE g.id = "Track"."generationId";
ALTER TABLE "Track" ALTER COLUMN "batchId" SET NOT NULL;
CREATE INDEX "Track_batchId_takeIndex_idx" ON "Track"("batchId", "takeIndex");

-- The lyrics beside the prompt, searched by the library through a trigram index like it.
ALTER TABLE "Track" ADD COLUMN "lyrics" TEXT;
UPDATE "Track" SET lyrics = NULLIF(g.request->>'lyrics_prompt', '') FROM "Generation" g WHERE g.id = "Track"."generationId";
CREATE INDEX "Track_lyrics_trgm_idx" ON "Track" USING GIN ("lyrics" gin_trgm_ops);

-- Favourites become each member's own: a track favourited under the shared flag stays a
-- favourite of its creator (when the creator is still a member).
CREATE TABLE "Favorite" (
    "memberId" TEXT NOT NULL,
    "trackId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Favorite_pkey" PRIMARY KEY ("memberId","trackId")
);
CREATE INDEX "Favorite_trackId_idx" ON "Favorite"("trackId");
ALTER TABLE "Favorite" ADD CONSTRAINT "Favorite_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Favorite" ADD CONSTRAINT "Favorite_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "Favorite" ("memberId", "trackId", "createdAt")
SELECT t."creatorId", t.id, t."createdAt" FROM "Track" t JOIN "user" u ON u.id = t."creatorId" WHERE t.favorite;

DROP INDEX "Track_favorite_createdAt_idx";
ALTER TABLE "Track" DROP COLUMN "favorite";

-- Titles were the prompt cut at 60 characters with a literal "…"; the page truncates them now.
UPDATE "Track" SET title = rtrim(title, '…') WHERE title LIKE '%…';
UPDATE "Generation" SET title = rtrim(title, '…') WHERE title LIKE '%…';
