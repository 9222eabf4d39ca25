-- Trigram indexes need pg_trgm (shipped with PostgreSQL's contrib, trusted since PG 13).
-- Prisma's diff does not emit extensions, so it is created here by hand.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Track_durationMs_id_idx" ON "Track"("durationMs", "id");

-- CreateIndex
CREATE INDEX "Track_title_trgm_idx" ON "Track" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Track_prompt_trgm_idx" ON "Track" USING GIN ("prompt" gin_trgm_ops);

