import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { createForce } from './create-force.ts';

describe('creating a force', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const counts = async () => {
    const [row] = await t.database.query<{ forces: number; units: number; audit: number }>(
      `select (select count(*)::int from forces) as forces, (select count(*)::int from units) as units,
              (select count(*)::int from audit_events where event_type = 'force.created') as audit`,
    );
    return row;
  };

  it('creates an empty force with its top unit, audited', async () => {
    const created = await createForce(t.deps, systemActor('test'), {
      id: 'nypd',
      name: ' New York City Police Department ',
    });
    expect(created).toMatchObject({ id: 'nypd', name: 'New York City Police Department' });
    const units = await t.database.query<{ id: string; kind: string; parent_id: string | null; path: string }>(
      `select id, kind, parent_id, path from units where force_id = 'nypd'`,
    );
    expect(units).toEqual([
      { id: created.topUnitId, kind: 'force', parent_id: null, path: 'New York City Police Department' },
    ]);
    const audit = await t.database.query<{ force_id: string; payload: unknown }>(
      `select force_id, payload from audit_events where event_type = 'force.created'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      force_id: 'nypd',
      payload: { forceId: 'nypd', name: 'New York City Police Department' },
    });
  });

  it('refuses a taken id or a malformed one with a clear message, and writes nothing', async () => {
    const before = await counts();
    await expect(createForce(t.deps, systemActor('test'), { id: 'nypd', name: 'Again' })).rejects.toThrow(
      'A force with id "nypd" already exists',
    );
    const fieldsOf = (p: Promise<unknown>) =>
      p.then(
        (): Record<string, string> => ({}),
        (err: { fields?: Record<string, string> }) => err.fields ?? {},
      );
    expect((await fieldsOf(createForce(t.deps, systemActor('test'), { id: 'New York!', name: 'NYPD' })))['id']).toMatch(
      /lower-case letters/,
    );
    expect((await fieldsOf(createForce(t.deps, systemActor('test'), { id: 'ok-id', name: '' })))['name']).toMatch(
      /full name/,
    );
    expect(await counts()).toEqual(before);
  });
});
