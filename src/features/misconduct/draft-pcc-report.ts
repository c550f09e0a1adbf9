import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { criminalEventsOf } from './cases.repository.ts';
import { viewCase } from './view-case.ts';

/**
 * Drafts the report the appropriate authority must give the PCC when an investigation is not complete within
 * 12 months of the matter coming to attention, and every 6 months after (Conduct Regulations reg 19,
 * uk-domain.md §2.7 (Conduct Regs 2020 reg 19)). The fields are those the regulation names; the authority edits the draft
 * before sending, and checks the harm test before copying it to the officer.
 */
export async function draftPccReport(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  requestId: string | null,
) {
  const view = await viewCase(deps, principal, caseId, requestId);
  const { theCase } = view;
  const criminal = await criminalEventsOf(deps.db, theCase.forceId, theCase.id);
  const reportClocks = view.clocks.filter((c) => c.period === 'pcc_report_first' || c.period === 'pcc_report_repeat');
  const notices = view.timeline
    .filter((e) => e.action === 'serve_reg17_notice')
    .map((e) => e.occurredOn)
    .sort();
  const open = view.allegations.filter(
    (a) => !['closed', 'withdrawn', 'assessed_no_case'].includes(a.facts.track.status),
  );
  const subJudice = criminal
    .filter((c) => c.subJudiceFrom)
    .map((c) => ({ from: c.subJudiceFrom, to: c.subJudiceTo, kind: c.kind }));
  return {
    theCase,
    preparedOn: ukToday(deps.now()),
    relevantPeriod: reportClocks.length === 0 ? null : reportClocks[reportClocks.length - 1],
    cameToAttentionOn: theCase.cameToAttentionOn,
    reg17NoticeServedOn: notices[0] ?? null,
    progress: open.map((a) => ({
      subject: a.subject ? `${a.subject.givenName} ${a.subject.familyName}` : 'unknown subject',
      status: a.statusLabel,
    })),
    reasonsForLength: subJudice.length > 0 ? subJudice : null,
    /** Reg 19's exception: disclosure that might prejudice an investigation (including a criminal one) is withheld. */
    mayPrejudice: subJudice.some((w) => !w.to),
  };
}
