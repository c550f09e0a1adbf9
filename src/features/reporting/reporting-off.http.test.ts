import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForce } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { reportFields, sendReport } from '../../../test/fixtures/reporting/reporting.http-fixtures.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ reporting: {} });
  await createForce(t.deps.db, 'west', 'Westshire Police');
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('a force without a reporting key', () => {
  it('answers 503 naming the setting, and stores nothing', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/report/west' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('PROBITY_REPORTING_KEY_FILE');
    const sent = await sendReport(t.app, 'west', reportFields());
    expect(sent.statusCode).toBe(503);
    expect(await t.database.query('select id from reports')).toEqual([]);
  });
});
