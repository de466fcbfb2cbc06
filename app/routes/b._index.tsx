// /b?code=… (the code field on a refused ballot page, sent without JavaScript): to /b/<code>.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { normaliseCode } from "~/lib/ballot-code";

export async function loader({ request }: LoaderFunctionArgs) {
  const code = normaliseCode(new URL(request.url).searchParams.get("code") ?? "").slice(0, 40);
  return redirect(`/b/${encodeURIComponent(code || "-")}`, { status: 303 });
}
