// The loudspeaker scripts: no digits, no "%" or other symbols, no abbreviations, numbers in words.
import { describe, expect, it } from "vitest";
import { speechProblems } from "~/lib/loudspeaker";
import { openingScript, resultsScript } from "./round-notice-view.server";
import type { CommuneResults, ResultsRound } from "./round-results.server";

const round: ResultsRound = {
  id: 1,
  name: "Lấy ý kiến trước công nhận NTM nâng cao 2026 (đợt 2/2026)",
  purpose: "pre_recognition",
  startsAt: new Date("2026-11-01T17:00:00Z"),
  endsAt: new Date("2026-11-20T17:00:00Z"),
  codesRequired: true,
};

const commune: CommuneResults = {
  slug: "vinh-bao",
  name: "Vĩnh Bảo",
  kind: "xa",
  households: 2047,
  answered: 1205,
  coverageShare: 1205 / 2047,
  villages: [{ village: "Thôn 1", households: 300, used: 215 }],
  criteria: [
    { key: "roads", name: "Giao thông", isOverall: false, satisfied: 72, answered: 100, hidden: false },
    { key: "environment", name: "Môi trường", isOverall: false, satisfied: 1005, answered: 1205, hidden: false },
    { key: "water", name: "Nước sinh hoạt", isOverall: false, satisfied: 1, answered: 4, hidden: true },
    { key: "security", name: "An ninh trật tự", isOverall: false, satisfied: 24, answered: 25, hidden: false },
    { key: "overall", name: "Đánh giá chung", isOverall: true, satisfied: 110, answered: 115, hidden: false },
  ],
  verdict: "below",
  coverageMet: false,
};

describe("loudspeaker scripts", () => {
  it("reads a round's results with no digits, no symbols and no abbreviations", () => {
    const script = resultsScript(round, commune);
    expect(speechProblems(script)).toEqual([]);
    expect(script).not.toMatch(/[0-9%]/);
    expect(script).toContain("Thông báo của Ủy ban nhân dân xã Vĩnh Bảo.");
    expect(script).toContain("nông thôn mới");
    expect(script).toContain("Có một nghìn hai trăm linh năm trên hai nghìn không trăm bốn mươi bảy hộ đã trả lời.");
    expect(script).toContain("Giao thông: bảy mươi hai trên một trăm hộ trả lời hài lòng.");
    expect(script).toContain("Môi trường: một nghìn không trăm linh năm trên một nghìn hai trăm linh năm hộ trả lời hài lòng.");
    expect(script).toContain("An ninh trật tự: hai mươi tư trên hai mươi lăm hộ trả lời hài lòng.");
    expect(script).toContain("Nước sinh hoạt: chưa đủ ý kiến để công bố.");
    expect(script).toContain(
      "từ ngày mùng hai tháng mười một đến ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi sáu.",
    );
    expect(script).toContain("đợt hai năm hai nghìn không trăm hai mươi sáu");
    // About a minute read aloud: a loudspeaker reader says some 200 to 250 syllables a minute, and
    // a Vietnamese word as written is one syllable (this commune's four-digit figures are the long case).
    const syllables = script.split(/\s+/).length;
    expect(syllables).toBeGreaterThan(100);
    expect(syllables).toBeLessThan(250);
  });

  it("announces a round that opens, from … to …, each household receiving a slip", () => {
    const script = openingScript(round, { name: "Vĩnh Bảo", kind: "xa" });
    expect(speechProblems(script)).toEqual([]);
    expect(script).toMatch(/^Thông báo của Ủy ban nhân dân xã Vĩnh Bảo\.\nTừ ngày mùng hai tháng mười một/);
    expect(script).toContain("Mỗi hộ gia đình sẽ nhận được một phiếu có mã riêng của hộ.");
  });
});
