/**
 * THE FAIRNESS REPORT's arithmetic, pure: for each group of a protected characteristic, the share of the
 * workforce with an alert (or an intervention), and its rate relative to a reference group, with a 95%
 * confidence interval by the usual log method for a ratio of two proportions (Katz et al. 1978):
 *   RR = (a/n1) / (c/n2),  SE(ln RR) = sqrt(1/a − 1/n1 + 1/c − 1/n2),  CI = exp(ln RR ± 1.96 SE).
 * No interval (null) when a count is zero: the log method is undefined there, and saying so is more honest
 * than a continuity correction presented as a figure.
 */
export type GroupInput = { group: string; workforce: number; flagged: number };
export type GroupRate = {
  group: string;
  workforce: number;
  flagged: number;
  ratePer1000: number | null;
  relativeRate: number | null;
  lower: number | null;
  upper: number | null;
};

const Z95 = 1.959964;

export function relativeRateWithInterval(a: number, n1: number, c: number, n2: number) {
  if (n1 <= 0 || n2 <= 0 || c === 0) return { rr: null, lower: null, upper: null };
  const rr = a / n1 / (c / n2);
  if (a === 0) return { rr, lower: null, upper: null };
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return { rr, lower: Math.exp(Math.log(rr) - Z95 * se), upper: Math.exp(Math.log(rr) + Z95 * se) };
}

export function fairnessRates(groups: readonly GroupInput[], reference: string): GroupRate[] {
  const ref = groups.find((g) => g.group === reference);
  return groups.map((g) => {
    const ratePer1000 = g.workforce > 0 ? (g.flagged / g.workforce) * 1000 : null;
    if (!ref || g.group === reference) {
      const isRef = g.group === reference && g.workforce > 0 && g.flagged > 0;
      return { ...g, ratePer1000, relativeRate: isRef ? 1 : null, lower: null, upper: null };
    }
    const { rr, lower, upper } = relativeRateWithInterval(g.flagged, g.workforce, ref.flagged, ref.workforce);
    return { ...g, ratePer1000, relativeRate: rr, lower, upper };
  });
}
