import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';

export type Download = { fileName: string; mediaType: string; content: Buffer | string };

/**
 * Sends a file as a download: never rendered by the browser, never sniffed, never cached. The name is
 * encoded by the `content-disposition` package (an ASCII fallback and the exact name in RFC 5987 form),
 * so a name with quotes, non-Latin characters or line breaks can neither break the header nor be refused.
 */
export function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store, private')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.content);
}
