-- Rate-limit counters move to a file of their own beside the database ("app.db" ->
-- "app.rate-limits.db", app/utils/rate-limit.server.ts): a point per survey answer in the main
-- file waited for SQLite's write lock while another process's answer commit held it for its
-- fsync. Counters are short-lived (an hour, a day for sign-in locks); they start afresh.
-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RateLimit";
PRAGMA foreign_keys=on;
