// Photo uploads: read a multipart form with hard limits, check that each file really is a JPEG,
// PNG or WebP (by decoding it, not by its name or declared type), then re-encode it with sharp:
// rotated upright, at most 1600 px, as JPEG, with every piece of metadata (GPS EXIF included)
// dropped. Files live under UPLOAD_DIR with random names.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import sharp from "sharp";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "~/lib/complaint-workflow";
import { env } from "./env.server";

const MAX_TEXT_FIELDS_BYTES = 64 * 1024;
const MAX_EDGE = 1600;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

export type MultipartResult = { ok: true; form: FormData } | { ok: false; error: "notForm" | "tooLarge" | "photoTooLarge" };

export async function readMultipartForm(request: Request): Promise<MultipartResult> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return { ok: false, error: "notForm" };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_PHOTOS * MAX_PHOTO_BYTES + MAX_TEXT_FIELDS_BYTES) return { ok: false, error: "tooLarge" };
  try {
    const form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES }),
    );
    return { ok: true, form };
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return { ok: false, error: "photoTooLarge" };
    // A malformed multipart body
    return { ok: false, error: "notForm" };
  }
}

/** Non-empty files of a field (an empty file input still sends a part with no name and no bytes). */
export function filesOf(form: FormData, name: string): File[] {
  return form.getAll(name).filter((v): v is File => typeof v !== "string" && v.size > 0);
}

export type ProcessedPhoto = { data: Buffer; width: number; height: number };

/** null when the bytes are not a decodable JPEG, PNG or WebP image. */
export async function processPhoto(file: File): Promise<ProcessedPhoto | null> {
  const input = Buffer.from(await file.arrayBuffer());
  try {
    const meta = await sharp(input).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) return null;
    const { data, info } = await sharp(input, { limitInputPixels: 40_000_000 })
      .rotate()
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

export async function deletePhotos(fileNames: string[]) {
  await Promise.all(fileNames.map((f) => fs.rm(path.join(uploadDir(), f), { force: true })));
}

export function readPhoto(fileName: string): Promise<Buffer> {
  if (!/^[0-9a-f]{32}\.jpg$/.test(fileName)) throw new Error("bad photo name");
  return fs.readFile(path.join(uploadDir(), fileName));
}
