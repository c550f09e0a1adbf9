import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { checkMediaType, sanitiseFileName } from '../../kernel/files.ts';
import {
  buildCaseWorld,
  snapshot,
  type CaseWorld,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/** Evidence files: a real multipart upload, byte-identical download, need-to-know, bad files, CSRF, audit. */

const LIMIT = 64 * 1024;
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: LIMIT });
  w = await buildCaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n', 'latin1'),
  Buffer.from([0, 1, 2, 250, 251, 252]),
  Buffer.from('\n%%EOF\n'),
]);
const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4,
]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Upload = { file?: { name: string; type: string; content: Buffer }; description?: string; csrf?: string };

/** A real multipart/form-data body, built by the platform's FormData as a browser would send it. */
async function multipart(upload: Upload): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  if (upload.csrf !== undefined) form.append('_csrf', upload.csrf);
  if (upload.description !== undefined) form.append('description', upload.description);
  if (upload.file)
    form.append('file', new Blob([new Uint8Array(upload.file.content)], { type: upload.file.type }), upload.file.name);
  const request = new Request('http://probity.test/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

/** A browser: keeps cookies, takes the CSRF token of a page it may open, and posts multipart forms. */
class Browser {
  private cookies = new Map<string, string>();

  constructor(session?: string) {
    if (session) this.cookies.set('probity_session', session);
  }

  private header = () => [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
    return res;
  }

  async get(url: string) {
    return this.remember(await t.app.inject({ method: 'GET', url, headers: { cookie: this.header() } }));
  }

  async token(): Promise<string> {
    const page = await this.get(this.cookies.has('probity_session') ? '/' : '/sign-in');
    return /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  }

  async upload(url: string, upload: Omit<Upload, 'csrf'>, withToken = true) {
    const body = await multipart({ ...upload, ...(withToken ? { csrf: await this.token() } : {}) });
    return this.remember(
      await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.header(), 'content-type': body.contentType },
        payload: body.payload,
      }),
    );
  }
}

const as = (who: Who | null) => new Browser(who ? w.cookies[who] : undefined);
const apiUpload = async (who: Who | null, caseId: string, upload: Omit<Upload, 'csrf'>) => {
  const body = await multipart(upload);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/evidence`,
    headers: { 'content-type': body.contentType, ...(who ? { authorization: `Bearer ${w.tokens[who]}` } : {}) },
    payload: body.payload,
  });
};
const apiGet = (who: Who | null, url: string) =>
  t.app.inject({ method: 'GET', url, headers: who ? { authorization: `Bearer ${w.tokens[who]}` } : {} });

const state = async (withReads = true) =>
  JSON.stringify([
    await snapshot(t, withReads),
    await t.database.query(`select count(*)::int as n from case_evidence`),
  ]);
const viewedCount = async (evidenceId: string) =>
  (
    await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'evidence.viewed' and payload->>'evidenceId' = $1`,
      [evidenceId],
    )
  )[0]?.n;
const stored = (name: string) =>
  t.database.query<{
    id: string;
    case_id: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    content: Uint8Array;
  }>(`select id, case_id, media_type, size_bytes, sha256, content from case_evidence where file_name = $1`, [name]);

describe('adding and downloading evidence through the pages', () => {
  it('links to the evidence page from the case page and offers the upload form', async () => {
    expect((await as('aa').get(`/cases/${w.normal.id}`)).body).toContain(`href="/cases/${w.normal.id}/evidence"`);
    const page = await as('aa').get(`/cases/${w.normal.id}/evidence`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No evidence files have been added to this case.');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('class="govuk-file-upload"');
    expect(page.body).toContain('name="_csrf"');
    expect(page.body).toContain('smaller than 64 KB');
    expect(page.body).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('stores an uploaded PDF with its server-side hash and gives back the identical bytes, auditing each download once', async () => {
    const res = await as('aa').upload(`/cases/${w.normal.id}/evidence`, {
      file: { name: 'Statement of PC Ashworth.pdf', type: 'application/pdf', content: pdf },
      description: 'Signed witness statement',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${w.normal.id}/evidence?added=1`);
    const [row] = await stored('Statement of PC Ashworth.pdf');
    expect(row).toMatchObject({
      case_id: w.normal.id,
      media_type: 'application/pdf',
      size_bytes: pdf.length,
      sha256: sha256(pdf),
    });
    expect(Buffer.from(row?.content ?? []).equals(pdf)).toBe(true);

    const list = await as('aa').get(`/cases/${w.normal.id}/evidence?added=1`);
    expect(list.body).toContain('The file was added to the case.');
    expect(list.body).toContain('Statement of PC Ashworth.pdf');
    expect(list.body).toContain('Signed witness statement');
    expect(list.body).toContain(`${sha256(pdf).slice(0, 12)}…`);
    expect(list.body).toContain(`${pdf.length} bytes`);

    const url = `/cases/${w.normal.id}/evidence/${row?.id}`;
    for (const n of [1, 2]) {
      const download = await as('aaUnnamed').get(url);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect(sha256(download.rawPayload)).toBe(row?.sha256);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toBe('attachment; filename="Statement of PC Ashworth.pdf"');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(await viewedCount(row?.id ?? '')).toBe(n);
    }
    const [added] = await t.database.query<{ payload: Record<string, unknown> }>(
      `select payload from audit_events where event_type = 'evidence.added' and payload->>'evidenceId' = $1`,
      [row?.id],
    );
    expect(added?.payload).toEqual({
      type: 'evidence.added',
      caseId: w.normal.id,
      evidenceId: row?.id,
      fileName: 'Statement of PC Ashworth.pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
    });
  });

  it('keeps only the last part of a path as the name, and takes the type from the name when the browser sends none', async () => {
    const res = await as('named').upload(`/cases/${w.restricted.id}/evidence`, {
      file: { name: 'C:\\Users\\pc\\..\\notes.pdf', type: 'application/octet-stream', content: pdf },
    });
    expect(res.statusCode).toBe(303);
    const [row] = await stored('notes.pdf');
    expect(row).toMatchObject({ case_id: w.restricted.id, media_type: 'application/pdf' });
  });

  it('answers bad files with 400 and an error summary, storing nothing', async () => {
    const url = `/cases/${w.normal.id}/evidence`;
    // The form shown again with its errors lists the case's evidence: an audited read, not a change.
    const before = await state(false);
    const cases: [Omit<Upload, 'csrf'>, string][] = [
      [{ description: 'no file chosen' }, 'Select a file'],
      [{ file: { name: '', type: 'application/octet-stream', content: Buffer.alloc(0) } }, 'Select a file'],
      [
        { file: { name: 'huge.pdf', type: 'application/pdf', content: Buffer.concat([pdf, Buffer.alloc(LIMIT)]) } },
        'The selected file must be smaller than 64 KB',
      ],
      [
        { file: { name: 'fake.pdf', type: 'application/pdf', content: Buffer.from('MZ this is really a program') } },
        'The selected file is not a real PDF: its contents do not match its type',
      ],
      [{ file: { name: 'photo.png', type: 'image/png', content: pdf } }, 'The selected file is not a real PNG'],
      [
        { file: { name: 'setup.exe', type: 'application/x-msdownload', content: Buffer.from('MZ') } },
        'The selected file must be a PDF, an image, a text file, audio, video or an office document',
      ],
      [
        { file: { name: 'page.html', type: 'text/html', content: Buffer.from('<script>alert(1)</script>') } },
        'The selected file must be a PDF',
      ],
      [{ file: { name: 'empty.txt', type: 'text/plain', content: Buffer.alloc(0) } }, 'The selected file is empty'],
      [
        { file: { name: 'a.pdf', type: 'application/pdf', content: pdf }, description: 'x'.repeat(2001) },
        'The description must be 2,000 characters or fewer',
      ],
    ];
    for (const [upload, message] of cases) {
      const res = await as('aa').upload(url, upload);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain('There is a problem');
      expect(res.body).toContain(message);
      expect(res.body).toMatch(/href="#(file|description)"/);
    }
    expect(await state(false)).toBe(before);
  });

  it('refuses a multipart upload without the CSRF token (403), storing nothing', async () => {
    const before = await state();
    const res = await as('aa').upload(
      `/cases/${w.normal.id}/evidence`,
      { file: { name: 'no-token.pdf', type: 'application/pdf', content: pdf } },
      false,
    );
    expect(res.statusCode).toBe(403);
    const forged = await multipart({
      csrf: 'not-the-token',
      file: { name: 'forged.pdf', type: 'application/pdf', content: pdf },
    });
    const res2 = await t.app.inject({
      method: 'POST',
      url: `/cases/${w.normal.id}/evidence`,
      headers: { cookie: `probity_session=${w.cookies.aa}`, 'content-type': forged.contentType },
      payload: forged.payload,
    });
    expect(res2.statusCode).toBe(403);
    expect(await state()).toBe(before);
  });

  it('sends a visitor who is not signed in to sign in, storing nothing', async () => {
    const before = await state();
    const [file] = await stored('Statement of PC Ashworth.pdf');
    for (const url of [`/cases/${w.normal.id}/evidence`, `/cases/${w.normal.id}/evidence/${file?.id}`]) {
      const res = await as(null).get(url);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    const post = await as(null).upload(`/cases/${w.normal.id}/evidence`, {
      file: { name: 'anon.pdf', type: 'application/pdf', content: pdf },
    });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toMatch(/^\/sign-in/);
    expect(await state()).toBe(before);
  });

  it('answers 404 to everyone without need-to-know, for the list, the upload and the download, storing and auditing nothing', async () => {
    const [normalFile] = await stored('Statement of PC Ashworth.pdf');
    const [restrictedFile] = await stored('notes.pdf');
    const before = await state();
    const refused: [Who, string, string | undefined][] = [
      ['east', w.normal.id, normalFile?.id],
      ['pcc', w.normal.id, normalFile?.id],
      ['vetting', w.normal.id, normalFile?.id],
      ['outsider', w.normal.id, normalFile?.id],
      ['investigator', w.normal.id, normalFile?.id],
      ['aaSubject', w.normal.id, normalFile?.id],
      ['aaUnnamed', w.restricted.id, restrictedFile?.id],
      // A file of a case the user may not see, asked for under a case they may see.
      ['aaUnnamed', w.normal.id, restrictedFile?.id],
    ];
    for (const [who, caseId, fileId] of refused) {
      expect((await as(who).get(`/cases/${caseId}/evidence/${fileId}`)).statusCode, `${who} download`).toBe(404);
      expect((await apiGet(who, `/api/v1/cases/${caseId}/evidence/${fileId}`)).statusCode, `${who} API download`).toBe(
        404,
      );
      if (caseId === w.normal.id && who === 'aaUnnamed') continue;
      expect((await as(who).get(`/cases/${caseId}/evidence`)).statusCode, `${who} list`).toBe(404);
      expect(
        (
          await as(who).upload(`/cases/${caseId}/evidence`, {
            file: { name: 'sneaky.pdf', type: 'application/pdf', content: pdf },
          })
        ).statusCode,
        `${who} upload`,
      ).toBe(404);
      expect((await apiGet(who, `/api/v1/cases/${caseId}/evidence`)).statusCode, `${who} API list`).toBe(404);
      expect(
        (await apiUpload(who, caseId, { file: { name: 'sneaky.pdf', type: 'application/pdf', content: pdf } }))
          .statusCode,
        `${who} API upload`,
      ).toBe(404);
    }
    expect((await as('aa').get(`/cases/${w.normal.id}/evidence/not-a-uuid`)).statusCode).toBe(404);
    expect((await as('aa').get(`/cases/not-a-uuid/evidence`)).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });
});

describe('the evidence API', () => {
  it('answers 401 without a valid token, storing nothing', async () => {
    const before = await state();
    expect((await apiGet(null, `/api/v1/cases/${w.normal.id}/evidence`)).statusCode).toBe(401);
    expect((await apiGet(null, `/api/v1/cases/${w.normal.id}/evidence/${w.normal.id}`)).statusCode).toBe(401);
    expect(
      (await apiUpload(null, w.normal.id, { file: { name: 'anon.png', type: 'image/png', content: png } })).statusCode,
    ).toBe(401);
    expect(await state()).toBe(before);
  });

  it('adds a file from a multipart request (201), lists it and downloads the identical bytes, auditing each download', async () => {
    const res = await apiUpload('aa', w.restricted.id, {
      file: { name: 'scene.png', type: 'image/png', content: png },
      description: 'Photograph of the scene',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: string; sha256: string; sizeBytes: number; mediaType: string }>();
    expect(created).toMatchObject({ sha256: sha256(png), sizeBytes: png.length, mediaType: 'image/png' });
    const list = (await apiGet('named', `/api/v1/cases/${w.restricted.id}/evidence`)).json<{
      items: { id: string; fileName: string; description: string }[];
    }>();
    expect(list.items.find((i) => i.id === created.id)).toMatchObject({
      fileName: 'scene.png',
      description: 'Photograph of the scene',
    });
    const download = await apiGet('named', `/api/v1/cases/${w.restricted.id}/evidence/${created.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(sha256(download.rawPayload)).toBe(created.sha256);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe('attachment; filename=scene.png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(await viewedCount(created.id)).toBe(1);
  });

  it('refuses bad files with 400 and the field, storing nothing', async () => {
    const before = await state();
    const fake = await apiUpload('aa', w.normal.id, {
      file: { name: 'fake.pdf', type: 'application/pdf', content: Buffer.from('hello, not a PDF') },
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json<ApiError>().error.fields?.['file']).toMatch(/not a real PDF/);
    const big = await apiUpload('aa', w.normal.id, {
      file: { name: 'big.txt', type: 'text/plain', content: Buffer.alloc(LIMIT + 1, 'a') },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json<ApiError>().error.fields?.['file']).toMatch(/must be smaller than/);
    const none = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${w.normal.id}/evidence`,
      headers: { authorization: `Bearer ${w.tokens.aa}` },
      payload: { description: 'no file' },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json<ApiError>().error.fields?.['file']).toBe('Select a file');
    expect(await state()).toBe(before);
  });

  it('accepts a file of exactly the configured size', async () => {
    const res = await apiUpload('aa', w.normal.id, {
      file: { name: 'exact.txt', type: 'text/plain; charset=utf-8', content: Buffer.alloc(LIMIT, 'b') },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ mediaType: string; sizeBytes: number }>()).toMatchObject({
      mediaType: 'text/plain',
      sizeBytes: LIMIT,
    });
  });
});

describe('file names and types', () => {
  it('keeps only the last part of a path, without control characters or leading dots', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\pc\\statement.docx')).toBe('statement.docx');
    expect(sanitiseFileName('..')).toBe('evidence');
    expect(sanitiseFileName('.hidden\u0000name\u202e.txt')).toBe('hiddenname.txt');
    expect(sanitiseFileName(`${'a'.repeat(300)}.pdf`)).toBe(`${'a'.repeat(196)}.pdf`);
  });

  it('checks the first bytes of the types that have a signature', () => {
    expect(checkMediaType('a.jpg', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      mediaType: 'image/jpeg',
    });
    expect(checkMediaType('a.jpg', 'image/jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      mediaType: 'image/jpeg',
    });
    expect(checkMediaType('a.jpg', 'image/jpeg', png)).toHaveProperty('error');
    expect(checkMediaType('a.docx', '', Buffer.from('PK\x03\x04rest', 'latin1'))).toEqual({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(checkMediaType('a.txt', 'text/plain', Buffer.from([0x41, 0x00, 0x42]))).toHaveProperty('error');
    expect(checkMediaType('a.svg', 'image/svg+xml', Buffer.from('<svg/>'))).toHaveProperty('error');
    expect(checkMediaType('a.bin', 'application/octet-stream', pdf)).toHaveProperty('error');
  });
});
