import sharp from 'sharp';

/**
 * Evidence images lose their metadata before they are kept: sharp (libvips) decodes the image and encodes
 * it again, and an encoded image carries no EXIF (GPS position, camera serial, times), XMP, IPTC or comment
 * unless asked to (docs/decisions/0006-sharp-strip-metadata.md). The orientation is applied to the pixels
 * first, so a portrait photo stays upright without its EXIF tag. The type is read from the bytes, never
 * from the name or the type the browser claimed. Anything but a JPEG or PNG image is refused: other formats
 * (PDF, office documents) can carry metadata this does not remove.
 */

export type StrippedFile = { contentType: 'image/jpeg' | 'image/png'; extension: 'jpg' | 'png'; content: Buffer };

export type StripResult = { ok: true; file: StrippedFile } | { ok: false; reason: 'unsupported' | 'unreadable' };

export function sniffImageType(bytes: Buffer): 'jpeg' | 'png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  return null;
}

export async function stripImageMetadata(bytes: Buffer): Promise<StripResult> {
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, reason: 'unsupported' };
  try {
    const image = sharp(bytes, { failOn: 'error' }).rotate();
    if (type === 'jpeg')
      return {
        ok: true,
        file: { contentType: 'image/jpeg', extension: 'jpg', content: await image.jpeg({ quality: 92 }).toBuffer() },
      };
    return { ok: true, file: { contentType: 'image/png', extension: 'png', content: await image.png().toBuffer() } };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
