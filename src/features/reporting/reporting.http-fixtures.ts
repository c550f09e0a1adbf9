import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';

/** A small JPEG with the camera's make and a GPS position in its EXIF, as a phone writes it. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 12, channels: 3, background: '#808080' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Snapper X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 2664/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 3961/100',
      },
    })
    .toBuffer();
}

export const REPORT_TEXT = 'Sergeant Zebedee Quill shares photos of female colleagues in the Bravo shift group chat';

export const reportFields = (extra: Record<string, string> = {}): Record<string, string> => ({
  category: 'misogyny',
  whatHappened: REPORT_TEXT,
  who: 'Sgt Quill, Bravo shift',
  when: 'Most shifts since March',
  where: 'Northgate station',
  howKnown: 'saw',
  howKnownDetail: '',
  anonymity: 'anonymous',
  ...extra,
});

/** A multipart form as a browser sends it, with at most one file. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; field: string; type: string; content: Buffer },
): { payload: Buffer; contentType: string } {
  const boundary = '----probityTestBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a report as the reporter's browser would: no cookie, a user agent, a forwarded address. */
export async function sendReport(
  app: FastifyInstance,
  forceId: string,
  fields: Record<string, string>,
  file?: Buffer,
): Promise<LightMyRequestResponse> {
  const body = multipart(
    fields,
    file ? { name: 'IMG_20260302_101500.jpg', field: 'evidence', type: 'image/jpeg', content: file } : undefined,
  );
  return app.inject({
    method: 'POST',
    url: `/report/${forceId}`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      'user-agent': 'ReporterBrowser/1.0 (UniqueAgent-31337)',
      referer: 'https://intranet.example/pages/speak-up',
    },
    remoteAddress: '10.99.88.77',
  });
}

export const receiptOf = (res: LightMyRequestResponse) =>
  /id="receipt"[^>]*>([0-9A-Z-]{24})</.exec(res.body)?.[1] ?? '';
