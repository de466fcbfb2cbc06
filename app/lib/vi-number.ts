// Numbers read aloud in Vietnamese as Hải Phòng (northern) readers say them, for the loudspeaker
// script: 1205 → "một nghìn hai trăm linh năm", 2047 → "hai nghìn không trăm bốn mươi bảy",
// 24 → "hai mươi tư". Written here rather than wrapping n2words (vi-VN), which says "lẻ" and drops
// the "không trăm" of an inner group (2047 → "hai nghìn lẻ bốn mươi bảy"): decision 039.

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;
/** Group names from the right: units, thousands, millions; "tỷ" repeats past it (nghìn tỷ …). */
const GROUPS = ["", "nghìn", "triệu"] as const;

/** Tens and units of one group; `afterHundreds`: a lone unit after "… trăm" is read "linh …". */
function readTensUnits(t: number, u: number, afterHundreds: boolean): string[] {
  if (t === 0) {
    if (u === 0) return [];
    return afterHundreds ? ["linh", DIGITS[u]] : [DIGITS[u]];
  }
  const tens = t === 1 ? ["mười"] : [DIGITS[t], "mươi"];
  if (u === 0) return tens;
  if (u === 5) return [...tens, "lăm"];
  if (t >= 2 && u === 1) return [...tens, "mốt"];
  if (t >= 2 && u === 4) return [...tens, "tư"];
  return [...tens, DIGITS[u]];
}

/** One group of three digits; `full`: an inner group reads its hundreds even when 0 ("không trăm"). */
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  if (!full && h === 0) return readTensUnits(t, u, false);
  return [DIGITS[h], "trăm", ...readTensUnits(t, u, true)];
}

/** Below one billion (một tỷ). */
function readBelowBillion(n: number, leading: boolean): string[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    words.push(...readGroup(groups[i], !leading || i < groups.length - 1));
    if (GROUPS[i]) words.push(GROUPS[i]);
  }
  return words;
}

/** A whole number ≥ 0 (up to Number.MAX_SAFE_INTEGER) in Vietnamese words. */
export function readNumberVi(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`readNumberVi: ${n}`);
  if (n === 0) return DIGITS[0];
  // chunks[i]: the part below one billion, times 1e9^i
  const chunks: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1e9)) chunks.push(rest % 1e9);
  const words: string[] = [];
  for (let i = chunks.length - 1; i >= 0; i--) {
    if (chunks[i] === 0) continue;
    words.push(...readBelowBillion(chunks[i], i === chunks.length - 1));
    for (let k = 0; k < i; k++) words.push("tỷ");
  }
  return words.join(" ");
}

/** Every run of digits in `text` read as words ("1.205" and "1 205" as one number). */
export function spellNumbersVi(text: string): string {
  return text.replace(/\d{1,3}(?:[. ]\d{3})+(?!\d)|\d+/g, (m) => readNumberVi(Number(m.replace(/[. ]/g, ""))));
}
