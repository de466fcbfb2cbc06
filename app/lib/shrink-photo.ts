// Shrinks a camera photo in the browser before it is sent or kept offline: at most 1600 px on the
// long edge and about 300 KB, as JPEG. Re-drawing on a canvas also drops the EXIF data (GPS
// position included). The server re-checks and re-encodes whatever arrives (upload.server.ts).
export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_TARGET_BYTES = 300 * 1024;

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
}

/** The shrunk photo, or the file itself when it cannot be decoded here (the server decides). */
export async function shrinkPhoto(file: File, maxEdge = PHOTO_MAX_EDGE, target = PHOTO_TARGET_BYTES): Promise<File> {
  if (typeof createImageBitmap !== "function" || !file.type.startsWith("image/")) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  try {
    let edge = Math.min(maxEdge, Math.max(bitmap.width, bitmap.height));
    let best: Blob | null = null;
    for (let round = 0; round < 4; round++) {
      const scale = edge / Math.max(bitmap.width, bitmap.height);
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const ctx = canvas.getContext("2d");
      if (!ctx) return file;
      ctx.fillStyle = "#fff"; // transparent PNG areas become white, not black
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const quality of [0.82, 0.72, 0.6, 0.5]) {
        best = await toBlob(canvas, quality);
        if (best && best.size <= target) break;
      }
      if (best && best.size <= target) break;
      edge = Math.round(edge * 0.75);
    }
    if (!best) return file;
    // Already small and a JPEG: keep the original bytes.
    if (file.type === "image/jpeg" && file.size <= best.size && Math.max(bitmap.width, bitmap.height) <= maxEdge) return file;
    const name = `${file.name.replace(/\.[^.]*$/, "") || "photo"}.jpg`;
    return new File([best], name, { type: "image/jpeg", lastModified: Date.now() });
  } finally {
    bitmap.close();
  }
}
