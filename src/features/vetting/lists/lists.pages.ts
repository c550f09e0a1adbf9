import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { authorize } from '../../../kernel/access/principal.ts';
import { textOf } from '../../../kernel/forms.ts';
import { listReviewRule } from './list-review.ts';
import { browseLists } from './browse-lists.ts';
import { importNationalList } from './import-list.ts';
import { LIST_CSV_COLUMNS, REQUIRED_LIST_CSV_COLUMNS } from './list-csv.ts';
import { LIST_LABELS } from '../vetting-labels.ts';
import { errorSummary, formFailure, pageHref, pagination } from '../vetting-pages-support.ts';

const COLUMN_TEXT: Record<(typeof LIST_CSV_COLUMNS)[number], string> = {
  source_id: 'The list’s own reference for the entry (a re-import finds the entry by it)',
  family_name: 'Family name',
  given_name: 'Given name or names',
  date_of_birth: 'YYYY-MM-DD or DD/MM/YYYY',
  former_force: 'The force that dismissed or reported them',
  rank: 'Rank or grade',
  identifiers: 'Warrant, collar or staff numbers, separated by ";"',
  reason: 'Why they are listed',
  listed_on: 'The date they were listed: YYYY-MM-DD or DD/MM/YYYY',
};

/** Browsing the list entries, and importing a national list file (multipart upload, works without JavaScript). */
export function registerListPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: Record<string, string> }>('/vetting/lists', pre, async (request, reply) => {
    const query = request.query;
    const imported = /^(\d+)-(\d+)-(\d+)-(\d+)(?:-(\d+)-(\d+))?$/.exec(query['imported'] ?? '');
    const common = {
      pageTitle: 'Barred and advisory lists',
      reviewRule: listReviewRule(deps.config.rules.integrity.listReviewYears),
      query,
      listLabels: LIST_LABELS,
      listItems: [
        { value: '', text: 'Both lists' },
        { value: 'barred', text: LIST_LABELS.barred, selected: query['list'] === 'barred' },
        { value: 'advisory', text: LIST_LABELS.advisory, selected: query['list'] === 'advisory' },
      ],
      originItems: [
        { value: '', text: 'Any source' },
        { value: 'own_return', text: 'This force’s returns', selected: query['origin'] === 'own_return' },
        { value: 'national_import', text: 'National lists', selected: query['origin'] === 'national_import' },
      ],
      flash: imported
        ? `Imported ${imported[1]} rows: ${imported[2]} new, ${imported[3]} changed, ${imported[4]} unchanged.` +
          (imported[5] && imported[5] !== '0'
            ? ` ${imported[5]} no longer in the file: marked as taken off the list.`
            : '') +
          (imported[6] && imported[6] !== '0' ? ` ${imported[6]} back on the list.` : '')
        : undefined,
    };
    try {
      const result = await browseLists(deps, principalOf(request), query, request.id);
      return reply.page('vetting/views/lists.njk', {
        ...common,
        result,
        pages: pagination(result.input.page, result.pageCount, pageHref('/vetting/lists', query)),
      });
    } catch (err) {
      const failure = formFailure(err);
      return reply.code(failure.status).page('vetting/views/lists.njk', {
        ...common,
        fields: failure.fields,
        errors: errorSummary(failure.fields ?? {}, []),
      });
    }
  });

  const showImport = (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { status?: number; fields?: Record<string, string>; list?: string } = {},
  ) => {
    authorize(principalOf(request), 'vetting.lists', 'page');
    const fields = extra.fields ?? {};
    const formFields = Object.fromEntries(Object.entries(fields).filter(([k]) => k === 'list' || k === 'file'));
    return reply.code(extra.status ?? 200).page('vetting/views/import-list.njk', {
      pageTitle: 'Import a national list',
      columns: LIST_CSV_COLUMNS.map((name) => ({
        name,
        required: (REQUIRED_LIST_CSV_COLUMNS as readonly string[]).includes(name),
        text: COLUMN_TEXT[name],
      })),
      listItems: (['barred', 'advisory'] as const).map((l) => ({
        value: l,
        text: LIST_LABELS[l],
        checked: extra.list === l,
      })),
      problems: Object.entries(fields)
        .filter(([k]) => k !== 'list' && k !== 'file')
        .map(([, v]) => v),
      fields: formFields,
      errors: extra.fields ? errorSummary(formFields, []) : undefined,
    });
  };

  app.get('/vetting/lists/import', pre, (request, reply) => showImport(request, reply));

  app.post<{ Body: Record<string, unknown> | undefined }>(
    '/vetting/lists/import',
    { ...pre, config: { acceptsUpload: true } },
    async (request, reply) => {
      const body: Record<string, unknown> = request.body ?? {};
      const list = textOf(body['list']);
      try {
        const s = await importNationalList(deps, principalOf(request), { list, file: body['file'] }, request.id);
        return reply.redirect(
          `/vetting/lists?imported=${s.rows}-${s.inserted}-${s.updated}-${s.unchanged}-${s.removed}-${s.restored}`,
          303,
        );
      } catch (err) {
        const failure = formFailure(err);
        return showImport(request, reply, { status: failure.status, fields: failure.fields, list });
      }
    },
  );
}
