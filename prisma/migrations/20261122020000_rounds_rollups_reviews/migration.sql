-- CreateTable
CREATE TABLE "ScoreRollup" (
    "communeId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "noOpinion" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("communeId", "criterionId", "period", "channel"),
    CONSTRAINT "ScoreRollup_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "levelId" INTEGER,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SurveyRound_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "RecognitionLevel" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundCommune" (
    "roundId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,

    PRIMARY KEY ("roundId", "communeId"),
    CONSTRAINT "RoundCommune_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundCommune_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RecognitionLevel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "thresholdShare" REAL NOT NULL DEFAULT 0.9,
    "minSample" INTEGER NOT NULL DEFAULT 30,
    "coverageShare" REAL NOT NULL DEFAULT 0.7
);
INSERT INTO "new_RecognitionLevel" ("id", "key", "minSample", "nameEn", "nameVi", "period", "rank", "thresholdShare") SELECT "id", "key", "minSample", "nameEn", "nameVi", "period", "rank", "thresholdShare" FROM "RecognitionLevel";
DROP TABLE "RecognitionLevel";
ALTER TABLE "new_RecognitionLevel" RENAME TO "RecognitionLevel";
CREATE UNIQUE INDEX "RecognitionLevel_key_key" ON "RecognitionLevel"("key");
CREATE TABLE "new_Response" (
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
    "roundId" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Response_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Response_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Response" ("channel", "comment", "communeId", "createdAt", "id", "ipHash", "isDemo", "period", "submissionId", "village", "voterHash") SELECT "channel", "comment", "communeId", "createdAt", "id", "ipHash", "isDemo", "period", "submissionId", "village", "voterHash" FROM "Response";
DROP TABLE "Response";
ALTER TABLE "new_Response" RENAME TO "Response";
CREATE UNIQUE INDEX "Response_submissionId_key" ON "Response"("submissionId");
CREATE INDEX "Response_communeId_period_idx" ON "Response"("communeId", "period");
CREATE INDEX "Response_roundId_communeId_idx" ON "Response"("roundId", "communeId");
CREATE INDEX "Response_communeId_createdAt_idx" ON "Response"("communeId", "createdAt");
CREATE UNIQUE INDEX "Response_communeId_period_voterHash_key" ON "Response"("communeId", "period", "voterHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ScoreRollup_period_idx" ON "ScoreRollup"("period");

-- CreateIndex
CREATE INDEX "SurveyRound_startsAt_endsAt_idx" ON "SurveyRound"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "RoundCommune_communeId_idx" ON "RoundCommune"("communeId");

-- CreateIndex
CREATE INDEX "Review_communeId_createdAt_idx" ON "Review"("communeId", "createdAt");


-- Score rollups are kept by triggers, so they change in the same transaction as the answers and
-- no code path can forget them. Ratings are never updated; an answer is removed only by deleting
-- its response, which takes its ratings' counts off first.
CREATE TRIGGER "Rating_rollup_insert" AFTER INSERT ON "Rating" BEGIN
  INSERT INTO "ScoreRollup" ("communeId", "criterionId", "period", "channel", "satisfied", "answered", "noOpinion")
  SELECT r."communeId", NEW."criterionId", r."period", r."channel",
         CASE WHEN NEW."score" >= 4 THEN 1 ELSE 0 END,
         CASE WHEN NEW."score" IS NOT NULL THEN 1 ELSE 0 END,
         CASE WHEN NEW."score" IS NULL THEN 1 ELSE 0 END
  FROM "Response" r WHERE r."id" = NEW."responseId"
  ON CONFLICT ("communeId", "criterionId", "period", "channel") DO UPDATE SET
    "satisfied" = "satisfied" + excluded."satisfied",
    "answered" = "answered" + excluded."answered",
    "noOpinion" = "noOpinion" + excluded."noOpinion";
END;

CREATE TRIGGER "Response_rollup_delete" BEFORE DELETE ON "Response" BEGIN
  UPDATE "ScoreRollup" SET
    "satisfied" = "satisfied" - (SELECT count(*) FROM "Rating" rt WHERE rt."responseId" = OLD."id" AND rt."criterionId" = "ScoreRollup"."criterionId" AND rt."score" >= 4),
    "answered" = "answered" - (SELECT count(*) FROM "Rating" rt WHERE rt."responseId" = OLD."id" AND rt."criterionId" = "ScoreRollup"."criterionId" AND rt."score" IS NOT NULL),
    "noOpinion" = "noOpinion" - (SELECT count(*) FROM "Rating" rt WHERE rt."responseId" = OLD."id" AND rt."criterionId" = "ScoreRollup"."criterionId" AND rt."score" IS NULL)
  WHERE "communeId" = OLD."communeId" AND "period" = OLD."period" AND "channel" = OLD."channel"
    AND "criterionId" IN (SELECT "criterionId" FROM "Rating" WHERE "responseId" = OLD."id");
END;

-- Existing answers
INSERT INTO "ScoreRollup" ("communeId", "criterionId", "period", "channel", "satisfied", "answered", "noOpinion")
SELECT r."communeId", rt."criterionId", r."period", r."channel",
       SUM(CASE WHEN rt."score" >= 4 THEN 1 ELSE 0 END),
       SUM(CASE WHEN rt."score" IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN rt."score" IS NULL THEN 1 ELSE 0 END)
FROM "Rating" rt JOIN "Response" r ON r."id" = rt."responseId"
GROUP BY r."communeId", rt."criterionId", r."period", r."channel";
