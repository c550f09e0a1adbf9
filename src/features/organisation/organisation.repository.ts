import type { Db } from '../../db/client.ts';
import { forces, people, personIdentifiers, personPostings, units } from '../../db/schema/index.ts';
import type { DemoOrganisation } from './demo-organisation.ts';

/** Keeps each statement well under PostgreSQL's 65,535 bind-parameter limit (people rows have ~15 columns). */
const BATCH_SIZE = 500;

/**
 * Writes a generated organisation. Run it inside the caller's transaction (pass the transaction as `db`)
 * so a failed seed leaves nothing behind. Parents go first: units before the people posted to them,
 * and units in tree order, because the foreign keys are checked statement by statement.
 */
export async function insertDemoOrganisation(db: Db, org: DemoOrganisation): Promise<void> {
  await db.insert(forces).values(org.force).onConflictDoNothing();
  for (let i = 0; i < org.units.length; i += BATCH_SIZE)
    await db.insert(units).values(org.units.slice(i, i + BATCH_SIZE));
  for (let i = 0; i < org.people.length; i += BATCH_SIZE)
    await db.insert(people).values(org.people.slice(i, i + BATCH_SIZE));
  for (let i = 0; i < org.identifiers.length; i += BATCH_SIZE) {
    await db.insert(personIdentifiers).values(org.identifiers.slice(i, i + BATCH_SIZE));
  }
  for (let i = 0; i < org.postings.length; i += BATCH_SIZE) {
    await db.insert(personPostings).values(org.postings.slice(i, i + BATCH_SIZE));
  }
}

/** A new force and its top unit (kind "force"); returns the unit's id. */
export async function insertForceWithTopUnit(db: Db, force: { id: string; name: string }): Promise<string> {
  await db.insert(forces).values(force);
  const [unit] = await db
    .insert(units)
    .values({ forceId: force.id, name: force.name, kind: 'force', path: force.name })
    .returning({ id: units.id });
  if (!unit) throw new Error('the top unit was not created');
  return unit.id;
}
