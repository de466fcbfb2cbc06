// Pure rules of the council's report figures (issue 24): the channels a report came in by, in the
// order the council reads them, and the share of fixes that held ("is it fixed?" answered yes),
// shown only from a minimum of answers, like satisfaction under its minimum sample.

/** The site, Open311 (the city's app), then the channels an official enters (ComplaintIntake). */
export const REPORT_CHANNELS = ["web", "open311", "hotline", "letter", "in_person", "loudspeaker_meeting"] as const;
export type ReportChannelKey = (typeof REPORT_CHANNELS)[number];

/** Under this many answers to "is it fixed?", the share is "not enough data". */
export const FIX_HELD_MIN = 5;

export type FixHeld = { answered: number; held: number };

/** yes / (yes + no), or null under the minimum. */
export function fixHeldShare({ answered, held }: FixHeld): number | null {
  return answered >= FIX_HELD_MIN && answered > 0 ? held / answered : null;
}

export function emptyChannels(): Record<ReportChannelKey, number> {
  return { web: 0, open311: 0, hotline: 0, letter: 0, in_person: 0, loudspeaker_meeting: 0 };
}
