-- CreateTable
CREATE TABLE "BallotBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "village" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "seed" TEXT,
    "sealedAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "BallotBatch_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BallotBatch_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotCode" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" INTEGER NOT NULL,
    "roundId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "serial" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedOn" TEXT,
    CONSTRAINT "BallotCode_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "BallotBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BallotCode_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "roundId" INTEGER,
    "communeId" INTEGER,
    "detail" TEXT,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- New columns added in place (no table rebuild: the Rating/Response triggers and other
-- branches' columns stay untouched). Equivalent to what `prisma migrate diff` would rebuild.
ALTER TABLE "Response" ADD COLUMN "verified" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "SurveyRound" ADD COLUMN "codesRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "BallotBatch_communeId_idx" ON "BallotBatch"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotBatch_roundId_communeId_village_key" ON "BallotBatch"("roundId", "communeId", "village");

-- CreateIndex
CREATE UNIQUE INDEX "BallotBatch_roundId_communeId_number_key" ON "BallotBatch"("roundId", "communeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "BallotCode_serial_key" ON "BallotCode"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "BallotCode_codeHash_key" ON "BallotCode"("codeHash");

-- CreateIndex
CREATE INDEX "BallotCode_roundId_communeId_usedOn_idx" ON "BallotCode"("roundId", "communeId", "usedOn");

-- CreateIndex
CREATE INDEX "BallotCode_batchId_idx" ON "BallotCode"("batchId");

-- CreateIndex
CREATE INDEX "AuditEvent_roundId_createdAt_idx" ON "AuditEvent"("roundId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

