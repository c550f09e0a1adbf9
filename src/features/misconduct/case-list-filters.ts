import type { Deps } from '../../kernel/deps.ts';
import { caseSources } from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { sourceLabels } from './case-form-fields.ts';
import { investigatorsOfForce } from './case-page-model.ts';
import { statusText } from './case-page-words.ts';
import { listCategories } from './cases.repository.ts';
import { CASE_SORTS, defaultDirection, type CaseSort } from './list-cases.ts';
import { ALLEGATION_STATUSES } from './rules/allegation-types.ts';

type Item = { value: string; text: string; selected?: boolean };

const withAny = (anyText: string, items: Item[], chosen: string | undefined): Item[] => [
  { value: '', text: anyText },
  ...items.map((i) => ({ ...i, selected: i.value === chosen })),
];

/** The choices of the case search form (GOV.UK selects), with the current filters selected. */
export async function caseFilterChoices(deps: Deps, principal: Principal | null, query: Record<string, string>) {
  if (!principal) return undefined;
  const categories = await listCategories(deps.db);
  const leads = await investigatorsOfForce(deps, principal.forceId);
  return {
    categories: withAny(
      'Any category',
      categories.map((c) => ({ value: c.code, text: c.parent_code ? `– ${c.label}` : c.label })),
      query['category'],
    ),
    stages: withAny(
      'Any stage',
      ALLEGATION_STATUSES.map((s) => ({ value: s, text: statusText(s) })),
      query['stage'],
    ),
    leads: withAny(
      'Anyone or nobody',
      [{ value: 'none', text: 'Not allocated' }, ...leads.map((u) => ({ value: u.id, text: u.displayName }))],
      query['lead'],
    ),
    sources: withAny(
      'Any source',
      caseSources.map((s) => ({ value: s, text: sourceLabels[s] })),
      query['source'],
    ),
    confidentialities: withAny(
      'Normal or restricted',
      [
        { value: 'normal', text: 'Normal' },
        { value: 'restricted', text: 'Restricted' },
      ],
      query['confidentiality'],
    ),
  };
}

const COLUMN_TEXT: Record<CaseSort, string> = {
  reference: 'Reference',
  subjects: 'Subjects',
  allegations: 'Allegations',
  lead: 'Lead investigator',
  received: 'Came to attention',
};

/**
 * The sortable column headers as links (the MOJ sortable table's look and its aria-sort, but sorted by the
 * server over the whole list, not by a script over one page): the current column's link turns the order
 * round, another column's link sorts by it in its natural direction. Every other filter stays in the URL.
 */
export function sortableHeaders(kept: [string, string][], sort: CaseSort, dir: 'asc' | 'desc') {
  const base = kept.filter(([k]) => k !== 'sort' && k !== 'dir' && k !== 'page');
  return Object.fromEntries(
    CASE_SORTS.map((column) => {
      const active = column === sort;
      const next = active ? (dir === 'asc' ? 'desc' : 'asc') : defaultDirection(column);
      const href = `/cases?${new URLSearchParams([...base, ['sort', column], ['dir', next]]).toString()}`;
      return [
        column,
        {
          text: COLUMN_TEXT[column],
          href,
          ariaSort: active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none',
          numeric: column === 'subjects' || column === 'allegations',
        },
      ];
    }),
  );
}
