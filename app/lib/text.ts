// Vietnamese text helpers: folding diacritics for search and building URL slugs.

/** Lower-case, strip diacritics (including đ/Đ), collapse whitespace. "Vĩnh Bảo" -> "vinh bao". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** "Cẩm Giàng" -> "cam-giang". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Slugs for a list of names, unique within the list. Names that fold to the same slug
 * ("Cẩm Giàng" and "Cẩm Giang") keep the order of the list: the first gets the plain slug,
 * the next "-2", and so on, so the result is stable as long as the source order is.
 */
export function uniqueSlugs(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = slugify(name);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

/**
 * True when every word of the query occurs in the folded haystack. Case and diacritics are
 * ignored on both sides, so "vinh bao" and "Vĩnh Bảo" both find "Vĩnh Bảo".
 */
export function matchesQuery(haystackFolded: string, query: string): boolean {
  const words = fold(query).split(" ").filter(Boolean);
  return words.every((w) => haystackFolded.includes(w));
}

/** "Huyện Vĩnh Bảo, Hải Phòng (cũ)" -> "Huyện Vĩnh Bảo": the former province is said by the region. */
export function shortFormerUnit(formerUnit: string): string {
  return formerUnit.replace(/, (Hải Phòng|Hải Dương) \(cũ\)$/, "");
}

/** A recognition level's name with its period, without repeating a period the name already carries. */
export function levelLabel(name: string, period: string): string {
  return name.includes(period) ? name : `${name} (${period})`;
}

// Words that usually describe something the commune should fix, folded (no diacritics). A hint
// only: it decides whether the thanks page puts "report a problem" first, never anything else.
const PROBLEM_WORDS = [
  "o ga",
  "hong",
  "hu hong",
  "sut lun",
  "ngap",
  "ung ngap",
  "rac",
  "boc mui",
  "hoi thoi",
  "nuoc ban",
  "mat nuoc",
  "mat dien",
  "den duong",
  "tac",
  "trom",
  "cuop",
  "mat an ninh",
  "danh nhau",
  "xa thai",
  "o nhiem",
  "chay",
  "pothole",
  "broken",
  "flood",
  "rubbish",
  "garbage",
  "smell",
  "dirty water",
  "theft",
];

/** Whether a free-text comment seems to describe a concrete problem (simple word match). */
export function mentionsProblem(comment: string | null | undefined): boolean {
  if (!comment) return false;
  const text = ` ${fold(comment).replace(/[^a-z0-9 ]+/g, " ")} `;
  return PROBLEM_WORDS.some((w) => text.includes(` ${w} `));
}
