-- CreateTable
CREATE TABLE "Commune" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "formerUnit" TEXT NOT NULL,
    "searchKey" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionVi" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "isOverall" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "RecognitionLevel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "thresholdShare" REAL NOT NULL DEFAULT 0.9,
    "minSample" INTEGER NOT NULL DEFAULT 30
);

-- CreateTable
CREATE TABLE "Recognition" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "levelId" INTEGER NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decidedOn" DATETIME NOT NULL,
    "revokedOn" DATETIME,
    "revokedReason" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Recognition_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Recognition_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "RecognitionLevel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Response" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "period" TEXT NOT NULL,
    "village" TEXT,
    "comment" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'online',
    "voterHash" TEXT,
    "ipHash" TEXT,
    "submissionId" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Response_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rating" (
    "responseId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "score" INTEGER,

    PRIMARY KEY ("responseId", "criterionId"),
    CONSTRAINT "Rating_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rating_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Commune_slug_key" ON "Commune"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_key_key" ON "Criterion"("key");

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionLevel_key_key" ON "RecognitionLevel"("key");

-- CreateIndex
CREATE INDEX "Recognition_communeId_decidedOn_idx" ON "Recognition"("communeId", "decidedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Response_submissionId_key" ON "Response"("submissionId");

-- CreateIndex
CREATE INDEX "Response_communeId_period_idx" ON "Response"("communeId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Response_communeId_period_voterHash_key" ON "Response"("communeId", "period", "voterHash");

-- CreateIndex
CREATE INDEX "Rating_criterionId_idx" ON "Rating"("criterionId");

