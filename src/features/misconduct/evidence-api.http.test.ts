import { describe, expect, it } from 'vitest';
import { type ApiError } from '../../../test/support/test-app.ts';
import { checkMediaType, sanitiseFileName } from '../../kernel/files.ts';
import {
  LIMIT,
  t,
  w,
  useEvidenceWorld,
  pdf,
  png,
  sha256,
  apiUpload,
  apiGet,
  state,
  viewedCount,
} from '../../../test/fixtures/misconduct/evidence.http-fixtures.ts';

/** Evidence files through the API, and the file name and type rules every upload goes through. */
useEvidenceWorld();
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
