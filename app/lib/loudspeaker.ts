// What a loudspeaker reader (đài truyền thanh) can read aloud: numbers in words, no symbols, no
// abbreviations. `toSpeech` turns a written sentence into one; `speechProblems` says what in a
// text a listener could not hear (the unit test and the script builder both use it).
import { vnDateParts } from "./vn-time";
import { readNumberVi, spellNumbersVi } from "./vi-number";

/** Abbreviations found in round and unit names, read out in full. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bNTM\b/gu, "nông thôn mới"],
  [/\bUBND\b/gu, "Ủy ban nhân dân"],
  [/\bHĐND\b/gu, "Hội đồng nhân dân"],
  [/\bMTTQ\b/gu, "Mặt trận Tổ quốc"],
  [/\bQĐ\b/gu, "quyết định"],
  [/\bTP\.?(?=\s)/gu, "thành phố"],
  [/\bTT\.?(?=\s)/gu, "thị trấn"],
];

/** "ngày mùng năm tháng mười hai năm hai nghìn không trăm hai mươi sáu" (northern "mùng" for days 1 to 10). */
export function spokenDate(date: Date, withYear = true): string {
  const { year, month, day } = vnDateParts(date);
  const dayMonth = `ngày ${day <= 10 ? "mùng " : ""}${readNumberVi(day)} tháng ${readNumberVi(month)}`;
  return withYear ? `${dayMonth} năm ${readNumberVi(year)}` : dayMonth;
}

/** "từ … đến …" dates, the year said once when both days are in the same year. */
export function spokenSpan(from: Date, to: Date): { from: string; to: string } {
  const sameYear = vnDateParts(from).year === vnDateParts(to).year;
  return { from: spokenDate(from, !sameYear), to: spokenDate(to) };
}

/** A written sentence made speakable: abbreviations expanded, "%" and "/" said, numbers in words, brackets and other symbols dropped. */
export function toSpeech(text: string): string {
  let s = text;
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  s = s.replace(/(\d+(?:[.,]\d+)?)\s*%/g, (_, num: string) => `${num} phần trăm`);
  // "đợt 2/2026" is a round of a year; "72/100" a share.
  s = s.replace(/(\d)\s*\/\s*((?:19|20)\d\d)(?!\d)/g, "$1 năm $2");
  s = s.replace(/(\d)\s*\/\s*(\d)/g, "$1 trên $2");
  s = s.replace(/[()[\]{}"“”]/g, ", ").replace(/[\\/&+#@*_|<>=~^$%–—-]/g, " ");
  s = spellNumbersVi(s);
  return s
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
    .replace(/,\s*\./g, ".")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

export type SpeechProblem = { kind: "digit" | "symbol" | "abbreviation"; text: string };

/** What a listener could not hear in `text`: digits, symbols ("%", "/", brackets…), abbreviations (two capitals in a row). */
export function speechProblems(text: string): SpeechProblem[] {
  const problems: SpeechProblem[] = [];
  for (const m of text.matchAll(/\d+/g)) problems.push({ kind: "digit", text: m[0] });
  for (const m of text.matchAll(/[^\p{L}\p{M}\s.,;:!?]/gu)) problems.push({ kind: "symbol", text: m[0] });
  for (const m of text.matchAll(/\p{Lu}{2,}|\b\p{Lu}\.(?=\s*\p{L})/gu)) problems.push({ kind: "abbreviation", text: m[0] });
  return problems;
}
