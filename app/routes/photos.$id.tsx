// Complaint photos: public once an official approved them; before that only staff who may read
// the complaint's commune see them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPhotoForViewer } from "~/models/complaint.server";
import { getOptionalUser, readableCommuneIds } from "~/utils/auth.server";
import { readPhoto } from "~/utils/upload.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const photoId = Number(params.id);
  if (!Number.isSafeInteger(photoId) || photoId <= 0) throw new Response(null, { status: 404 });
  const user = await getOptionalUser(request);
  const fileName = await getPhotoForViewer({ photoId, staffCommuneIds: user ? readableCommuneIds(user) : "none" });
  if (!fileName) throw new Response(null, { status: 404 });
  const data = await readPhoto(fileName);
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(data.byteLength),
      "Cache-Control": user ? "private, no-store" : "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
