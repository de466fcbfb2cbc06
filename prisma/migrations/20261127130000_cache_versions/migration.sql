-- Versions of what the app caches in memory (reference data, score rollups, complaint counts).
-- Every process reads this three-row table once per request and drops its cached copy when a
-- version moved, so a change made by any process (another cluster worker, the seed, an
-- administrator's form) is seen by the next request everywhere. Triggers bump the versions in the
-- same transaction as the change, so no code path can forget it. See docs/decisions/016-read-path.md.
-- Kept out of schema.prisma like the rollup triggers: read with $queryRaw only.
CREATE TABLE "CacheVersion" (
    "scope" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "CacheVersion" ("scope", "version") VALUES ('reference', 0), ('answers', 0), ('complaints', 0);

CREATE TRIGGER "Commune_version_insert" AFTER INSERT ON "Commune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Commune_version_update" AFTER UPDATE ON "Commune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Commune_version_delete" AFTER DELETE ON "Commune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Criterion_version_insert" AFTER INSERT ON "Criterion" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Criterion_version_update" AFTER UPDATE ON "Criterion" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Criterion_version_delete" AFTER DELETE ON "Criterion" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Setting_version_insert" AFTER INSERT ON "Setting" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Setting_version_update" AFTER UPDATE ON "Setting" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Setting_version_delete" AFTER DELETE ON "Setting" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "RecognitionLevel_version_insert" AFTER INSERT ON "RecognitionLevel" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "RecognitionLevel_version_update" AFTER UPDATE ON "RecognitionLevel" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "RecognitionLevel_version_delete" AFTER DELETE ON "RecognitionLevel" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Recognition_version_insert" AFTER INSERT ON "Recognition" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Recognition_version_update" AFTER UPDATE ON "Recognition" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Recognition_version_delete" AFTER DELETE ON "Recognition" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "SurveyRound_version_insert" AFTER INSERT ON "SurveyRound" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "SurveyRound_version_update" AFTER UPDATE ON "SurveyRound" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "SurveyRound_version_delete" AFTER DELETE ON "SurveyRound" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "RoundCommune_version_insert" AFTER INSERT ON "RoundCommune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "RoundCommune_version_update" AFTER UPDATE ON "RoundCommune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "RoundCommune_version_delete" AFTER DELETE ON "RoundCommune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'reference';
END;

CREATE TRIGGER "Response_version_insert" AFTER INSERT ON "Response" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'answers';
END;

CREATE TRIGGER "Response_version_update" AFTER UPDATE ON "Response" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'answers';
END;

CREATE TRIGGER "Response_version_delete" AFTER DELETE ON "Response" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'answers';
END;

CREATE TRIGGER "Complaint_version_insert" AFTER INSERT ON "Complaint" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "Complaint_version_update" AFTER UPDATE ON "Complaint" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "Complaint_version_delete" AFTER DELETE ON "Complaint" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "ComplaintEvent_version_insert" AFTER INSERT ON "ComplaintEvent" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "ComplaintEvent_version_update" AFTER UPDATE ON "ComplaintEvent" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "ComplaintEvent_version_delete" AFTER DELETE ON "ComplaintEvent" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "ComplaintPhoto_version_insert" AFTER INSERT ON "ComplaintPhoto" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "ComplaintPhoto_version_update" AFTER UPDATE ON "ComplaintPhoto" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "ComplaintPhoto_version_delete" AFTER DELETE ON "ComplaintPhoto" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;
