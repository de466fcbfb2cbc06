-- Issue 22: works (công trình), their links to reports, the supervision board's inspections.
-- New tables only; Complaint gains no column (WorkComplaint holds the link).
-- CreateTable
CREATE TABLE "Work" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "village" TEXT,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "totalInvestment" BIGINT NOT NULL,
    "fundCity" BIGINT NOT NULL DEFAULT 0,
    "fundCommune" BIGINT NOT NULL DEFAULT 0,
    "fundResidents" BIGINT NOT NULL DEFAULT 0,
    "fundBusinesses" BIGINT NOT NULL DEFAULT 0,
    "landDonatedM2" INTEGER NOT NULL DEFAULT 0,
    "contractor" TEXT,
    "contractorUnitId" INTEGER,
    "supervisor" TEXT,
    "approvedOn" DATETIME,
    "startedOn" DATETIME,
    "completedOn" DATETIME,
    "handedOverOn" DATETIME,
    "warrantyMonths" INTEGER NOT NULL DEFAULT 12,
    "disbursed" BIGINT NOT NULL DEFAULT 0,
    "disbursedOn" DATETIME,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "geometry" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Work_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Work_contractorUnitId_fkey" FOREIGN KEY ("contractorUnitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkComplaint" (
    "complaintId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workId" INTEGER NOT NULL,
    "fromInspectionId" INTEGER,
    CONSTRAINT "WorkComplaint_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkComplaint_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkInspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workId" INTEGER NOT NULL,
    "inspectedOn" DATETIME NOT NULL,
    "inspectors" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "WorkInspection_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommuneHouseholds" (
    "communeId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "households" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "CommuneHouseholds_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Work_communeId_category_idx" ON "Work"("communeId", "category");

-- CreateIndex
CREATE INDEX "Work_contractorUnitId_idx" ON "Work"("contractorUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Work_communeId_code_key" ON "Work"("communeId", "code");

-- CreateIndex
CREATE INDEX "WorkComplaint_workId_idx" ON "WorkComplaint"("workId");

-- CreateIndex
CREATE INDEX "WorkInspection_workId_inspectedOn_idx" ON "WorkInspection"("workId", "inspectedOn");


-- Works figures are cached per process like the dashboard (decision 031, 038): a 'works' version
-- bumped by triggers on the works, their inspections and their links to reports.
INSERT INTO "CacheVersion" ("scope", "version") VALUES ('works', 0);

CREATE TRIGGER "Work_version_insert" AFTER INSERT ON "Work" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "Work_version_update" AFTER UPDATE ON "Work" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "Work_version_delete" AFTER DELETE ON "Work" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "WorkInspection_version_insert" AFTER INSERT ON "WorkInspection" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "WorkInspection_version_update" AFTER UPDATE ON "WorkInspection" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "WorkInspection_version_delete" AFTER DELETE ON "WorkInspection" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "WorkComplaint_version_insert" AFTER INSERT ON "WorkComplaint" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "WorkComplaint_version_update" AFTER UPDATE ON "WorkComplaint" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "WorkComplaint_version_delete" AFTER DELETE ON "WorkComplaint" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;
