// "Sign out everywhere" (issue 26): every session of the account ends, this browser's included,
// so a copied session cookie stops working wherever it is. POST only.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endAllSessions } from "~/models/reauth.server";
import { requireUser, sessionCookie } from "~/guards/auth.server";
import { assertSameOrigin } from "~/utils/request.server";

export async function loader() {
  return redirect("/staff/password");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  await endAllSessions({ userId: user.id });
  return redirect("/staff/login", { status: 303, headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}
