import { caseTypes } from '../../db/schema/index.ts';
import type { PeriodKey } from '../clocks/periods.ts';
import { type Source } from '../misconduct/demo/case-templates.ts';
import { isoOf as toIso } from './day-text.ts';
import { regimeFor, type RegimeVersion } from '../clocks/regime.ts';
import { areaNames } from '../organisation/demo-reference-data.ts';
import { cumulativeOf, type FastRng } from './fast-rng.ts';
import { runLedger, type ClockRules, type InstanceStep, type LedgerAllegation } from './synthetic-clocks.ts';
import { writeCaseRows, type CaseTables, type GeneratedCase } from './synthetic-case-rows.ts';
import type { SubjectCandidate, SyntheticForce } from './synthetic-organisation.ts';
import { THEME_SPECS, type ThemeSpec, type TrackLibrary, type TrackPool, type TrackTemplate } from './track-library.ts';

/*
 * A force's conduct cases over ten years, generated in date order (so references count up per year as
 * nextCaseReference numbers them): what each is about, from which source, against whom, how many
 * allegations, and each allegation's track taken from the library, stretched and cut at today. The rows
 * are written as the use cases would have written them (synthetic-case-rows.ts).
 */

type CaseType = (typeof caseTypes)[number];

/** Subjects per case (single-subject themes) and allegations per subject: about 2.5 allegations a case. */
const SUBJECTS = [1, 2, 3];
const SUBJECT_CUMULATIVE = cumulativeOf([70, 22, 8]);
const ALLEGATIONS = [1, 2, 3, 4];
const ALLEGATION_CUMULATIVE = cumulativeOf([50, 27, 14, 9]);
/** Share of cases about many subjects at once (the group-chat case). */
const GROUP_SHARE = 0.04;
const ALLOCATED_SHARE = 0.75;
const TEAM_OWNED_SHARE = 0.1;
/** Subjects are drawn unevenly: a few people attract many allegations (u^SKEW over the pool). */
const SKEW = 1.7;

const SINGLE = THEME_SPECS.map((t, i) => ({ t, i })).filter(({ t }) => t.group === null);
const SINGLE_CUMULATIVE = cumulativeOf(SINGLE.map(({ t }) => t.weight));
const GROUPS = THEME_SPECS.map((t, i) => ({ t, i })).filter(({ t }) => t.group !== null);
const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/** Chance that an allegation is one of those waiting in some state rather than one run to its end, by the case's age. */
function waitingChance(ageDays: number): number {
  return ageDays < 365 ? 0.3 : ageDays < 730 ? 0.12 : ageDays < 1460 ? 0.04 : 0.01;
}

function caseTypeFor(source: Source, theme: ThemeSpec): CaseType {
  if (source === 'public_complaint') return 'complaint_special_procedures';
  return theme.gravity === 'high' || source === 'criminal_investigation'
    ? 'recordable_conduct_matter'
    : 'conduct_matter';
}

/** The Conduct Regulations' subjects are officers and specials: staff answer under the force's own procedures. */
function who(subjects: SubjectCandidate[]): string {
  if (subjects.length === 1) return subjects[0]?.personType === 'special' ? 'A special constable' : 'An officer';
  return `${NUMBER_WORDS[subjects.length] ?? String(subjects.length)} officers`;
}

export type CaseGeneratorOptions = {
  force: SyntheticForce;
  library: TrackLibrary;
  rules: ClockRules;
  dueOf: (p: PeriodKey, day: number) => number;
  today: number;
  rng: FastRng;
};

export class CaseGenerator {
  readonly total: number;
  private readonly days: number[];
  private made = 0;
  private readonly perYear = new Map<number, number>();
  private readonly regimes = new Map<number, RegimeVersion>();

  constructor(private readonly o: CaseGeneratorOptions) {
    this.total = o.force.plan.cases;
    // Cases come to attention over ten years, a little more often in later years.
    this.days = Array.from(
      { length: this.total },
      () => o.today - 3650 + Math.floor(3651 * Math.pow(o.rng.next(), 0.9)),
    ).sort((a, b) => a - b);
  }

  get generated(): number {
    return this.made;
  }

  /** Generates up to `n` more cases into `tables`; returns how many. */
  nextChunk(tables: CaseTables, n: number): number {
    const end = Math.min(this.total, this.made + n);
    const start = this.made;
    for (let i = start; i < end; i++) writeCaseRows(tables, this.o, this.oneCase(this.days[i] as number));
    this.made = end;
    return end - start;
  }

  private regimeOn(day: number): RegimeVersion {
    let r = this.regimes.get(day);
    if (!r) this.regimes.set(day, (r = regimeFor(toIso(day))));
    return r;
  }

  private pickSubject(type: SubjectCandidate['personType'], day: number, chosen: Set<string>): SubjectCandidate {
    const { rng, force } = this.o;
    const pool = force.pools[type].length > 0 ? force.pools[type] : force.pools.officer;
    const serving = (c: SubjectCandidate) =>
      c.start <= day - 60 && (c.end === null || c.end >= day) && !chosen.has(c.id);
    for (let attempt = 0; attempt < 40; attempt++) {
      const c = pool[Math.floor(pool.length * Math.pow(rng.next(), SKEW))] as SubjectCandidate;
      if (serving(c)) return c;
    }
    const from = rng.int(0, pool.length - 1);
    for (let k = 0; k < pool.length; k++) {
      const c = pool[(from + k) % pool.length] as SubjectCandidate;
      if (serving(c)) return c;
    }
    const any = pool.find((c) => !chosen.has(c.id));
    if (!any) throw new Error(`synthetic cases: ${force.plan.id} has too few people to pick subjects from`);
    return any;
  }

  private chooseTrack(pool: TrackPool, age: number, multi: boolean): TrackTemplate {
    const { rng } = this.o;
    const open = multi ? pool.openNoLeft : pool.open;
    if (open.length > 0 && rng.chance(waitingChance(age))) return rng.pick(open);
    const closed = multi ? pool.closedNoLeft : pool.closed;
    return rng.pick(closed.length > 0 ? closed : pool.closed);
  }

  private oneCase(day: number): GeneratedCase {
    const { rng, force, today, library } = this.o;
    const regime = this.regimeOn(day);
    const isGroup = force.plan.people >= 200 && rng.chance(GROUP_SHARE);
    const picked = isGroup
      ? rng.pick(GROUPS)
      : (SINGLE[rng.weightedIndex(SINGLE_CUMULATIVE)] as (typeof SINGLE)[number]);
    const theme = picked.t;
    const sources = Object.entries(theme.sources) as [Source, number][];
    const source = (sources[rng.weightedIndex(cumulativeOf(sources.map(([, w]) => w)))] as [Source, number])[0];
    const size = theme.group
      ? rng.int(theme.group.size[0], theme.group.size[1])
      : (SUBJECTS[rng.weightedIndex(SUBJECT_CUMULATIVE)] as number);
    const chosen = new Set<string>();
    const subjects: SubjectCandidate[] = [];
    for (let s = 0; s < size; s++) {
      const type = rng.chance(0.08) ? 'special' : 'officer';
      const c = this.pickSubject(type, day, chosen);
      chosen.add(c.id);
      subjects.push(c);
    }
    const year = Number(toIso(day).slice(0, 4));
    const n = (this.perYear.get(year) ?? 0) + 1;
    this.perYear.set(year, n);
    const lead = rng.chance(ALLOCATED_SHARE) ? rng.pick(force.investigators) : null;
    const restricted = !theme.group && rng.chance(theme.gravity === 'high' ? 0.2 : 0.03);
    const stretch = 0.8 + 0.5 * rng.next();
    const allegations: (LedgerAllegation & { theme: ThemeSpec; description: string })[] = [];
    const subjectIds = subjects.map(() => rng.uuid());
    subjects.forEach((_, si) => {
      const count = theme.group ? 1 : (ALLEGATIONS[rng.weightedIndex(ALLEGATION_CUMULATIVE)] as number);
      for (let k = 0; k < count; k++) {
        const own = k === 0 ? picked : (SINGLE[rng.weightedIndex(SINGLE_CUMULATIVE)] as (typeof SINGLE)[number]);
        const template = this.chooseTrack(library.pool(regime, own.i), today - day, count > 1);
        const steps: InstanceStep[] = [];
        for (const t of template.steps) {
          const at = day + Math.round(t.offset * stretch);
          if (at > today) break;
          steps.push({ day: at, t, done: [] });
        }
        allegations.push({
          id: rng.uuid(),
          subjectId: subjectIds[si] as string,
          subject: si,
          steps,
          theme: own.t,
          description: rng.pick(own.t.descriptions),
        });
      }
    });
    const ledger = runLedger(
      { ctaDay: day, regime, leadUserId: lead?.id ?? null, allegations, subjects: subjects.length },
      today,
      this.o.rules,
      this.o.dueOf,
      rng,
    );
    return {
      id: rng.uuid(),
      reference: `${force.plan.id.toUpperCase()}-${year}-${String(n).padStart(4, '0')}`,
      day,
      regime,
      source,
      caseType: caseTypeFor(source, theme),
      summary: rng.pick(theme.summaries).replace('{who}', who(subjects)).replace('{area}', rng.pick(areaNames)),
      theme,
      restricted,
      nameInvestigator: restricted && lead !== null && rng.chance(0.5),
      lead,
      owningUnitId: force.psdUnitId && rng.chance(TEAM_OWNED_SHARE) ? force.psdUnitId : null,
      subjects,
      subjectIds,
      allegations,
      stretch,
      ledger,
    };
  }
}
