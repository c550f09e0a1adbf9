import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegWithGps } from '../../../test/fixtures/reporting/reporting.http-fixtures.ts';
import { sniffImageType, stripImageMetadata } from './strip-metadata.ts';

/** The GPS IFD pointer tag (0x8825) as it is written in a little-endian EXIF block. */
const GPS_POINTER = Buffer.from([0x25, 0x88]);
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

describe('stripping image metadata', () => {
  it('removes the EXIF block with its GPS position from a JPEG, keeping the picture', async () => {
    const original = await jpegWithGps();
    const exif = (await sharp(original).metadata()).exif;
    expect(exif?.includes(GPS_POINTER)).toBe(true);
    expect(original.includes(Buffer.from('PhoneCo'))).toBe(true);

    const result = await stripImageMetadata(original);
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.contentType).toBe('image/jpeg');
    expect(result.file.content.includes(EXIF_HEADER)).toBe(false);
    expect(result.file.content.includes(Buffer.from('PhoneCo'))).toBe(false);
    const after = await sharp(result.file.content).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect([after.width, after.height]).toEqual([16, 12]);
  });

  it('removes EXIF and text chunks from a PNG', async () => {
    const original = await sharp({ create: { width: 4, height: 4, channels: 4, background: '#ff0000' } })
      .png()
      .withExif({ IFD0: { Make: 'PhoneCo' } })
      .toBuffer();
    expect(original.includes(Buffer.from('PhoneCo'))).toBe(true);
    const result = await stripImageMetadata(original);
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.contentType).toBe('image/png');
    expect(result.file.content.includes(Buffer.from('PhoneCo'))).toBe(false);
    expect((await sharp(result.file.content).metadata()).exif).toBeUndefined();
  });

  it('reads the type from the bytes and refuses anything else, or a broken image', async () => {
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(await stripImageMetadata(Buffer.from('%PDF-1.7\n'))).toEqual({ ok: false, reason: 'unsupported' });
    expect(await stripImageMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]))).toEqual({
      ok: false,
      reason: 'unreadable',
    });
  });
});
