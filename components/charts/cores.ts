// Series colours: the brand green first, then hues that stay apart for common colour blindness
// (Okabe–Ito), each with at least 3:1 contrast against white as WCAG asks of chart marks.
export const CORES_SERIES = ["#0f6b56", "#d55e00", "#0072b2", "#a0527d", "#8a6d00", "#56595c", "#2f7f9e"] as const;

export const corDaSerie = (i: number) => CORES_SERIES[i % CORES_SERIES.length]!;
