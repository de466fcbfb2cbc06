// Draws the app icons (a house under a rice sprout on the programme's green) as SVG and renders
// the PNGs the web app manifest needs with sharp. The PNGs are committed in public/icons; run
// `npx tsx scripts/make-icons.ts` again only when the drawing changes.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const out = path.resolve(import.meta.dirname, "../public/icons");

/** The drawing on a 512 grid; `scale` shrinks it around the centre (maskable icons keep a margin). */
function icon({ rounded, scale }: { rounded: boolean; scale: number }) {
  const t = `translate(256 256) scale(${scale}) translate(-256 -256)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <rect width="512" height="512" rx="${rounded ? 96 : 0}" fill="#14532d"/>
  <g transform="${t}">
    <path d="M96 260 L256 128 L416 260 L384 260 L384 412 L128 412 L128 260 Z" fill="#fde047"/>
    <rect x="220" y="312" width="72" height="100" rx="8" fill="#14532d"/>
    <path d="M256 128 C 250 88 226 64 186 56 C 192 96 216 120 256 128 Z" fill="#86efac"/>
    <path d="M256 128 C 262 80 292 52 340 44 C 332 92 302 120 256 128 Z" fill="#bbf7d0"/>
    <path d="M256 128 L256 92" stroke="#86efac" stroke-width="10" stroke-linecap="round"/>
  </g>
</svg>`;
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const plain = Buffer.from(icon({ rounded: true, scale: 0.92 }));
  const maskable = Buffer.from(icon({ rounded: false, scale: 0.72 }));
  fs.writeFileSync(path.join(out, "icon.svg"), plain);
  await sharp(plain).resize(192, 192).png().toFile(path.join(out, "icon-192.png"));
  await sharp(plain).resize(512, 512).png().toFile(path.join(out, "icon-512.png"));
  await sharp(maskable).resize(512, 512).png().toFile(path.join(out, "icon-maskable-512.png"));
  await sharp(plain).resize(180, 180).flatten({ background: "#14532d" }).png().toFile(path.join(out, "apple-touch-icon.png"));
  console.log(`icons written to ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
