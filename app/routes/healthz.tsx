// Health check for a load balancer or a monitor: 200 when the database answers, 503 when not.
import { json } from "@remix-run/node";
import { checkDatabase } from "~/models/database.server";

export async function loader() {
  const started = performance.now();
  const ok = await checkDatabase();
  return json(
    { status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unavailable", ms: Math.round(performance.now() - started) },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
