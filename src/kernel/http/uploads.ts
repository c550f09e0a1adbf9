import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { Config } from '../config/config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the routes that take a file (`multipart/form-data`); any other route drops file parts unread. */
    acceptsUpload?: boolean;
    /** Also for a caller who is not signed in (the anonymous reporting form). */
    acceptsAnonymousUpload?: boolean;
  }
}

/** A file part of a multipart form, held in memory. `tooLarge` files keep no content. */
export type UploadedFile = {
  kind: 'uploaded-file';
  fileName: string;
  claimedType: string;
  content: Buffer;
  tooLarge: boolean;
};

/** Only this plugin makes one: a JSON or urlencoded body cannot carry a Buffer. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof UploadedFile, unknown>>;
  return (
    v.kind === 'uploaded-file' &&
    Buffer.isBuffer(v.content) &&
    typeof v.fileName === 'string' &&
    typeof v.claimedType === 'string' &&
    typeof v.tooLarge === 'boolean'
  );
}

/**
 * Multipart forms with their fields on `request.body` as plain strings (as for urlencoded forms), so that
 * the CSRF check reads `_csrf` from a multipart form like from any other. A file part is read into memory
 * only on a route that accepts uploads and for a signed-in caller (or anyone, where the route says so); past the configured size its bytes are
 * dropped and it is marked too large, for the use case to refuse with a message rather than a bare 413.
 */
export async function registerUploads(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      const route = this.routeOptions.config;
      const wanted = route.acceptsUpload === true && (this.principal !== null || route.acceptsAnonymousUpload === true);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        if (!wanted || part.file.truncated) continue;
        chunks.push(chunk);
        size += chunk.length;
      }
      const tooLarge = part.file.truncated || size > config.maxUploadBytes;
      const file: UploadedFile = {
        kind: 'uploaded-file',
        fileName: part.filename,
        claimedType: part.mimetype,
        content: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks),
        tooLarge,
      };
      (part as unknown as { value: unknown }).value = wanted ? file : '';
    },
  });
}
