import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { createBackup } from '../backup/create-backup.ts';
import { testEngine } from '../../../test/support/engine.ts';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import { buildServer } from '../../app/server.ts';
import type { Database } from '../../db/client.ts';
import { createForce } from '../../../test/support/factories.ts';
import { testConfig, TestClient } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { openReport } from './report-content.ts';
import { openBytes } from './report-crypto.ts';
import { findReportByLookup } from './reports.repository.ts';
import {
  jpegWithGps,
  multipart,
  receiptOf,
  REPORT_TEXT,
  reportFields,
  sendReport,
} from '../../../test/fixtures/reporting/reporting.http-fixtures.ts';

let database: Database;
let app: FastifyInstance;
let deps: Deps;
let now = new Date('2026-03-02T10:17:43Z');
const log: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig({ logLevel: 'info' }), now: () => now };
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  app = await buildServer(deps, { logStream: stream });
  await app.ready();
  await createForce(deps.db, 'west', 'Westshire Police');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const dump = async () =>
  JSON.stringify([
    await database.query('select * from reports'),
    await database.query('select * from report_messages'),
    await database.query('select * from report_files'),
    await database.query('select * from audit_events'),
  ]);
const counts = async () =>
  JSON.stringify(
    await database.query(
      `select (select count(*)::int from reports) as r, (select count(*)::int from report_files) as f, (select count(*)::int from report_messages) as m`,
    ),
  );

describe('the reporter side', () => {
  let reported: Promise<string> | undefined;
  /** The receipt of the report with the GPS-tagged photo: sent by the test that sends it, or here when a later test runs alone. */
  const photoReport = () =>
    (reported ??= jpegWithGps().then(async (photo) => receiptOf(await sendReport(app, 'west', reportFields(), photo))));

  it('shows the form without setting any cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/report/west' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Report wrongdoing by a colleague, in confidence');
    expect(res.body).toContain('A file can give you away');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('takes a report with a GPS-tagged photo: a receipt once, no cookie, the photo kept without its EXIF', async () => {
    const res = await sendReport(app, 'west', reportFields(), await jpegWithGps());
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const receipt = receiptOf(res);
    reported = Promise.resolve(receipt);
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(res.body).toMatch(/id="proof-code">[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}</);

    const row = (await findReportByLookup(deps.db, 'west', receipt.slice(0, 4)))!;
    expect(row.receivedOn).toBe('2026-03-02');
    expect(row.anonymous).toBe(true);
    const [file] = await database.query<{ id: string; content: string; metadata_stripped: boolean }>(
      'select id, content, metadata_stripped from report_files',
    );
    const report = openReport(deps.config.reporting, row);
    const stored = openBytes(report.key, row.id, `file:${file!.id}`, file!.content);
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(stored.includes(Buffer.from('PhoneCo'))).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(
      report.open(
        `file-name:${file!.id}`,
        (await database.query<{ file_name: string }>('select file_name from report_files'))[0]!.file_name,
      ),
    ).toBe('evidence-1.jpg');
  });

  it('keeps no text, receipt, address, browser, referrer, file name or exact time in the database', async () => {
    const receipt = await photoReport();
    const everything = await dump();
    for (const secret of [
      REPORT_TEXT,
      'Quill',
      receipt,
      receipt.replaceAll('-', ''),
      receipt.slice(5),
      '10.99.88.77',
      'UniqueAgent',
      'intranet.example',
      'IMG_2026',
      '10:17',
    ])
      expect(everything).not.toContain(secret);
  });

  it('logs nothing of the reporter: no address, no browser (while other routes are logged)', async () => {
    await photoReport();
    await app.inject({ method: 'GET', url: '/health', remoteAddress: '10.11.12.13' });
    const text = log.join('');
    expect(text).toContain('10.11.12.13');
    expect(text).not.toContain('10.99.88.77');
    expect(text).not.toContain('UniqueAgent');
    expect(text).not.toContain('/report/west');
  });

  it('refuses an incomplete report or a file that is not an image, and stores nothing', async () => {
    const before = await counts();
    const missing = await sendReport(
      app,
      'west',
      reportFields({ whatHappened: 'short', category: '', anonymity: 'confidential' }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Describe what happened in at least 20 characters');
    expect(missing.body).toContain('Choose what kind of behaviour you are reporting');
    const noName = await sendReport(app, 'west', reportFields({ anonymity: 'confidential' }));
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('Enter your name, or choose to stay anonymous');
    expect(missing.headers['set-cookie']).toBeUndefined();
    const body = multipart(reportFields(), {
      name: 'a.pdf',
      field: 'evidence',
      type: 'application/pdf',
      content: Buffer.from('%PDF-1.7\n'),
    });
    const pdf = await app.inject({
      method: 'POST',
      url: '/report/west',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.body).toContain('The file must be a photo or screenshot (JPEG or PNG)');
    expect(await counts()).toBe(before);
    const nowhere = await app.inject({ method: 'GET', url: '/report/nowhere' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.headers['set-cookie']).toBeUndefined();
  });

  it('keeps the identity given in confidence sealed', async () => {
    const res = await sendReport(
      app,
      'west',
      reportFields({
        anonymity: 'confidential',
        identityName: 'Priya Whistler',
        identityContact: 'priya@home.example',
      }),
    );
    expect(res.statusCode).toBe(200);
    const everything = await dump();
    expect(everything).not.toContain('Whistler');
    expect(everything).not.toContain('priya@home');
  });

  it('refuses a wrong receipt with one answer, and locks the report after five, counting no address', async () => {
    const other = await sendReport(app, 'west', reportFields());
    const target = receiptOf(other);
    const wrong =
      `${target.slice(0, 5)}0000-0000-0000-0000` === target
        ? `${target.slice(0, 5)}1111-1111-1111-1111`
        : `${target.slice(0, 5)}0000-0000-0000-0000`;
    const client = new TestClient(app);
    const answers = new Set<string>();
    for (const typed of ['XXXX', 'ZZZZ-0000-0000-0000-0000', wrong]) {
      const res = await client.post('/report/west/follow-up', { receipt: typed }, { csrf: false });
      expect(res.statusCode).toBe(400);
      expect(res.headers['set-cookie']).toBeUndefined();
      answers.add(/class="govuk-error-message">[\s\S]*?<\/span>([^<]*)</.exec(res.body)?.[1]?.trim() ?? '');
    }
    expect(answers.size).toBe(1);
    for (let i = 0; i < 4; i += 1) await client.post('/report/west/follow-up', { receipt: wrong }, { csrf: false });
    const locked = await client.post('/report/west/follow-up', { receipt: target }, { csrf: false });
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['set-cookie']).toBeUndefined();
    expect(JSON.stringify(await database.query('select failed_attempts, locked_until from reports'))).not.toContain(
      '10.',
    );
    now = new Date('2026-03-02T11:30:00Z');
    const opened = await client.post(
      '/report/west/follow-up',
      { receipt: target.toLowerCase().replaceAll('-', ' ') },
      { csrf: false },
    );
    expect(opened.statusCode).toBe(303);
    now = new Date('2026-03-02T10:17:43Z');
  });

  it('opens the report with the receipt: a cookie, the status in plain words, messages to the team', async () => {
    const receipt = await photoReport();
    const client = new TestClient(app);
    expect((await client.get('/report/west/status')).headers.location).toBe('/report/west/follow-up');
    const opened = await client.post('/report/west/follow-up', { receipt }, { csrf: false });
    expect(opened.statusCode).toBe(303);
    const cookie = opened.cookies.find((c) => c.name === 'probity_report')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/report/west');
    const page = await client.get('/report/west/status');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Received: the confidential unit has not yet acknowledged your report.');
    const sent = await client.post(
      '/report/west/messages',
      { body: 'I can add that it happened again on Friday.' },
      { formPage: '/report/west/status' },
    );
    expect(sent.statusCode).toBe(303);
    const after = await client.get('/report/west/status?sent=1');
    expect(after.body).toContain('I can add that it happened again on Friday.');
    expect(await dump()).not.toContain('happened again on Friday');
    const empty = await client.post('/report/west/messages', { body: ' ' }, { formPage: '/report/west/status' });
    expect(empty.statusCode).toBe(400);
    await client.post('/report/west/leave', {}, { formPage: '/report/west/status' });
    expect((await client.get('/report/west/status')).statusCode).toBe(303);
  });

  it('prints a proof of reporting that holds the day and code only', async () => {
    const res = await app.inject({ method: 'GET', url: '/report/west/proof?day=2026-03-02&code=ABCD-EFGH-JKMN' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ABCD-EFGH-JKMN');
    expect(res.body).toContain('Westshire Police');
    expect((await app.inject({ method: 'GET', url: '/report/west/proof?day=2026-02-30&code=x' })).statusCode).toBe(400);
  });

  it('leaves nothing readable in a `probity backup` file: no text, identity, receipt, message, address or browser', async () => {
    const receipt = await photoReport();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-report-backup-'));
    const file = path.join(dir, 'backup.gz');
    await createBackup({ db: database.db, engine: testEngine, now: () => now }, file);
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('report_messages');
    for (const secret of [
      REPORT_TEXT,
      'Quill',
      'Whistler',
      'priya@home',
      'happened again on Friday',
      receipt,
      receipt.slice(5),
      '10.99.88.77',
      'UniqueAgent',
      'intranet.example',
    ])
      expect(text).not.toContain(secret);
  });
});
