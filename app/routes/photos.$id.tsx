// Complaint photos: public once an official approved them; before that only staff who may read
// the complaint's commune see them. `?size=thumb` serves a small copy (lists of similar reports on
// a phone) under the same rules: a hidden photo's thumbnail is as gone as the photo.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPhotoForViewer } from "~/models/complaint/photos.server";
import { getOptionalUser, readableCommuneIds } from "~/guards/auth.server";
import { readPhoto, readThumbnail } from "~/utils/upload.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const photoId = Number(params.id);
  if (!Number.isSafeInteger(photoId) || photoId <= 0) throw new Response(null, { status: 404 });
  const size = new URL(request.url).searchParams.get("size");
  if (size !== null && size !== "thumb") throw new Response(null, { status: 404 });
  const user = await getOptionalUser(request);
  const fileName = await getPhotoForViewer({ photoId, staffCommuneIds: user ? readableCommuneIds(user) : "none" });
  if (!fileName) throw new Response(null, { status: 404 });
  // A file never changes, but it can be hidden: caches may keep a public photo, yet must ask
  // again each time (a cheap 304), so that a photo hidden by an official is gone at once.
  const etag = `"${fileName.slice(0, 32)}${size ? "-thumb" : ""}"`;
  const cacheControl = user ? "private, no-store" : "public, no-cache";
  if (!user && request.headers.get("If-None-Match") === etag)
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": cacheControl } });
  const data = size ? await readThumbnail(fileName) : await readPhoto(fileName);
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(data.byteLength),
      "Cache-Control": cacheControl,
      ...(user ? {} : { ETag: etag }),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
