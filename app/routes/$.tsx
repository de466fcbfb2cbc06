// Any URL no other route claims: a 404 in the user's language.
import { ErrorPage } from "~/components/error-page";

export async function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
