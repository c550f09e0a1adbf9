/**
 * Uploaded files: which media types are accepted, checked against their first bytes so that a file that only
 * claims to be a PDF is refused; safe file names; sizes in words. Used by every upload (case evidence,
 * recommendation evidence, report files).
 */

type Sniff = (b: Buffer) => boolean;

const at = (b: Buffer, text: string, offset = 0) =>
  b.length >= offset + text.length && b.toString('latin1', offset, offset + text.length) === text;
const bytes = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const riff =
  (kind: string): Sniff =>
  (b) =>
    at(b, 'RIFF') && at(b, kind, 8);
const isoMedia: Sniff = (b) => at(b, 'ftyp', 4);
const zip: Sniff = (b) => bytes(b, [0x50, 0x4b, 0x03, 0x04]);
const ole: Sniff = (b) => bytes(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const mpegAudio: Sniff = (b) => at(b, 'ID3') || (b.length > 1 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0);
const matroska: Sniff = (b) => bytes(b, [0x1a, 0x45, 0xdf, 0xa3]);
/** Text: no NUL byte in the first 8 KiB (or a UTF-16 byte order mark). */
const text: Sniff = (b) => bytes(b, [0xff, 0xfe]) || bytes(b, [0xfe, 0xff]) || !b.subarray(0, 8192).includes(0);

/** Every media type accepted, with its usual file name extensions and the check of its first bytes. */
const ALLOWED: Record<string, { ext: string[]; sniff: Sniff }> = {
  'application/pdf': { ext: ['pdf'], sniff: (b) => b.subarray(0, 1024).includes('%PDF-') },
  'image/png': { ext: ['png'], sniff: (b) => bytes(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  'image/jpeg': { ext: ['jpg', 'jpeg'], sniff: (b) => bytes(b, [0xff, 0xd8, 0xff]) },
  'image/gif': { ext: ['gif'], sniff: (b) => at(b, 'GIF87a') || at(b, 'GIF89a') },
  'image/webp': { ext: ['webp'], sniff: riff('WEBP') },
  'image/tiff': {
    ext: ['tif', 'tiff'],
    sniff: (b) => bytes(b, [0x49, 0x49, 0x2a, 0x00]) || bytes(b, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  'image/bmp': { ext: ['bmp'], sniff: (b) => at(b, 'BM') },
  'image/heic': { ext: ['heic', 'heif'], sniff: isoMedia },
  'text/plain': { ext: ['txt', 'log'], sniff: text },
  'text/csv': { ext: ['csv'], sniff: text },
  'message/rfc822': { ext: ['eml'], sniff: text },
  'audio/mpeg': { ext: ['mp3'], sniff: mpegAudio },
  'audio/aac': { ext: ['aac'], sniff: mpegAudio },
  'audio/wav': { ext: ['wav'], sniff: riff('WAVE') },
  'audio/mp4': { ext: ['m4a'], sniff: isoMedia },
  'audio/ogg': { ext: ['ogg', 'oga', 'opus'], sniff: (b) => at(b, 'OggS') },
  'audio/flac': { ext: ['flac'], sniff: (b) => at(b, 'fLaC') },
  'audio/webm': { ext: [], sniff: matroska },
  'video/mp4': { ext: ['mp4', 'm4v'], sniff: isoMedia },
  'video/quicktime': {
    ext: ['mov'],
    sniff: (b) => ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'].some((box) => at(b, box, 4)),
  },
  'video/3gpp': { ext: ['3gp'], sniff: isoMedia },
  'video/webm': { ext: ['webm'], sniff: matroska },
  'video/x-matroska': { ext: ['mkv'], sniff: matroska },
  'video/x-msvideo': { ext: ['avi'], sniff: riff('AVI ') },
  'video/mpeg': {
    ext: ['mpg', 'mpeg'],
    sniff: (b) => bytes(b, [0x00, 0x00, 0x01, 0xba]) || bytes(b, [0x00, 0x00, 0x01, 0xb3]),
  },
  'application/msword': { ext: ['doc'], sniff: ole },
  'application/vnd.ms-excel': { ext: ['xls'], sniff: ole },
  'application/vnd.ms-powerpoint': { ext: ['ppt'], sniff: ole },
  'application/vnd.ms-outlook': { ext: ['msg'], sniff: ole },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: ['docx'], sniff: zip },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: ['xlsx'], sniff: zip },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { ext: ['pptx'], sniff: zip },
  'application/vnd.oasis.opendocument.text': { ext: ['odt'], sniff: zip },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: ['ods'], sniff: zip },
  'application/vnd.oasis.opendocument.presentation': { ext: ['odp'], sniff: zip },
  'application/rtf': { ext: ['rtf'], sniff: (b) => at(b, '{\\rtf') },
};

/** Other names browsers and tools give the same types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-m4a': 'audio/mp4',
  'audio/x-flac': 'audio/flac',
  'video/avi': 'video/x-msvideo',
  'text/rtf': 'application/rtf',
};

/** Types that say nothing: the file name's extension decides instead. */
const UNSPECIFIED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

const extensionOf = (name: string) => /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** The media type to store, or the reason the file is refused. */
export function checkMediaType(
  fileName: string,
  claimed: string,
  content: Buffer,
): { mediaType: string } | { error: string } {
  const bare = claimed.split(';')[0]?.trim().toLowerCase() ?? '';
  const named = ALIASES[bare] ?? bare;
  const ext = extensionOf(fileName);
  const mediaType = UNSPECIFIED.has(named) ? Object.entries(ALLOWED).find(([, t]) => t.ext.includes(ext))?.[0] : named;
  const rule = mediaType ? ALLOWED[mediaType] : undefined;
  if (!mediaType || !rule)
    return { error: 'The selected file must be a PDF, an image, a text file, audio, video or an office document' };
  if (!rule.sniff(content))
    return {
      error: `The selected file is not a real ${rule.ext[0]?.toUpperCase() ?? mediaType}: its contents do not match its type`,
    };
  return { mediaType };
}

/** The last part of a path, without control characters, at most 200 characters (keeping the extension). */
export function sanitiseFileName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/^[\s.]+|\s+$/g, '');
  if (base === '') return 'evidence';
  if (base.length <= 200) return base;
  const ext = extensionOf(base);
  return ext ? `${base.slice(0, 199 - ext.length)}.${ext}` : base.slice(0, 200);
}

/** "812 bytes", "14.2 KB", "20 MB": a size as GOV.UK attachments show it. */
export function sizeText(bytes: number): string {
  const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${one(bytes / 1024)} KB`;
  return `${one(bytes / (1024 * 1024))} MB`;
}
