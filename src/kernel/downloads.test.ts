import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendDownload } from './downloads.ts';

/** One download sender: any stored file name gives a valid header, and the exact name survives in RFC 5987 form. */
describe('sendDownload', () => {
  const app = Fastify();
  app.get<{ Querystring: { name: string } }>('/file', (request, reply) =>
    sendDownload(reply, { fileName: request.query.name, mediaType: 'text/plain', content: 'x' }),
  );

  it.each([
    ['plain.csv', 'attachment; filename=plain.csv'],
    ['Statement "final".pdf', 'attachment; filename="Statement \\"final\\".pdf"'],
    [
      'Déclaration – août.pdf',
      `attachment; filename="D?claration ? ao?t.pdf"; filename*=UTF-8''D%C3%A9claration%20%E2%80%93%20ao%C3%BBt.pdf`,
    ],
  ])('names %s safely', async (name, header) => {
    const res = await app.inject({ url: `/file?name=${encodeURIComponent(name)}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(header);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store, private');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });
});
