import { CopyTable } from './copy-text.ts';
import type { SyntheticForce } from './synthetic-organisation.ts';

/**
 * A synthetic force's organisation and accounts as COPY rows, parents first: the force, its units, people,
 * their numbers and postings, and the sign-ins (the demo password and a TOTP key derived from the email,
 * as the demo accounts have, so a person trying the data can sign in).
 */
export function organisationTables(force: SyntheticForce, passwordHash: string, now: Date): CopyTable[] {
  const { org } = force;
  const stamp = now.toISOString();
  const forces = new CopyTable('forces', ['id', 'name', 'created_at']);
  forces.add(org.force.id, org.force.name, stamp);
  const units = new CopyTable('units', ['force_id', 'id', 'parent_id', 'name', 'kind', 'path']);
  for (const u of org.units) units.add(u.forceId, u.id, u.parentId ?? null, u.name, u.kind, u.path ?? '');
  const people = new CopyTable('people', [
    'force_id',
    'id',
    'given_name',
    'family_name',
    'person_type',
    'status',
    'service_start',
    'service_end',
    'date_of_birth',
    'sex',
    'ethnicity',
    'age_band',
    'search_name',
    'version',
    'created_at',
    'updated_at',
  ]);
  for (const p of org.people) {
    people.add(
      p.forceId,
      p.id,
      p.givenName,
      p.familyName,
      p.personType,
      p.status ?? 'current',
      p.serviceStart ?? null,
      p.serviceEnd ?? null,
      p.dateOfBirth ?? null,
      p.sex ?? null,
      p.ethnicity ?? null,
      p.ageBand ?? null,
      p.searchName ?? '',
      1,
      stamp,
      stamp,
    );
  }
  const identifiers = new CopyTable('person_identifiers', [
    'force_id',
    'id',
    'person_id',
    'kind',
    'value',
    'valid_from',
    'valid_to',
  ]);
  for (const i of org.identifiers)
    identifiers.add(i.forceId, i.id, i.personId, i.kind, i.value, i.validFrom, i.validTo ?? null);
  const postings = new CopyTable('person_postings', [
    'force_id',
    'id',
    'person_id',
    'rank',
    'role',
    'unit_id',
    'valid_from',
    'valid_to',
  ]);
  for (const p of org.postings)
    postings.add(p.forceId, p.id, p.personId, p.rank, p.role, p.unitId, p.validFrom, p.validTo ?? null);
  const users = new CopyTable('users', [
    'id',
    'force_id',
    'email',
    'display_name',
    'role',
    'person_id',
    'password_hash',
    'totp_secret',
    'totp_enabled_at',
    'status',
    'is_demo',
    'created_at',
  ]);
  for (const a of force.accounts)
    users.add(
      a.id,
      org.force.id,
      a.email,
      a.displayName,
      a.role,
      a.personId,
      passwordHash,
      a.totpSecret,
      stamp,
      'active',
      true,
      stamp,
    );
  return [forces, units, people, identifiers, postings, users];
}
