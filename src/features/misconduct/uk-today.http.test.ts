import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { buildCaseWorld, caseInput, type CaseWorld } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/**
 * One "today", the UK one. At 00:30 British Summer Time on 16 June 2026 the UTC date is still the 15th; a
 * case whose matter came to attention "today" must be accepted by the API as it is by every form.
 */
const justAfterUkMidnight = new Date('2026-06-15T23:30:00Z');

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => justAfterUkMidnight);
  w = await buildCaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe('the one UK today', () => {
  it('is the Europe/London date, in summer and in winter', () => {
    expect(ukToday(justAfterUkMidnight)).toBe('2026-06-16');
    expect(ukToday(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-07');
    expect(ukToday(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
  });

  it('lets POST /api/v1/cases open a case that came to attention on the UK date just after midnight', async () => {
    const res = await api(
      t.app,
      'POST',
      '/api/v1/cases',
      w.tokens.aa,
      caseInput([w.people.gina.id], { cameToAttentionOn: '2026-06-16' }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });

  it('still refuses the day after the UK date as in the future', async () => {
    const res = await api(
      t.app,
      'POST',
      '/api/v1/cases',
      w.tokens.aa,
      caseInput([w.people.gina.id], { cameToAttentionOn: '2026-06-17' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('cannot be in the future');
  });
});
