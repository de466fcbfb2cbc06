/** What a council member may say about a commune before a recognition decision. */
export const REVIEW_VERDICTS = ["recommend", "defer", "not_ready"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
