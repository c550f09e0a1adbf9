import type { Writable } from 'node:stream';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { findUserByEmail } from '../auth/index.ts';
import { principalOf } from '../auth/index.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import type { Ability } from '../../kernel/access/roles.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { csvLine, writeWithBackpressure } from './csv-write.ts';
import { EXPORT_COLUMNS, exportPage, type ExportKind } from './exports.repository.ts';

export const exportInput = z.object({
  what: z.enum(['people', 'cases', 'allegations'], { message: 'Choose what to export: people, cases or allegations' }),
  destination: z.string().trim().min(1).default('standard output'),
});

const abilityFor: Record<ExportKind, Ability> = {
  people: 'person.search',
  cases: 'case.read',
  allegations: 'case.read',
};
const PAGE = 1000;

/**
 * `probity export`: writes people, cases or allegations as CSV, as the given user, through exactly the
 * need-to-know scope of the pages (a user exports what they could page through, nothing more). The rows
 * are read in one transaction that ends with the 'export.written' audit event naming the count and the
 * destination, so an export that fails half-way is not recorded as done.
 */
export async function exportRecords(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof exportInput>,
  out: Writable,
): Promise<{ rows: number }> {
  const input = parseInput(exportInput, raw, 'Check the export');
  authorize(principal, abilityFor[input.what], 'page');
  return deps.db.transaction(async (tx) => {
    const columns = EXPORT_COLUMNS[input.what];
    await writeWithBackpressure(out, csvLine(columns));
    let after: string | null = null;
    let rows = 0;
    for (;;) {
      const page = await exportPage(tx, principal, input.what, after, PAGE);
      for (const row of page) await writeWithBackpressure(out, csvLine(columns.map((c) => row[c])));
      rows += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
    await recordAudit(
      tx,
      actorOf(principal, null),
      { type: 'export', id: input.what },
      { type: 'export.written', what: input.what, rows, destination: input.destination },
    );
    return { rows };
  });
}

/**
 * The principal an export acts as: an active account of the force named. The export then sees exactly
 * what that user would see in the application.
 */
export async function exporterFor(deps: Deps, email: string, forceId: string): Promise<Principal> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new AppError('validation', 'Check the export', { as: `No account ${email}` });
  if (user.status !== 'active')
    throw new AppError('validation', 'Check the export', { as: `The account ${user.email} is not active` });
  if (user.forceId !== forceId)
    throw new AppError('validation', 'Check the export', {
      force: `The account ${user.email} belongs to force "${user.forceId}", not "${forceId}"`,
    });
  return principalOf(user);
}
