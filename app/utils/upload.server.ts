// Photo uploads: read a multipart form with hard limits, check that each file really is a JPEG,
// PNG or WebP (by decoding it, not by its name or declared type), then re-encode it with sharp:
// rotated upright, at most 1600 px, as JPEG, with every piece of metadata (GPS EXIF included)
// dropped. Files live under UPLOAD_DIR with random names.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_JPEG_PIXELS, MAX_LOSSLESS_PIXELS, MAX_PHOTO_BYTES, MAX_PHOTOS } from "~/lib/complaint-workflow";
import { env } from "./env.server";

const MAX_TEXT_FIELD_BYTES = 16 * 1024;
const MAX_TEXT_FIELDS_BYTES = 64 * 1024;
/** Photos, text fields, part headers and boundaries: anything beyond this is refused (413). */
export const MAX_MULTIPART_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + MAX_TEXT_FIELDS_BYTES;
/** Parts of any kind: the form has 6 text fields and up to 3 photos. */
export const MAX_MULTIPART_PARTS = 16;
const MAX_EDGE = 1600;
/**
 * Larger images are refused from their header, before any pixel is decoded (a 40 MP photo takes
 * ~0.6 s). A JPEG is decoded already shrunk; a PNG or WebP is decoded whole, so its limit is what
 * keeps four parallel reports under 150 MB of memory (decision 042, npm run upload-attack).
 */
const maxPixels = (format: string) => (format === "jpeg" ? MAX_JPEG_PIXELS : MAX_LOSSLESS_PIXELS);
const MAX_INPUT_PIXELS = Math.max(MAX_JPEG_PIXELS, MAX_LOSSLESS_PIXELS);
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

export type MultipartResult =
  | { ok: true; form: FormData; unknownField: boolean; extraPhotos: boolean }
  | { ok: false; error: "notForm" | "tooLarge" | "photoTooLarge"; status: 400 | 413; form: FormData };

class Refused extends Error {
  constructor(
    readonly error: "tooLarge" | "photoTooLarge",
    readonly status: 400 | 413,
  ) {
    super(error);
  }
}

/** The request body, failing as soon as more than maxBytes came (chunked bodies have no length to check). */
function capped(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return controller.error(new Refused("tooLarge", 413));
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of data) void chunk;
}

/** Reads a refused body to its end (at most MAX_MULTIPART_BYTES, then it is cancelled) so the answer reaches the client. */
async function discard(body: ReadableStream<Uint8Array>): Promise<void> {
  try {
    await drain(capped(body, MAX_MULTIPART_BYTES) as unknown as AsyncIterable<Uint8Array>);
  } catch {
    // over the cap: capped() has cancelled it
  }
}

/**
 * Reads a multipart form as it streams in, with every limit applied before anything is kept:
 * total bytes (413), number of parts (413), bytes per text field and per photo, at most
 * MAX_PHOTOS photos kept, and only the expected field names (other parts are read and dropped,
 * and reported). With keepFiles false (a client over its rate limit) no photo is kept at all:
 * only the text, to show the form again.
 */
export async function readMultipartForm(
  request: Request,
  { fields, fileField, keepFiles = true }: { fields: ReadonlySet<string>; fileField: string; keepFiles?: boolean },
): Promise<MultipartResult> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  const empty = new FormData();
  if (!type.startsWith("multipart/form-data") || !request.body) return { ok: false, error: "notForm", status: 400, form: empty };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_MULTIPART_BYTES) {
    await request.body.cancel().catch(() => undefined);
    return { ok: false, error: "tooLarge", status: 413, form: empty };
  }

  // No boundary (or an empty one): nothing can be parsed. The body is read and thrown away rather
  // than cancelled: cancelling the request stream closed the socket before the 400 went out
  // ("Empty reply from server", issue 26).
  if (!/;\s*boundary=("[^"]+"|[^";\s]+)/i.test(type)) {
    await discard(request.body);
    return { ok: false, error: "notForm", status: 400, form: empty };
  }

  let parts = 0;
  let textBytes = 0;
  let photos = 0;
  let unknownField = false;
  let extraPhotos = false;
  const kept = new FormData();
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (++parts > MAX_MULTIPART_PARTS) throw new Refused("tooLarge", 413);
    if (name === fileField && filename !== undefined) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const keep = keepFiles && photos < MAX_PHOTOS;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size > MAX_PHOTO_BYTES) throw new Refused("photoTooLarge", 400);
        if (keep) chunks.push(chunk);
      }
      if (size === 0) return undefined; // an empty file input
      if (!keep) {
        extraPhotos ||= keepFiles;
        return undefined;
      }
      photos++;
      return new File(chunks as BlobPart[], filename || "photo", { type: contentType });
    }
    if (!fields.has(name) || filename !== undefined) {
      unknownField = true;
      await drain(data);
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      textBytes += chunk.byteLength;
      if (size > MAX_TEXT_FIELD_BYTES || textBytes > MAX_TEXT_FIELDS_BYTES) throw new Refused("tooLarge", 413);
      chunks.push(chunk);
    }
    const value = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
    kept.append(name, value);
    return value;
  };

  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: capped(request.body, MAX_MULTIPART_BYTES),
    duplex: "half",
  } as RequestInit);
  try {
    const form = await unstable_parseMultipartFormData(limited, handler);
    return { ok: true, form, unknownField, extraPhotos };
  } catch (e) {
    await limited.body?.cancel().catch(() => undefined);
    if (e instanceof Refused) return { ok: false, error: e.error, status: e.status, form: kept };
    // A malformed multipart body
    return { ok: false, error: "notForm", status: 400, form: kept };
  }
}

/** Non-empty files of a field (an empty file input still sends a part with no name and no bytes). */
export function filesOf(form: FormData, name: string): File[] {
  return form.getAll(name).filter((v): v is File => typeof v !== "string" && v.size > 0);
}

export type ProcessedPhoto = { data: Buffer; width: number; height: number };

/**
 * sharp (libvips, 28 MiB of a process's memory) is loaded with the first photo, not with the
 * server. Its operation cache is off: nothing of a resident's photo stays in memory afterwards.
 */
const loadSharp = () =>
  import("sharp").then((m) => {
    m.default.cache(false);
    // One libvips thread per photo: each thread keeps its own buffers (and malloc arena).
    m.default.concurrency(1);
    return m.default;
  });

/**
 * One photo at a time per process (decision 042): four parallel reports of 3 photos each decoded
 * at once took 332 MB even at 8 MP; one after the other, a report waits a little instead.
 */
let photoQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = photoQueue.then(work, work);
  photoQueue = run.catch(() => undefined);
  return run;
}

/** null when the bytes are not a decodable JPEG, PNG or WebP image. */
export function processPhoto(file: File): Promise<ProcessedPhoto | null> {
  return oneAtATime(() => decodePhoto(file));
}

async function decodePhoto(file: File): Promise<ProcessedPhoto | null> {
  const input = Buffer.from(await file.arrayBuffer());
  const sharp = await loadSharp();
  try {
    // The header only: format and size, before any pixel is decoded.
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) return null;
    if (!meta.width || !meta.height || meta.width * meta.height > maxPixels(meta.format)) return null;
    // Turning upright needs the whole image in memory: only for a photo that says it is turned.
    const turned = meta.orientation !== undefined && meta.orientation > 1;
    const { data, info } = await sharp(input, { limitInputPixels: maxPixels(meta.format), sequentialRead: true })
      .rotate(turned ? undefined : 0)
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}

export function uploadDir(): string {
  return path.resolve(env.UPLOAD_DIR ?? path.join(env.DATA_DIR, "uploads"));
}

export async function savePhoto(photo: ProcessedPhoto): Promise<{ fileName: string; bytes: number }> {
  const dir = uploadDir();
  await fs.mkdir(dir, { recursive: true });
  const fileName = `${crypto.randomBytes(16).toString("hex")}.jpg`;
  await fs.writeFile(path.join(dir, fileName), photo.data, { flag: "wx" });
  return { fileName, bytes: photo.data.byteLength };
}

const PHOTO_NAME = /^[0-9a-f]{32}\.jpg$/;
/** Thumbnails (lists of reports on a phone) fit in this box: 96 CSS px on a 1.5x screen. */
export const THUMB_EDGE = 160;
const thumbPath = (fileName: string) => path.join(uploadDir(), "thumbs", fileName);

export async function deletePhotos(fileNames: string[]) {
  await Promise.all(
    fileNames.flatMap((f) => [fs.rm(path.join(uploadDir(), f), { force: true }), fs.rm(thumbPath(f), { force: true })]),
  );
}

/** A rectangle of a stored photo, in pixels (inside the image; app/lib/redaction.ts makes them). */
export type PixelBox = { left: number; top: number; width: number; height: number };

/**
 * A copy of a stored photo with these boxes made unreadable (faces, number plates): each box is
 * cut out, pixelated to blocks of at least 12 px (an eighth of its shorter side for a large box),
 * blurred with sigma 20 on top, and laid back in place. Nothing of the box's detail survives, and
 * the copy is re-encoded like an upload (JPEG, no metadata). The stored file is not touched here.
 */
export function redactPhotoFile(fileName: string, boxes: readonly PixelBox[]): Promise<ProcessedPhoto> {
  return oneAtATime(async () => {
    const input = await readPhoto(fileName);
    const sharp = await loadSharp();
    const patches = [];
    for (const box of boxes) {
      const block = Math.max(12, Math.ceil(Math.min(box.width, box.height) / 8));
      const small = await sharp(input)
        .extract(box)
        .resize(Math.max(1, Math.ceil(box.width / block)), Math.max(1, Math.ceil(box.height / block)), { fit: "fill" })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const patch = await sharp(small.data, {
        raw: { width: small.info.width, height: small.info.height, channels: small.info.channels },
      })
        .resize(box.width, box.height, { fit: "fill", kernel: "nearest" })
        .blur(20)
        .raw()
        .toBuffer({ resolveWithObject: true });
      patches.push({
        input: patch.data,
        raw: { width: patch.info.width, height: patch.info.height, channels: patch.info.channels },
        left: box.left,
        top: box.top,
      });
    }
    const { data, info } = await sharp(input)
      .composite(patches)
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  });
}

/**
 * Replaces a stored photo by a copy with these boxes made unreadable (a report's photo, an
 * inspection's: one pipeline, decision 037). The copy is written as a new file and handed to
 * `commit`, which records it (in one transaction with its audit entry) and answers whether the
 * photo was still the one read. Then the file that lost is erased: the original when the copy was
 * kept, else the copy. "stale": another redaction finished first (its file or its row changed).
 */
export async function replaceWithRedactedCopy(
  fileName: string,
  boxes: readonly PixelBox[],
  commit: (copy: { fileName: string; bytes: number; width: number; height: number }) => Promise<boolean>,
): Promise<"done" | "stale"> {
  let copy: ProcessedPhoto;
  try {
    copy = await redactPhotoFile(fileName, boxes);
  } catch (e) {
    // Erased by a redaction that finished first.
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "stale";
    throw e;
  }
  const saved = await savePhoto(copy);
  let kept: boolean;
  try {
    kept = await commit({ ...saved, width: copy.width, height: copy.height });
  } catch (e) {
    await deletePhotos([saved.fileName]);
    throw e;
  }
  await deletePhotos([kept ? fileName : saved.fileName]);
  return kept ? "done" : "stale";
}

export function readPhoto(fileName: string): Promise<Buffer> {
  if (!PHOTO_NAME.test(fileName)) throw new Error("bad photo name");
  return fs.readFile(path.join(uploadDir(), fileName));
}

/**
 * A stored photo's thumbnail (JPEG, at most THUMB_EDGE px on each side), made with sharp on
 * first request and kept in `thumbs/` beside the photos: later requests read the file. Written
 * under a temporary name and renamed, so two first requests at once never leave half a file.
 */
export async function readThumbnail(fileName: string): Promise<Buffer> {
  if (!PHOTO_NAME.test(fileName)) throw new Error("bad photo name");
  const target = thumbPath(fileName);
  try {
    return await fs.readFile(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const sharp = await loadSharp();
  const data = await sharp(await readPhoto(fileName))
    .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 70, mozjpeg: true })
    .toBuffer();
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(temporary, data);
  await fs.rename(temporary, target);
  return data;
}
