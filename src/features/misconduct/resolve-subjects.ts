import type { Deps } from '../../kernel/deps.ts';
import { authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { findVisiblePerson, resolveReference } from '../organisation/index.ts';
import { casePolicy } from './case.policy.ts';

/** A number held by a record later merged into another names the surviving record (the one cases are about). */
async function survivorsOf(deps: Deps, principal: Principal, ids: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const id of ids) {
    const person = await findVisiblePerson(deps.db, principal, id);
    const survivor = person?.mergedIntoId ? await findVisiblePerson(deps.db, principal, person.mergedIntoId) : person;
    if (survivor) out.add(survivor.id);
  }
  return [...out];
}

/**
 * The subjects of a new case typed as references: one collar, warrant or staff number or record id per
 * line, each resolved among the records this user may see, following merges to the surviving record. A line
 * that matches nobody, or more than one record, or the same person as an earlier line, is named in the error.
 */
export async function resolveSubjectReferences(
  deps: Deps,
  principal: Principal | null,
  text: string,
): Promise<{ ids: string[]; error?: string }> {
  authorizeBy(principal, casePolicy.create, 'page');
  const ids: string[] = [];
  const problems: string[] = [];
  const lineOf = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const reference = line.trim();
    if (!reference) continue;
    const n = index + 1;
    const matches = await survivorsOf(deps, principal, await resolveReference(deps.db, principal, reference));
    if (matches.length === 0) problems.push(`line ${n} (“${reference}”) matches no one you can see`);
    else if (matches.length > 1)
      problems.push(`line ${n} (“${reference}”) matches more than one record: enter the record id instead`);
    else {
      const id = matches[0] ?? '';
      const earlier = lineOf.get(id);
      if (earlier !== undefined) problems.push(`line ${n} (“${reference}”) is the same person as line ${earlier}`);
      else {
        lineOf.set(id, n);
        ids.push(id);
      }
    }
  }
  if (problems.length === 0) return { ids };
  return { ids, error: `Check the subjects: ${problems.join('; ')}` };
}
