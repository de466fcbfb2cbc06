-- CreateTable
CREATE TABLE "CategoryPolicy" (
    "category" TEXT NOT NULL PRIMARY KEY,
    "defaultUrgency" TEXT NOT NULL DEFAULT 'normal',
    "acknowledgeAmount" INTEGER NOT NULL DEFAULT 8,
    "acknowledgeUnit" TEXT NOT NULL DEFAULT 'working_hours',
    "handleAmount" INTEGER NOT NULL DEFAULT 5,
    "handleUnit" TEXT NOT NULL DEFAULT 'working_days',
    "urgentHandleAmount" INTEGER NOT NULL DEFAULT 4,
    "urgentHandleUnit" TEXT NOT NULL DEFAULT 'working_hours'
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "UnitMember" (
    "userId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "unitId"),
    CONSTRAINT "UnitMember_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Forwarding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "note" TEXT NOT NULL,
    "returnReason" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "Forwarding_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Forwarding_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReplyTemplate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "category" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Supporter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voterHash" TEXT,
    "ipHash" TEXT,
    "fromComplaintId" INTEGER,
    CONSTRAINT "Supporter_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Complaint: new columns only (ALTER TABLE ADD COLUMN, no table rebuild, so columns other
-- branches add to Complaint are kept). Deadlines of existing rows are filled by the app
-- (ensureDeadlines in app/models/deadline.server.ts) because they need the working calendar.
ALTER TABLE "Complaint" ADD COLUMN "urgency" TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE "Complaint" ADD COLUMN "acknowledgeBy" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "handleBy" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "dueAt" DATETIME;
ALTER TABLE "Complaint" ADD COLUMN "mergedIntoId" INTEGER;
CREATE INDEX "Complaint_communeId_category_status_idx" ON "Complaint"("communeId", "category", "status");
CREATE INDEX "Complaint_dueAt_idx" ON "Complaint"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_slug_key" ON "Unit"("slug");

-- CreateIndex
CREATE INDEX "UnitMember_unitId_idx" ON "UnitMember"("unitId");

-- CreateIndex
CREATE INDEX "Forwarding_complaintId_createdAt_idx" ON "Forwarding"("complaintId", "createdAt");

-- CreateIndex
CREATE INDEX "Forwarding_unitId_status_idx" ON "Forwarding"("unitId", "status");

-- CreateIndex
CREATE INDEX "ReplyTemplate_category_idx" ON "ReplyTemplate"("category");

-- CreateIndex
CREATE INDEX "Supporter_complaintId_idx" ON "Supporter"("complaintId");

-- CreateIndex
CREATE UNIQUE INDEX "Supporter_complaintId_voterHash_key" ON "Supporter"("complaintId", "voterHash");

