import { AUDIT_PAGE_SIZE, type AuditFilters, type AuditLogEntry, type AuditLogPage } from './list-audit-events.ts';
import { plural, summariseAuditEvent } from './audit-event-summary.ts';

/** The audit log page's view model: the filters put back in the form, the table, the count and the pagination. */
const filterKeys = ['personId', 'actor', 'eventType', 'from', 'to'] as const;

type FormValues = Partial<Record<(typeof filterKeys)[number], string>>;
type PaginationItem = { number: number; href: string; current: boolean } | { ellipsis: true };

/** The link to another page of the same search: the filters travel with it, blanks do not. */
function pageHref(filters: AuditFilters, page: number): string {
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/audit?${text}` : '/audit';
}

/** GOV.UK pagination: first, last and the neighbours of the current page, with ellipses between. */
export function pagination(result: AuditLogPage) {
  if (result.pageCount <= 1) return null;
  const { page, pageCount, filters } = result;
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - (shown[i - 1] ?? n) > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: pageHref(filters, n), current: n === page });
  });
  return {
    items,
    previous: page > 1 ? { href: pageHref(filters, Math.min(page - 1, pageCount)) } : undefined,
    next: page < pageCount ? { href: pageHref(filters, page + 1) } : undefined,
    landmarkLabel: 'Audit log pages',
  };
}

export function resultsText(result: AuditLogPage): string {
  if (result.total === 0) return 'No events match these filters.';
  if (result.rows.length === 0) return `${plural(result.total, 'event')} match, none on page ${result.page}.`;
  const first = (result.page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = first + result.rows.length - 1;
  return `Showing ${first.toLocaleString('en-GB')} to ${last.toLocaleString('en-GB')} of ${plural(result.total, 'event')}, newest first.`;
}

export function tableRows(rows: AuditLogEntry[]) {
  return rows.map((r) => ({
    seq: r.seq,
    occurredAt: r.occurredAt,
    actor: r.actorEmail ?? r.actorLabel,
    eventType: r.eventType,
    subject: `${r.subjectType} ${r.subjectId}`,
    personId: r.personId,
    summary: summariseAuditEvent(r.payload),
    requestId: r.requestId,
  }));
}

/** What the user typed, to put back in the form: only single string values, never anything else. */
export function formValues(query: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const key of filterKeys) {
    const value = query[key];
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}
