import type { Deps } from '../../src/kernel/deps.ts';
import type { Db } from '../../src/db/client.ts';
import { forces, personIdentifiers, personPostings, people, units } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/kernel/access/roles.ts';
import { insertUser } from '../../src/features/auth/accounts.repository.ts';
import { hashPassword, newTotpSecret } from '../../src/features/auth/credentials.ts';
import { principalOf, startSession } from '../../src/features/auth/sessions.ts';

/** Test data builders. They insert through the schema directly: they set the scene, the use cases under test act on it. */

export async function createForce(db: Db, id: string, name = `${id} Police`) {
  await db.insert(forces).values({ id, name });
  const [root] = await db.insert(units).values({ forceId: id, name, kind: 'force', path: name }).returning();
  if (!root) throw new Error('no root unit');
  return { id, rootUnitId: root.id, rootPath: root.path };
}

export async function createUnit(db: Db, forceId: string, name: string, parent: { id: string; path: string }) {
  const [row] = await db
    .insert(units)
    .values({ forceId, name, kind: 'team', parentId: parent.id, path: `${parent.path}/${name}` })
    .returning();
  if (!row) throw new Error('no unit');
  return row;
}

export type PersonSpec = {
  givenName: string;
  familyName: string;
  personType?: 'officer' | 'special' | 'staff' | 'volunteer';
  status?: 'current' | 'former';
  sex?: 'female' | 'male';
  ethnicity?: 'white' | 'black' | 'asian' | 'mixed' | 'other';
  identifiers?: { kind: 'collar' | 'warrant' | 'staff'; value: string; validFrom: string; validTo?: string }[];
  postings?: { rank: string; role: string; unitId: string; validFrom: string; validTo?: string }[];
};

export async function createPerson(db: Db, forceId: string, spec: PersonSpec) {
  const [person] = await db
    .insert(people)
    .values({
      forceId,
      givenName: spec.givenName,
      familyName: spec.familyName,
      personType: spec.personType ?? 'officer',
      status: spec.status ?? 'current',
      serviceStart: '2010-04-01',
      sex: spec.sex ?? 'female',
      ethnicity: spec.ethnicity ?? 'white',
      ageBand: '26_40',
      dateOfBirth: '1985-06-15',
      searchName: `${spec.givenName} ${spec.familyName}`.toLowerCase(),
    })
    .returning();
  if (!person) throw new Error('no person');
  for (const i of spec.identifiers ?? []) {
    await db.insert(personIdentifiers).values({
      forceId,
      personId: person.id,
      kind: i.kind,
      value: i.value,
      validFrom: i.validFrom,
      validTo: i.validTo ?? null,
    });
  }
  for (const p of spec.postings ?? []) {
    await db.insert(personPostings).values({ forceId, personId: person.id, ...p, validTo: p.validTo ?? null });
  }
  return person;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createAccount(
  deps: Deps,
  spec: { email: string; role: Role; forceId: string; personId?: string | null; withTotp?: boolean },
) {
  const totpSecret = spec.withTotp === false ? null : newTotpSecret();
  const user = await insertUser(deps.db, {
    email: spec.email,
    role: spec.role,
    forceId: spec.forceId,
    displayName: spec.email.split('@')[0] ?? spec.email,
    personId: spec.personId ?? null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    totpSecret,
    totpEnabledAt: totpSecret ? deps.now() : null,
    status: 'active',
  });
  return { user, principal: principalOf(user), totpSecret };
}

/** A fully signed-in session cookie for an account, without going through the sign-in pages. */
export async function sessionCookieFor(deps: Deps, userId: string): Promise<string> {
  return startSession(deps.db, deps, userId, 'full');
}
