import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { isUploadedFile } from '../../kernel/http/uploads.ts';
import { AppError, notFound, type FieldErrors } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { findVisibleCase } from './cases.repository.ts';
import { insertEvidence } from './evidence.repository.ts';
import { checkMediaType, sanitiseFileName, sizeText } from '../../kernel/files.ts';

/**
 * Adding an evidence file to a case. The size limit is configured (PROBITY_MAX_UPLOAD_MB); the type must be
 * one of a short list, and where a type has a recognisable signature the first bytes must carry it, so a
 * file that only claims to be a PDF is refused. The hash is computed here, never taken from the client.
 */

const descriptionSchema = z.string().trim().max(2000, 'The description must be 2,000 characters or fewer');

export type AddEvidenceInput = { caseId: string; description?: unknown; file?: unknown };

function validate(deps: Deps, raw: AddEvidenceInput) {
  const fields: FieldErrors = {};
  const description = descriptionSchema.safeParse(typeof raw.description === 'string' ? raw.description : '');
  if (!description.success) fields['description'] = description.error.issues[0]?.message ?? 'Check the description';
  const file =
    isUploadedFile(raw.file) && !(raw.file.fileName === '' && raw.file.content.length === 0 && !raw.file.tooLarge)
      ? raw.file
      : undefined;
  let mediaType = '';
  let fileName = '';
  if (!file) fields['file'] = 'Select a file';
  else if (file.tooLarge)
    fields['file'] = `The selected file must be smaller than ${sizeText(deps.config.maxUploadBytes)}`;
  else if (file.content.length === 0) fields['file'] = 'The selected file is empty';
  else {
    fileName = sanitiseFileName(file.fileName);
    const type = checkMediaType(fileName, file.claimedType, file.content);
    if ('error' in type) fields['file'] = type.error;
    else mediaType = type.mediaType;
  }
  if (Object.keys(fields).length > 0 || !file) throw new AppError('validation', 'Check the file', fields);
  return { fileName, mediaType, content: file.content, description: description.success ? description.data : '' };
}

/** Adds one file to a case the user may see and work on; the file and its audit row commit together or not at all. */
export async function addEvidence(
  deps: Deps,
  principal: Principal | null,
  raw: AddEvidenceInput,
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'case');
  authorize(principal, 'allegation.progress', 'case');
  if (!z.string().uuid().safeParse(raw.caseId).success) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, raw.caseId);
    if (!theCase) throw notFound('case');
    const input = validate(deps, raw);
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    const row = await insertEvidence(tx, {
      forceId: theCase.forceId,
      caseId: theCase.id,
      fileName: input.fileName,
      mediaType: input.mediaType,
      sizeBytes: input.content.length,
      sha256,
      description: input.description,
      content: input.content,
      uploadedBy: principal.userId,
      uploadedAt: deps.now(),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      {
        type: 'evidence.added',
        caseId: theCase.id,
        evidenceId: row.id,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
        sha256,
      },
    );
    return row;
  });
}
