import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { isUploadedFile, type UploadedFile } from '../../kernel/http/uploads.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { checkMediaType, sanitiseFileName, sizeText } from '../../kernel/files.ts';
import { webUrl } from './recommendation-input.ts';
import { openResponseForChange } from './response-context.ts';
import { insertEvidence } from './evidence.repository.ts';

/**
 * Evidence for the force's response: a file (same checks as case evidence — configured size limit, a short
 * list of types, first bytes must match the type, hash computed here) or a link to where the evidence is
 * published. A file's title defaults to its name; a link needs one.
 */
export type AddEvidenceInput = { title?: unknown; url?: unknown; file?: unknown };

const titleSchema = z.string().trim().max(300, 'The title must be 300 characters or fewer');

type Checked =
  | { kind: 'file'; title: string; fileName: string; mediaType: string; content: Buffer }
  | { kind: 'link'; title: string; url: string };

function givenFile(raw: unknown): UploadedFile | undefined {
  if (!isUploadedFile(raw)) return undefined;
  return raw.fileName === '' && raw.content.length === 0 && !raw.tooLarge ? undefined : raw;
}

function validate(deps: Deps, raw: AddEvidenceInput): Checked {
  const fields: FieldErrors = {};
  const title = titleSchema.safeParse(typeof raw.title === 'string' ? raw.title : '');
  if (!title.success) fields['title'] = title.error.issues[0]?.message ?? 'Check the title';
  const file = givenFile(raw.file);
  const urlText = typeof raw.url === 'string' ? raw.url.trim() : '';
  if (file && urlText) fields['url'] = 'Add a file or a link, not both';
  if (!file && !urlText) fields['file'] = 'Choose a file or give a link to the evidence';
  if (file && !urlText) {
    if (file.tooLarge)
      fields['file'] = `The selected file must be smaller than ${sizeText(deps.config.maxUploadBytes)}`;
    else if (file.content.length === 0) fields['file'] = 'The selected file is empty';
    else {
      const fileName = sanitiseFileName(file.fileName);
      const type = checkMediaType(fileName, file.claimedType, file.content);
      if ('error' in type) fields['file'] = type.error;
      else if (Object.keys(fields).length === 0)
        return {
          kind: 'file',
          title: (title.success && title.data) || fileName,
          fileName,
          mediaType: type.mediaType,
          content: file.content,
        };
    }
  }
  if (!file && urlText) {
    const url = webUrl('The link').safeParse(urlText);
    if (!url.success) fields['url'] = url.error.issues[0]?.message ?? 'Check the link';
    if (title.success && title.data === '') fields['title'] = 'Give the link a title';
    if (Object.keys(fields).length === 0 && url.success && title.success)
      return { kind: 'link', title: title.data, url: url.data };
  }
  throw new AppError('validation', 'Check the evidence', fields);
}

export async function addRecommendationEvidence(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: AddEvidenceInput,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.manage', 'recommendation');
  const input = validate(deps, raw);
  return deps.db.transaction(async (tx) => {
    const { item, response } = await openResponseForChange(tx, principal, itemId);
    const sha256 = input.kind === 'file' ? createHash('sha256').update(input.content).digest('hex') : null;
    const row = await insertEvidence(tx, {
      forceId: principal.forceId,
      responseId: response.id,
      kind: input.kind,
      title: input.title,
      url: input.kind === 'link' ? input.url : null,
      fileName: input.kind === 'file' ? input.fileName : null,
      mediaType: input.kind === 'file' ? input.mediaType : null,
      sizeBytes: input.kind === 'file' ? input.content.length : null,
      sha256,
      content: input.kind === 'file' ? input.content : null,
      addedBy: principal.userId,
      addedAt: deps.now(),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'recommendation', id: item.id },
      {
        type: 'recommendation.evidence_added',
        itemId: item.id,
        responseId: response.id,
        evidenceId: row.id,
        kind: row.kind,
        title: row.title,
        sizeBytes: row.sizeBytes,
        sha256,
      },
    );
    return row;
  });
}
