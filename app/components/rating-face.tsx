// The five rating faces as small inline drawings: they render the same on every phone and office
// PC (emoji fonts are missing on many), print readably in grey scale (the mouth's shape, not the
// colour, carries the meaning) and add no request.
const MOUTHS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "M12 31 Q20 21 28 31",
  2: "M13 29 Q20 25 27 29",
  3: "M13 27 L27 27",
  4: "M13 25 Q20 30 27 25",
  5: "M11 23 Q20 36 29 23 Z",
};

export function RatingFace({ value }: { value: 1 | 2 | 3 | 4 | 5 }) {
  return (
    <svg className={`face face--${value}`} viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <circle className="face__head" cx="20" cy="20" r="17.5" />
      {value === 1 ? <path className="face__line" d="M10 12 L16 14.5 M30 12 L24 14.5" /> : null}
      <circle className="face__eye" cx="14.5" cy="17" r="2.2" />
      <circle className="face__eye" cx="25.5" cy="17" r="2.2" />
      <path className={value === 5 ? "face__line face__open" : "face__line"} d={MOUTHS[value]} />
    </svg>
  );
}
