import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import { createAccount, createForce } from '../../../test/support/factories.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { exportRecords, exporterFor } from './export-records.ts';
import { runImport } from './run-import.ts';

/**
 * `probity export` sees exactly what the user's need-to-know lets them see in the pages, and is audited as
 * theirs. The scene: the NYC extract (18 people, 9 cases, 32 allegations) and users placed around it.
 */

const dir = 'test/fixtures/import/nyc-ccrb';
let tmp = '';
let database: Database;
let deps: Deps;
let authority: Principal; // appropriate authority whose own person record is the subject of CCRB-200800389
let investigator: Principal; // investigator who leads CCRB-201102753 only
let officer: Principal; // no case or directory access
let elsewhere: Principal; // appropriate authority of another force

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function exported(principal: Principal | null, what: string) {
  const out = new Collect();
  const result = await exportRecords(deps, principal, { what: what as 'people', destination: 'test.csv' }, out);
  const rows = parse<Record<string, string>>(out.text, { columns: true });
  return { result, rows };
}

const auditCount = async () =>
  (await database.query<{ n: number }>(`select count(*)::int as n from audit_events`))[0]?.n ?? 0;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-export-'));
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-03-01T12:00:00Z') };
  await createForce(database.db, 'nypd', 'New York City Police Department');
  await createForce(database.db, 'other', 'Other Police');
  const files = [
    'active_officers.csv',
    'inactive_officers.csv',
    'active_complaints.csv',
    'inactive_complaints.csv',
  ].map((f) => path.join(dir, f));
  await runImport(deps, {
    forceId: 'nypd',
    mappingFile: 'mappings/nyc-ccrb.yaml',
    files,
    rejectsFile: path.join(tmp, 'rejects.csv'),
  });
  const [mccloud] = await database.query<{ id: string }>(`select id from people where family_name = 'Mccloud'`);
  authority = (
    await createAccount(deps, {
      email: 'aa@nypd.example',
      role: 'appropriate_authority',
      forceId: 'nypd',
      personId: mccloud!.id,
    })
  ).principal;
  investigator = (await createAccount(deps, { email: 'inv@nypd.example', role: 'psd_investigator', forceId: 'nypd' }))
    .principal;
  officer = (await createAccount(deps, { email: 'officer@nypd.example', role: 'officer', forceId: 'nypd' })).principal;
  elsewhere = (
    await createAccount(deps, { email: 'aa@other.example', role: 'appropriate_authority', forceId: 'other' })
  ).principal;
  await database.query(`update cases set lead_investigator_id = $1 where reference = 'CCRB-201102753'`, [
    investigator.userId,
  ]);
});

afterAll(async () => {
  await database.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('probity export', () => {
  it('exports cases through the case scope: never a case about the user, only led cases for an investigator, nothing of another force', async () => {
    const all = await exported(authority, 'cases');
    expect(all.result.rows).toBe(8);
    expect(all.rows.map((r) => r['reference'])).not.toContain('CCRB-200800389');
    expect(Object.keys(all.rows[0]!)).toEqual([
      'id',
      'reference',
      'source_key',
      'source',
      'case_type',
      'came_to_attention_on',
      'regime_version',
      'status',
      'closed_on',
      'confidentiality',
      'summary',
      'subjects',
      'allegations',
    ]);
    const led = await exported(investigator, 'cases');
    expect(
      led.rows.map((r) => [r['reference'], r['source_key'], r['status'], r['subjects'], r['allegations']]),
    ).toEqual([['CCRB-201102753', 'nyc-ccrb:201102753', 'closed', '3', '7']]);
    expect((await exported(elsewhere, 'cases')).rows).toEqual([]);
  });

  it('exports allegations of the visible cases only', async () => {
    const all = await exported(authority, 'allegations');
    expect(all.rows).toHaveLength(29);
    expect(all.rows.some((r) => r['family_name'] === 'Mccloud')).toBe(false);
    const led = await exported(investigator, 'allegations');
    expect(led.rows).toHaveLength(7);
    expect(new Set(led.rows.map((r) => r['case_reference']))).toEqual(new Set(['CCRB-201102753']));
    const warning = led.rows.find((r) => r['family_name'] === 'Troncoso');
    expect(warning).toMatchObject({
      category_code: 'duties.information',
      standards: 'duties_responsibilities',
      state: 'closed',
      finding: 'misconduct',
      sanction: 'written_warning',
      imported_outcome: 'misconduct',
      finalised_on: '',
    });
    // The source's kept columns, word for word, as one JSON object.
    const kept = JSON.parse(warning!['source_columns']!) as Record<string, string>;
    expect(kept['board_disposition']).toMatch(/^Substantiated/);
  });

  it('exports people through the people scope: never the user’s own record, nobody of another force', async () => {
    const mine = await exported(authority, 'people');
    expect(mine.rows).toHaveLength(17);
    expect(mine.rows.some((r) => r['family_name'] === 'Mccloud')).toBe(false);
    expect(mine.rows.find((r) => r['family_name'] === 'Smith')).toMatchObject({
      given_name: 'Gerald',
      status: 'former',
      numbers: 'collar 31902',
      rank: 'Police Officer',
      unit: 'O D',
    });
    expect((await exported(investigator, 'people')).rows).toHaveLength(18);
    expect((await exported(elsewhere, 'people')).rows).toEqual([]);
  });

  it('audits each export as the user, naming what, how many rows and where to', async () => {
    await exported(investigator, 'allegations');
    const [last] = await database.query<{ actor_user_id: string; actor_label: string; payload: unknown }>(
      `select actor_user_id, actor_label, payload from audit_events where event_type = 'export.written' order by seq desc limit 1`,
    );
    expect(last).toEqual({
      actor_user_id: investigator.userId,
      actor_label: 'inv@nypd.example',
      payload: { type: 'export.written', what: 'allegations', rows: 7, destination: 'test.csv' },
    });
  });

  it('refuses without signing in, without the ability (as if there were nothing) and with bad input, recording nothing', async () => {
    const before = await auditCount();
    const refusal = async (principal: Principal | null, what: string) =>
      (await exported(principal, what).catch((e: unknown) => e)) as AppError;
    expect((await refusal(null, 'cases')).code).toBe('unauthenticated');
    const hidden = await refusal(officer, 'people');
    expect([hidden.code, hidden.status]).toEqual(['not_found', 404]);
    expect((await refusal(officer, 'cases')).code).toBe('not_found');
    const bad = await refusal(authority, 'vehicles');
    expect([bad.code, bad.status, bad.fields]).toEqual([
      'validation',
      400,
      { what: 'Choose what to export: people, cases or allegations' },
    ]);
    expect(await auditCount()).toBe(before);
  });

  it('acts only as an active account of the force named', async () => {
    expect((await exporterFor(deps, 'AA@nypd.example', 'nypd')).userId).toBe(authority.userId);
    const refused = async (email: string, force: string) =>
      ((await exporterFor(deps, email, force).catch((e: unknown) => e)) as AppError).fields;
    expect(await refused('nobody@nypd.example', 'nypd')).toEqual({ as: 'No account nobody@nypd.example' });
    expect(await refused('aa@other.example', 'nypd')).toEqual({
      force: 'The account aa@other.example belongs to force "other", not "nypd"',
    });
    await database.query(`update users set status = 'disabled' where email = 'officer@nypd.example'`);
    expect(await refused('officer@nypd.example', 'nypd')).toEqual({
      as: 'The account officer@nypd.example is not active',
    });
  });
});
