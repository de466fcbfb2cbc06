// Sign out: the session row is deleted, so the cookie is worthless even if it was copied.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSession } from "~/models/user.server";
import { getSessionId, sessionCookie } from "~/guards/auth.server";
import { assertSameOrigin } from "~/utils/request.server";

export async function loader() {
  return redirect("/staff");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const sessionId = await getSessionId(request);
  if (sessionId) await deleteSession({ sessionId });
  return redirect("/staff/login", { status: 303, headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}
