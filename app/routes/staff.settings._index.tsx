// The old single settings page's address: the thresholds come first.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/guards/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return redirect("/staff/settings/thresholds");
}
