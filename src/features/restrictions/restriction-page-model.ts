import { formatDate, type IsoDate } from '../../kernel/time/dates.ts';
import {
  GROUND_LABELS,
  KIND_LABELS,
  durationDays,
  isRestrictionKind,
  type OptionConsidered,
  type SuspensionGround,
} from './restriction-rules.ts';
import { triggerSummary } from './suspension-flag.ts';
import type { RestrictionWithHistory, SubjectRestrictions } from './view-case-restrictions.ts';

/**
 * Turns what viewCaseRestrictions returns into what the case's restrictions page shows, per subject: the
 * flag in words, the restriction in force as summary rows, the links to the decisions the user may take,
 * and one history of every decision on the subject's restrictions, newest first. Decides no rule.
 */

const kindLabel = (kind: string) => (isRestrictionKind(kind) ? KIND_LABELS[kind] : kind);
const yesNo = (v: boolean | null) => (v === null ? 'Not recorded' : v ? 'Yes' : 'No');

type Row = { key: { text: string }; value: { text?: string; html?: string } };

function currentRows(r: RestrictionWithHistory, today: IsoDate): Row[] {
  const rows: Row[] = [
    { key: { text: 'Restriction' }, value: { text: kindLabel(r.kind) } },
    {
      key: { text: 'In force since' },
      value: { text: `${formatDate(r.startsOn)} (${durationDays(r.startsOn, today)} days)` },
    },
    { key: { text: 'Decided' }, value: { text: `${formatDate(r.decidedOn)} by ${r.decisionMaker}` } },
    { key: { text: 'Conditions' }, value: { text: r.conditions || 'None recorded' } },
    { key: { text: 'Reasons' }, value: { text: r.rationale } },
  ];
  const tests = r.suspensionTests as {
    redeploymentRejectedReason: string;
    ground: SuspensionGround;
    groundReason: string;
  } | null;
  if (tests) {
    rows.push({
      key: { text: 'Why not temporary redeployment (regulation 11)' },
      value: { text: tests.redeploymentRejectedReason },
    });
    rows.push({
      key: { text: 'Ground (regulation 11)' },
      value: { text: `${GROUND_LABELS[tests.ground] ?? tests.ground}: ${tests.groundReason}` },
    });
  }
  const told = r.noticeGivenOn
    ? `Told ${r.noticeMethod === 'oral' ? 'orally' : 'in writing'} on ${formatDate(r.noticeGivenOn)}`
    : 'Not yet told';
  const written = r.writtenNoticeOn
    ? `written notice given on ${formatDate(r.writtenNoticeOn)}`
    : `written notice due by ${formatDate(r.noticeDueOn)}`;
  rows.push({ key: { text: 'Notice to the officer' }, value: { text: `${told}; ${written}` } });
  const overdue = !!r.nextReviewDueOn && r.nextReviewDueOn < today;
  rows.push({
    key: { text: 'Next review' },
    value: {
      text: r.nextReviewDueOn ? `${formatDate(r.nextReviewDueOn)}${overdue ? ' (overdue)' : ''}` : 'Not scheduled',
    },
  });
  return rows;
}

function optionRows(r: RestrictionWithHistory) {
  return (r.optionsConsidered as OptionConsidered[]).map((o) => ({
    option: kindLabel(o.option),
    considered: o.considered ? 'Yes' : 'No',
    reason: o.reason,
  }));
}

function decisionText(d: RestrictionWithHistory['decisions'][number], r: RestrictionWithHistory): string {
  switch (d.kind) {
    case 'imposed':
      return `Imposed: ${kindLabel(r.kind).toLowerCase()}`;
    case 'changed':
      return `Changed to ${kindLabel(r.kind).toLowerCase()}`;
    case 'lifted':
      return `Lifted ${kindLabel(r.kind).toLowerCase()}${r.endsOn ? `, ending ${formatDate(r.endsOn)}` : ''}`;
    case 'reviewed':
      return `Reviewed ${kindLabel(r.kind).toLowerCase()}: conditions ${d.conditionsStillHold ? 'still hold' : 'no longer hold'}${d.nextReviewDueOn ? `; next review ${formatDate(d.nextReviewDueOn)}` : ''}`;
    default:
      return d.kind;
  }
}

export function subjectCard(
  s: SubjectRestrictions,
  ctx: { caseId: string; today: IsoDate; canDecide: boolean; canRationale: boolean },
) {
  const base = `/cases/${ctx.caseId}/restrictions`;
  const all = [...s.inForce, ...s.past];
  const history = all
    .flatMap((r) =>
      r.decisions.map((d) => ({
        decidedOn: d.decidedOn,
        recordedAt: d.recordedAt,
        what: decisionText(d, r),
        by: d.decisionMaker,
        reasons: d.reasons,
        review:
          d.kind === 'reviewed'
            ? `Officer told: ${yesNo(d.officerInformed)}.${d.officerRepresentations ? ` Representations: ${d.officerRepresentations}` : ''}`
            : '',
      })),
    )
    .sort((a, b) =>
      a.decidedOn === b.decidedOn
        ? b.recordedAt.getTime() - a.recordedAt.getTime()
        : a.decidedOn < b.decidedOn
          ? 1
          : -1,
    );
  const actionsOf = (c: RestrictionWithHistory) =>
    ctx.canDecide
      ? [
          { href: `${base}/${c.id}/review`, text: 'Review' },
          { href: `${base}/${c.id}/change`, text: 'Change' },
          { href: `${base}/${c.id}/lift`, text: 'Lift' },
          ...(c.writtenNoticeOn ? [] : [{ href: `${base}/${c.id}/notice`, text: 'Record the written notice' }]),
        ]
      : [];
  const flag = s.flag;
  return {
    id: s.id,
    personId: s.personId,
    name: s.name,
    left: !!s.leftOn,
    leftOn: s.leftOn,
    /** Each restriction in force, with the decisions the user may take on it (its own review, change, lift). */
    current: s.inForce.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: kindLabel(c.kind),
      rows: currentRows(c, ctx.today),
      options: optionRows(c),
      overdue: !!c.nextReviewDueOn && c.nextReviewDueOn < ctx.today,
      actions: actionsOf(c),
    })),
    // Another kind may be imposed beside those in force (the use case refuses a second of the same kind).
    imposeHref: !s.leftOn && ctx.canDecide ? `${base}/new?subject=${s.id}` : null,
    flag:
      flag && flag.state !== 'not_applicable'
        ? { state: flag.state, why: triggerSummary(flag.triggers, formatDate), answeredUntil: flag.answeredUntil }
        : null,
    rationaleHref:
      ctx.canRationale && flag && (flag.state === 'flagged' || flag.state === 'answered')
        ? `/cases/${ctx.caseId}/subjects/${s.id}/rationale`
        : null,
    history,
    rationales: s.rationales.map((r) => ({
      decidedOn: r.decidedOn,
      validUntil: r.validUntil,
      by: r.decisionMaker,
      rationale: r.rationale,
      current: r.validUntil > ctx.today,
    })),
  };
}

export type SubjectCard = ReturnType<typeof subjectCard>;
