-- The council's figures (issue 22 point 6, issue 24) are cached per data version (decision 031):
-- a new household register changes investment per household ("works"), an answer to "is it
-- fixed?" changes the share of fixes that held ("complaints"). Triggers only; no table changes.

CREATE TRIGGER "HouseholdRegister_version_insert" AFTER INSERT ON "HouseholdRegister" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "HouseholdRegister_version_update" AFTER UPDATE ON "HouseholdRegister" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "HouseholdRegister_version_delete" AFTER DELETE ON "HouseholdRegister" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "RegisterEntry_version_insert" AFTER INSERT ON "RegisterEntry" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "RegisterEntry_version_update" AFTER UPDATE ON "RegisterEntry" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "RegisterEntry_version_delete" AFTER DELETE ON "RegisterEntry" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'works';
END;

CREATE TRIGGER "FixCheck_version_insert" AFTER INSERT ON "FixCheck" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "FixCheck_version_update" AFTER UPDATE ON "FixCheck" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;

CREATE TRIGGER "FixCheck_version_delete" AFTER DELETE ON "FixCheck" BEGIN
  UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "scope" = 'complaints';
END;
