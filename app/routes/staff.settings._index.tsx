// The old single settings page's address: the thresholds come first.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/guards/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings.edit");
  return redirect("/staff/settings/thresholds");
}
