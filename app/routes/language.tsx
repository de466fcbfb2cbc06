// The language switch: a form post that remembers the choice in a cookie and goes back.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { languageCookie } from "~/utils/cookies.server";
import { isLanguage } from "~/utils/i18n";
import { assertSameOrigin, readUrlEncodedForm, safeRedirectPath } from "~/utils/request.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const body = await readUrlEncodedForm(request, 4 * 1024);
  if (!body.ok) throw new Response(null, { status: 400 });
  const lng = body.form.get("lng");
  if (!isLanguage(lng)) throw new Response(null, { status: 400 });
  return redirect(safeRedirectPath(body.form.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(lng) },
  });
}
