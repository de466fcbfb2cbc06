-- AlterTable
ALTER TABLE "Response" ADD COLUMN "durationSeconds" INTEGER;

-- CreateTable
CREATE TABLE "AnswerExclusion" (
    "responseId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnswerExclusion_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recheck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "margin" REAL NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RecheckItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recheckId" INTEGER NOT NULL,
    "serial" TEXT NOT NULL,
    "village" TEXT NOT NULL,
    "outcome" TEXT,
    "updatedAt" DATETIME,
    CONSTRAINT "RecheckItem_recheckId_fkey" FOREIGN KEY ("recheckId") REFERENCES "Recheck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AnswerExclusion_roundId_communeId_idx" ON "AnswerExclusion"("roundId", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "Recheck_roundId_communeId_key" ON "Recheck"("roundId", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "RecheckItem_recheckId_serial_key" ON "RecheckItem"("recheckId", "serial");

