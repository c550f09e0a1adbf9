/**
 * Matching an applicant against barred and advisory list entries (uk-domain.md §2.15: policing bodies may
 * not appoint someone on the barred list and must consider the advisory list). Pure and explainable: the
 * score is a sum of weighted signals, each with a reason in words, capped at 1. A score at or above the
 * configured threshold (`integrity.listMatchThreshold`) makes the entry a LIKELY match for a person to
 * decide; nothing here ever rejects or clears anyone.
 *
 * Signals: family name (exact, or similar by edit distance, against the current and every former name),
 * given name (exact, an initial, or similar), date of birth (exact, or with day and month transposed),
 * and any former warrant, collar or staff number equal to one on the entry.
 */

export type Applicant = {
  givenName: string;
  familyName: string;
  formerNames: readonly string[];
  dateOfBirth: string | null;
  formerNumbers: readonly string[];
};
export type ListEntryForMatch = {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  identifiers: readonly string[];
};
export type MatchResult = { score: number; reasons: string[] };

export const MATCH_WEIGHTS = Object.freeze({
  familyExact: 0.35,
  /** Times the similarity (0.75–1) of a close but different family name. */
  familySimilar: 0.3,
  givenExact: 0.15,
  givenInitial: 0.08,
  givenSimilar: 0.1,
  dobExact: 0.35,
  dobTransposed: 0.25,
  number: 0.4,
});

/** Below this similarity a different name is no signal at all. */
const SIMILARITY_FLOOR = 0.75;

/** Lower case, accents removed, anything but letters and spaces dropped (hyphens and apostrophes become spaces). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’.]/g, ' ')
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A warrant, collar or staff number compared without spaces, punctuation or a rank prefix ("PC 4521" is 4521). */
export function normaliseNumber(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^(PCSO|PC|PS|DC|DS|SGT|INSP|DI)(?=\d)/, '');
}

/** Levenshtein edit distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? Math.max(a.length, b.length);
}

/** 1 for equal strings, falling with the edit distance relative to the longer one. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - editDistance(a, b) / longest;
}

type NameCandidate = { given: string; family: string; label: string };

/** The applicant's names: current, then each former name ("Given Family"; a single word is a family name). */
function namesOf(a: Applicant): NameCandidate[] {
  const out: NameCandidate[] = [{ given: normaliseName(a.givenName), family: normaliseName(a.familyName), label: '' }];
  for (const former of a.formerNames) {
    const words = normaliseName(former).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    out.push({
      given: words.length > 1 ? words.slice(0, -1).join(' ') : '',
      family: words.at(-1) ?? '',
      label: former.trim(),
    });
  }
  return out;
}

/** Family names compared whole and by part (a double-barrelled name matches either part). */
function familySignal(candidate: string, entry: string): number {
  const parts = (s: string) => [s.replace(/ /g, ''), ...s.split(' ')].filter((p) => p.length > 1);
  let best = 0;
  for (const x of parts(candidate)) for (const y of parts(entry)) best = Math.max(best, similarity(x, y));
  return best;
}

function givenSignal(candidate: string, entry: string): { weight: number; words: string } | null {
  if (!candidate || !entry) return null;
  const c = candidate.split(' ')[0] ?? '';
  const e = entry.split(' ')[0] ?? '';
  if (c === e) return { weight: MATCH_WEIGHTS.givenExact, words: 'Given name matches' };
  if ((c.length === 1 || e.length === 1) && c[0] === e[0])
    return { weight: MATCH_WEIGHTS.givenInitial, words: 'Given name matches an initial' };
  const sim = similarity(c, e);
  if (sim >= SIMILARITY_FLOOR || (c.length >= 3 && e.length >= 3 && (c.startsWith(e) || e.startsWith(c))))
    return { weight: MATCH_WEIGHTS.givenSimilar, words: `Given name is similar (${candidate} and ${entry})` };
  return null;
}

/** Day and month swapped (1984-03-07 vs 1984-07-03); not the same date. */
export function isTransposedDate(a: string, b: string): boolean {
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  return a !== b && ay === by && am === bd && ad === bm;
}

export function scoreMatch(applicant: Applicant, entry: ListEntryForMatch): MatchResult {
  const reasons: string[] = [];
  let score = 0;
  const entryFamily = normaliseName(entry.familyName);
  const entryGiven = normaliseName(entry.givenName);

  // The best name among current and former names gives the name signals.
  let bestName = { score: 0, reasons: [] as string[] };
  for (const name of namesOf(applicant)) {
    const sim = familySignal(name.family, entryFamily);
    if (sim < SIMILARITY_FLOOR) continue;
    const formerly = name.label ? ` (former name ${name.label})` : '';
    const family =
      sim === 1
        ? { w: MATCH_WEIGHTS.familyExact, r: `Family name matches${formerly}` }
        : {
            w: MATCH_WEIGHTS.familySimilar * sim,
            r: `Family name is similar${formerly}: ${name.family} and ${entryFamily}`,
          };
    const given = givenSignal(name.given, entryGiven);
    const total = family.w + (given?.weight ?? 0);
    if (total > bestName.score) bestName = { score: total, reasons: [family.r, ...(given ? [given.words] : [])] };
  }
  score += bestName.score;
  reasons.push(...bestName.reasons);

  if (applicant.dateOfBirth && entry.dateOfBirth) {
    if (applicant.dateOfBirth === entry.dateOfBirth) {
      score += MATCH_WEIGHTS.dobExact;
      reasons.push('Date of birth matches');
    } else if (isTransposedDate(applicant.dateOfBirth, entry.dateOfBirth)) {
      score += MATCH_WEIGHTS.dobTransposed;
      reasons.push('Date of birth matches with day and month transposed');
    }
  }

  const entryNumbers = new Set(entry.identifiers.map(normaliseNumber).filter(Boolean));
  const sameNumber = applicant.formerNumbers.find(
    (n) => normaliseNumber(n) !== '' && entryNumbers.has(normaliseNumber(n)),
  );
  if (sameNumber) {
    score += MATCH_WEIGHTS.number;
    reasons.push(`Former number ${sameNumber.trim()} matches`);
  }

  return { score: Math.min(1, Math.round(score * 1000) / 1000), reasons };
}

/** Entries scoring at or above the threshold, best first. */
export function likelyMatches<E extends ListEntryForMatch>(
  applicant: Applicant,
  entries: readonly E[],
  threshold: number,
): { entry: E; score: number; reasons: string[] }[] {
  return entries
    .map((entry) => ({ entry, ...scoreMatch(applicant, entry) }))
    .filter((m) => m.score >= threshold)
    .sort((a, b) => b.score - a.score);
}
