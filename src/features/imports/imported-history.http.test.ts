import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createForce, sessionCookieFor } from '../../../test/support/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { runImport } from './run-import.ts';

/**
 * Imported history as users see it: the case page shows Probity's mapped outcome with the source's own words
 * beside it; the oversight year menu reaches back to the force's earliest imported allegation.
 */

let t: TestApp;
const cookies: Record<string, string> = {};
const as = (who: string) => new TestClient(t.app).setCookie('probity_session', cookies[who] ?? '');
let caseId = '';
let complaintId = '';
const rejectsFile = path.join(os.tmpdir(), `probity-imported-history-${process.pid}.csv`);

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-01T12:00:00Z'));
  await createForce(t.database.db, 'ppd', 'Philadelphia Police Department');
  await createForce(t.database.db, 'other', 'Other Police');
  await runImport(t.deps, {
    forceId: 'ppd',
    mappingFile: 'mappings/philadelphia-ppd.yaml',
    files: [
      'test/fixtures/import/philadelphia-ppd/ppd_complaint_disciplines.csv',
      'test/fixtures/import/philadelphia-ppd/ppd_complaints.csv',
      'test/fixtures/import/philadelphia-ppd/ppd_complainant_demographics.csv',
    ],
    rejectsFile,
  });
  for (const [who, role, force] of [
    ['aa', 'appropriate_authority', 'ppd'],
    ['handler', 'complaints_handler', 'ppd'],
    ['officer', 'officer', 'ppd'],
    ['elsewhere', 'appropriate_authority', 'other'],
  ] as const) {
    const { user } = await createAccount(t.deps, { email: `${who}@${force}.example`, role, forceId: force });
    cookies[who] = await sessionCookieFor(t.deps, user.id);
  }
  const [row] = await t.database.query<{ id: string }>(`select id from cases where reference = 'PPD-15-0167'`);
  caseId = row!.id;
  const [complaint] = await t.database.query<{ id: string }>(
    `select id from complaints where reference = 'PPD-15-0167'`,
  );
  complaintId = complaint!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(rejectsFile, { force: true });
});

describe('an imported public complaint on the complaint page', () => {
  it('shows the complaint with its complainant, the officer complained about and the linked conduct case', async () => {
    const page = await as('aa').get(`/complaints/${complaintId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('14 April 2015 (how, not recorded)');
    expect(page.body).toContain('Sex: Male; Ethnicity: Black; Age: 37');
    expect(page.body).toContain(`<a class="govuk-link" href="/cases/${caseId}">PPD-15-0167</a>`);
    expect(page.body).toContain('Officer 24791261');
  });

  it('names the linked case only to a reader with need-to-know of it', async () => {
    // A complaints handler reads complaints but not conduct cases.
    const page = await as('handler').get(`/complaints/${complaintId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sex: Male; Ethnicity: Black; Age: 37');
    expect(page.body).not.toContain('Linked conduct case');
    expect(page.body).not.toContain(`/cases/${caseId}`);
  });

  it('refuses the complaint page without signing in, without the ability and to another force', async () => {
    expect((await new TestClient(t.app).get(`/complaints/${complaintId}`)).statusCode).toBe(303);
    expect((await as('officer').get(`/complaints/${complaintId}`)).statusCode).toBe(404);
    expect((await as('elsewhere').get(`/complaints/${complaintId}`)).statusCode).toBe(404);
  });
});

describe('imported history on the case page and the oversight menu', () => {
  it('shows the mapped outcome with the source words beside it', async () => {
    const page = await as('aa').get(`/cases/${caseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Imported: Misconduct');
    expect(page.body).toContain('Source: Sustained Finding / Guilty Finding');
  });

  it('refuses the case page without signing in, without need-to-know and to another force', async () => {
    expect((await new TestClient(t.app).get(`/cases/${caseId}`)).statusCode).toBe(303);
    expect((await as('officer').get(`/cases/${caseId}`)).statusCode).toBe(404);
    expect((await as('elsewhere').get(`/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('offers every financial year back to the earliest imported allegation (2015/16), and accepts it', async () => {
    const page = await as('aa').get('/oversight');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<option value="2015"/);
    expect(page.body).not.toMatch(/<option value="2014"/);
    expect((await as('aa').get('/oversight?fy=2015')).statusCode).toBe(200);
  });
});
