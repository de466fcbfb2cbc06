-- AlterTable
ALTER TABLE "SurveyRound" ADD COLUMN "approvedAt" DATETIME;
ALTER TABLE "SurveyRound" ADD COLUMN "approvedById" INTEGER;

-- CreateTable
CREATE TABLE "RecheckOutcomeChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "previous" TEXT,
    "reason" TEXT,
    "actorId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecheckOutcomeChange_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RecheckItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HouseholdRegister" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "sourceDate" DATETIME NOT NULL,
    "importedById" INTEGER,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "RegisterEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "registerId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "village" TEXT NOT NULL,
    "households" INTEGER NOT NULL,
    CONSTRAINT "RegisterEntry_registerId_fkey" FOREIGN KEY ("registerId") REFERENCES "HouseholdRegister" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegisterEntry_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RecheckOutcomeChange_itemId_createdAt_idx" ON "RecheckOutcomeChange"("itemId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdRegister_version_key" ON "HouseholdRegister"("version");

-- CreateIndex
CREATE INDEX "RegisterEntry_communeId_idx" ON "RegisterEntry"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterEntry_registerId_communeId_village_key" ON "RegisterEntry"("registerId", "communeId", "village");

-- Rounds opened before approvals existed were opened under the old rules: they stay open.
UPDATE "SurveyRound" SET "approvedAt" = "createdAt" WHERE "approvedAt" IS NULL;

-- Re-check outcomes are append-only (decision 036): a change is a new row with a reason.
CREATE TRIGGER "RecheckOutcomeChange_append_only"
BEFORE UPDATE ON "RecheckOutcomeChange"
BEGIN
  SELECT RAISE(ABORT, 'RecheckOutcomeChange is append-only');
END;
