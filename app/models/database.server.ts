// The database's life for the server as a whole: the health check and the shutdown. Queries
// live in the other models; only models reach utils/db.server (docs/architecture.md).
export { checkDatabase, disconnect } from "~/utils/db.server";
