-- Enum-like TEXT columns become Prisma enums (prisma/schema.prisma). SQLite has no enum type,
-- so Prisma generates no DDL: the columns stay TEXT and no table is rebuilt (the score-rollup
-- triggers on Response and Rating are untouched). This migration
--  1. refuses to run if an existing row holds a value outside its enum (the temporary table's
--     CHECK fails and the migration stops, changing nothing), and
--  2. adds BEFORE INSERT/UPDATE triggers so that the database itself refuses an unknown value
--     written by raw SQL (Prisma already refuses it in the application).
--     Only for values fixed by the programme and the law (commune kind and region, answer
--     channel, round purpose, review verdict). Roles, complaint statuses, categories and event
--     kinds get no trigger on purpose: features in progress add values to them, and adding a value
--     must stay one line in the schema (decision 010). ScoreRollup.channel is written only by the
--     rollup triggers, copying Response.channel.

CREATE TEMP TABLE "_enum_check" ("invalidRows" INTEGER NOT NULL CHECK ("invalidRows" = 0));
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "Commune" WHERE "kind" NOT IN ('xa', 'phuong', 'dac_khu');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "Commune" WHERE "region" NOT IN ('east', 'west');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "Response" WHERE "channel" NOT IN ('online', 'paper');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "ScoreRollup" WHERE "channel" NOT IN ('online', 'paper');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "SurveyRound" WHERE "purpose" NOT IN ('routine', 'pre_recognition');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "Review" WHERE "verdict" NOT IN ('recommend', 'defer', 'not_ready');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "User" WHERE "role" NOT IN ('official', 'council', 'admin');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "Complaint" WHERE "status" NOT IN ('new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'reopened');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "Complaint" WHERE "category" NOT IN ('roads', 'environment', 'water', 'security', 'other');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "ComplaintEvent" WHERE "kind" NOT IN ('filed', 'status', 'reply', 'note', 'photo_approved', 'photo_hidden', 'redacted', 'rated', 'reopened');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "ComplaintEvent" WHERE "fromStatus" NOT IN ('new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'reopened');
INSERT INTO "_enum_check" SELECT COUNT(*) FROM "ComplaintEvent" WHERE "toStatus" NOT IN ('new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'reopened');
DROP TABLE "_enum_check";

CREATE TRIGGER "Commune_kind_enum_insert" BEFORE INSERT ON "Commune"
WHEN NEW."kind" NOT IN ('xa', 'phuong', 'dac_khu')
BEGIN SELECT RAISE(ABORT, 'Commune.kind: not a CommuneKind'); END;

CREATE TRIGGER "Commune_kind_enum_update" BEFORE UPDATE OF "kind" ON "Commune"
WHEN NEW."kind" NOT IN ('xa', 'phuong', 'dac_khu')
BEGIN SELECT RAISE(ABORT, 'Commune.kind: not a CommuneKind'); END;

CREATE TRIGGER "Commune_region_enum_insert" BEFORE INSERT ON "Commune"
WHEN NEW."region" NOT IN ('east', 'west')
BEGIN SELECT RAISE(ABORT, 'Commune.region: not a Region'); END;

CREATE TRIGGER "Commune_region_enum_update" BEFORE UPDATE OF "region" ON "Commune"
WHEN NEW."region" NOT IN ('east', 'west')
BEGIN SELECT RAISE(ABORT, 'Commune.region: not a Region'); END;

CREATE TRIGGER "Response_channel_enum_insert" BEFORE INSERT ON "Response"
WHEN NEW."channel" NOT IN ('online', 'paper')
BEGIN SELECT RAISE(ABORT, 'Response.channel: not a ResponseChannel'); END;

CREATE TRIGGER "Response_channel_enum_update" BEFORE UPDATE OF "channel" ON "Response"
WHEN NEW."channel" NOT IN ('online', 'paper')
BEGIN SELECT RAISE(ABORT, 'Response.channel: not a ResponseChannel'); END;

CREATE TRIGGER "SurveyRound_purpose_enum_insert" BEFORE INSERT ON "SurveyRound"
WHEN NEW."purpose" NOT IN ('routine', 'pre_recognition')
BEGIN SELECT RAISE(ABORT, 'SurveyRound.purpose: not a RoundPurpose'); END;

CREATE TRIGGER "SurveyRound_purpose_enum_update" BEFORE UPDATE OF "purpose" ON "SurveyRound"
WHEN NEW."purpose" NOT IN ('routine', 'pre_recognition')
BEGIN SELECT RAISE(ABORT, 'SurveyRound.purpose: not a RoundPurpose'); END;

CREATE TRIGGER "Review_verdict_enum_insert" BEFORE INSERT ON "Review"
WHEN NEW."verdict" NOT IN ('recommend', 'defer', 'not_ready')
BEGIN SELECT RAISE(ABORT, 'Review.verdict: not a ReviewVerdict'); END;

CREATE TRIGGER "Review_verdict_enum_update" BEFORE UPDATE OF "verdict" ON "Review"
WHEN NEW."verdict" NOT IN ('recommend', 'defer', 'not_ready')
BEGIN SELECT RAISE(ABORT, 'Review.verdict: not a ReviewVerdict'); END;
