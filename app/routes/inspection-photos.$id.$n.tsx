// The supervision board's photos of a work (issue 22): public like the inspection they belong to,
// addressed by the inspection and the photo's place in it, so no file name leaves the server.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { MAX_PHOTOS } from "~/lib/complaint-workflow";
import { getInspectionPhoto } from "~/models/work/inspection.server";
import { readPhoto } from "~/utils/upload.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const inspectionId = Number(params.id);
  const n = Number(params.n);
  if (!Number.isSafeInteger(inspectionId) || inspectionId <= 0 || !Number.isInteger(n) || n < 0 || n >= MAX_PHOTOS)
    throw new Response(null, { status: 404 });
  const photo = await getInspectionPhoto({ inspectionId, n });
  if (!photo) throw new Response(null, { status: 404 });
  // The inspection can be removed with its work: caches ask again each time (a cheap 304).
  const etag = `"${photo.fileName.slice(0, 32)}"`;
  const headers = { ETag: etag, "Cache-Control": "public, no-cache", "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  const data = await readPhoto(photo.fileName);
  return new Response(new Uint8Array(data), {
    headers: { ...headers, "Content-Type": "image/jpeg", "Content-Length": String(data.byteLength) },
  });
}
