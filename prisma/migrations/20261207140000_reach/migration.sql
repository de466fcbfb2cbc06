-- CreateTable
CREATE TABLE "ComplaintIntake" (
    "complaintId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "enteredById" INTEGER,
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "scanFileName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComplaintIntake_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FixCheck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "resolvedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "askedAt" DATETIME,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "body" TEXT,
    "photoFileName" TEXT,
    CONSTRAINT "FixCheck_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AreaNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" DATETIME NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "ComplaintIntake_channel_idx" ON "ComplaintIntake"("channel");

-- CreateIndex
CREATE UNIQUE INDEX "FixCheck_token_key" ON "FixCheck"("token");

-- CreateIndex
CREATE INDEX "FixCheck_dueAt_askedAt_idx" ON "FixCheck"("dueAt", "askedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FixCheck_complaintId_resolvedAt_key" ON "FixCheck"("complaintId", "resolvedAt");

-- CreateIndex
CREATE INDEX "AreaNotice_communeId_endsAt_idx" ON "AreaNotice"("communeId", "endsAt");

