import { describe, expect, it } from 'vitest';
import { type Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  LIMIT,
  t,
  w,
  useEvidenceWorld,
  pdf,
  sha256,
  type Upload,
  multipart,
  as,
  apiUpload,
  apiGet,
  state,
  viewedCount,
  stored,
} from '../../../test/fixtures/misconduct/evidence.http-fixtures.ts';

/** Evidence files through the pages: a real multipart upload, byte-identical download, need-to-know, bad files, CSRF, audit. */
useEvidenceWorld();
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
