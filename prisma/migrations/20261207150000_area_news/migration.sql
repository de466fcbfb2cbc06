-- CreateTable
CREATE TABLE "AreaFollow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "village" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "noticeVersion" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmBy" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "newsSince" DATETIME
);

-- CreateTable
CREATE TABLE "NewsMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "followId" INTEGER,
    "userId" INTEGER,
    "kind" TEXT NOT NULL,
    "period" TEXT,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "stopUrl" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimId" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "NewsMessage_followId_fkey" FOREIGN KEY ("followId") REFERENCES "AreaFollow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (additive: new nullable or defaulted columns, no rebuild)
ALTER TABLE "Subscription" ADD COLUMN "confirmBy" DATETIME;
ALTER TABLE "Subscription" ADD COLUMN "confirmToken" TEXT;
ALTER TABLE "Subscription" ADD COLUMN "emailConfirmedAt" DATETIME;
ALTER TABLE "Subscription" ADD COLUMN "phoneCodeHash" TEXT;
ALTER TABLE "Subscription" ADD COLUMN "phoneCodeTries" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Subscription" ADD COLUMN "phoneConfirmedAt" DATETIME;
CREATE UNIQUE INDEX "Subscription_confirmToken_key" ON "Subscription"("confirmToken");

-- CreateIndex
CREATE UNIQUE INDEX "AreaFollow_token_key" ON "AreaFollow"("token");

-- CreateIndex
CREATE INDEX "AreaFollow_confirmedAt_idx" ON "AreaFollow"("confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AreaFollow_communeId_village_email_key" ON "AreaFollow"("communeId", "village", "email");

-- CreateIndex
CREATE INDEX "NewsMessage_status_nextAttemptAt_idx" ON "NewsMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NewsMessage_claimId_idx" ON "NewsMessage"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "NewsMessage_followId_kind_period_key" ON "NewsMessage"("followId", "kind", "period");

-- CreateIndex
CREATE UNIQUE INDEX "NewsMessage_userId_kind_period_key" ON "NewsMessage"("userId", "kind", "period");

