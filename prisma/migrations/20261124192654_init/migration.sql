-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "GenerationStatus" AS ENUM ('pending', 'queued', 'processing', 'downloaded', 'completed', 'failed', 'expired', 'uncertain');

-- CreateTable
CREATE TABLE "Generation" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "takeIndex" INTEGER NOT NULL DEFAULT 0,
    "model" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "requestHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quotedUsd" DECIMAL(12,6) NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "queueId" TEXT,
    "status" "GenerationStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "queueSentAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),
    "expectedMs" INTEGER,
    "finishedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "retrieveCalls" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "suggestedPrompt" TEXT,
    "creatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Generation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Track" (
    "id" UUID NOT NULL,
    "generationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "peaks" JSONB NOT NULL,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "creatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Track_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Generation_idempotencyKey_key" ON "Generation"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Generation_queueId_key" ON "Generation"("queueId");

-- CreateIndex
CREATE INDEX "Generation_status_nextAttemptAt_idx" ON "Generation"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Generation_batchId_idx" ON "Generation"("batchId");

-- CreateIndex
CREATE INDEX "Generation_creatorId_createdAt_idx" ON "Generation"("creatorId", "createdAt");

-- CreateIndex
CREATE INDEX "Generation_model_createdAt_idx" ON "Generation"("model", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Track_generationId_key" ON "Track"("generationId");

-- CreateIndex
CREATE UNIQUE INDEX "Track_storageKey_key" ON "Track"("storageKey");

-- CreateIndex
CREATE INDEX "Track_createdAt_id_idx" ON "Track"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Track_creatorId_createdAt_idx" ON "Track"("creatorId", "createdAt");

-- CreateIndex
CREATE INDEX "Track_model_createdAt_idx" ON "Track"("model", "createdAt");

-- CreateIndex
CREATE INDEX "Track_favorite_createdAt_idx" ON "Track"("favorite", "createdAt");

-- CreateIndex
CREATE INDEX "Track_title_idx" ON "Track"("title");

-- AddForeignKey
ALTER TABLE "Track" ADD CONSTRAINT "Track_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

