-- Staff sessions are kept in memory like reference data (decision 031): the signed-in user of a
-- session is read once per change of any session, user or commune assignment, in any process.
-- Signing out, an administrator disabling an account or resetting a password deletes or changes
-- rows here, so the very next request in every process reads the session again: revocation stays
-- immediate.
INSERT INTO "CacheVersion" ("scope", "version") VALUES ('sessions', 0);

CREATE TRIGGER "Session_version_insert" AFTER INSERT ON "Session" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "Session_version_update" AFTER UPDATE ON "Session" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "Session_version_delete" AFTER DELETE ON "Session" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "User_version_insert" AFTER INSERT ON "User" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "User_version_update" AFTER UPDATE ON "User" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "User_version_delete" AFTER DELETE ON "User" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "UserCommune_version_insert" AFTER INSERT ON "UserCommune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "UserCommune_version_update" AFTER UPDATE ON "UserCommune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;

CREATE TRIGGER "UserCommune_version_delete" AFTER DELETE ON "UserCommune" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'sessions';
END;
