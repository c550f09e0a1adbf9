import type { Deps } from '../../kernel/deps.ts';
import { can, type Principal } from '../../kernel/access/principal.ts';
import { listCases, type CaseListFilter } from './cases.repository.ts';
import type { AllegationStatus } from './rules/allegation-types.ts';

export type WorkItem = { title: string; hint: string; href: string; count: number; moreThan: boolean };

type Task = {
  title: string;
  hint: string;
  filter: CaseListFilter;
  /** Whose work it is: the ability the step needs. */
  ability: 'case.read' | 'case.allocate' | 'allegation.decide' | 'allegation.progress';
};

const stage = (view: CaseListFilter['view'], ...stages: AllegationStatus[]): CaseListFilter => ({
  view,
  status: 'open',
  stage: stages,
});

/**
 * The steps waiting for this user, as counts of cases that link to the case list filtered the same way:
 * each count runs the list's own query (cases-scope.ts, the same filters), so the number on the home page
 * is the number of rows the link shows, and a case the user may not see is never counted. The appropriate
 * authority's steps are over every case they may see; an investigator's over the cases they lead.
 */
const TASKS: Task[] = [
  {
    title: 'Cases waiting for a lead investigator',
    hint: 'Allocate each to an investigator',
    filter: { view: 'unallocated', status: 'open' },
    ability: 'case.allocate',
  },
  {
    title: 'Allegations to assess',
    hint: 'Received and not yet assessed for severity (Conduct Regs 2020 reg 14)',
    filter: stage('all', 'received'),
    ability: 'allegation.decide',
  },
  {
    title: 'Reports waiting for the case-to-answer decision',
    hint: 'Decide whether there is a case to answer (Conduct Regs 2020 reg 21)',
    filter: stage('all', 'report_submitted'),
    ability: 'allegation.decide',
  },
  {
    title: 'Cases to answer waiting for a meeting or hearing',
    hint: 'Arrange the misconduct meeting or hearing',
    filter: stage('all', 'case_to_answer_misconduct', 'case_to_answer_gross_misconduct'),
    ability: 'allegation.decide',
  },
  {
    title: 'My investigations to start',
    hint: 'Assessed as misconduct and waiting for the investigation to start',
    filter: stage('mine', 'assessed_misconduct', 'assessed_gross_misconduct'),
    ability: 'allegation.progress',
  },
  {
    title: 'My investigations in progress',
    hint: 'Submit the investigation report when it is finished',
    filter: stage('mine', 'under_investigation'),
    ability: 'allegation.progress',
  },
  {
    title: 'Open cases I lead',
    hint: 'Every open case with you as lead investigator',
    filter: { view: 'mine', status: 'open' },
    ability: 'case.read',
  },
];

const hrefOf = (f: CaseListFilter) =>
  `/cases?${new URLSearchParams(
    Object.entries(f).flatMap(([k, v]): [string, string][] =>
      typeof v === 'string' ? [[k, v]] : Array.isArray(v) ? v.map((one: string) => [k, one]) : [],
    ),
  ).toString()}`;

/** The case work waiting for the principal (empty for a role without case access). */
export async function caseWorkQueue(deps: Deps, principal: Principal): Promise<WorkItem[]> {
  if (!can(principal, 'case.read')) return [];
  const items: WorkItem[] = [];
  for (const task of TASKS) {
    if (!can(principal, task.ability)) continue;
    const result = await listCases(
      deps.db,
      principal,
      task.filter,
      { limit: 0, offset: 0 },
      deps.config.caseListCountLimit,
    );
    items.push({
      title: task.title,
      hint: task.hint,
      href: hrefOf(task.filter),
      count: result.total,
      moreThan: result.moreThanTotal,
    });
  }
  return items;
}
