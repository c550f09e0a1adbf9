import { z } from 'zod';
import { ownerBodies, reportItemKinds, reportTypes, trackerStatuses } from '../../db/schema/index.ts';
import type { ItemRow, ReportRow } from './reports.repository.ts';
import type { TrackerEntry } from './tracker-view.ts';

/** The shapes /api/v1/recommendations answers with (they become the OpenAPI document). */

export const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d : d.toISOString());

const status = z.enum(trackerStatuses);

export const reportSchema = z.object({
  id: z.string().uuid(),
  publisher: z.string(),
  title: z.string(),
  publishedOn: z.string(),
  url: z.string(),
  reportType: z.enum(reportTypes),
});

export const itemSchema = z.object({
  id: z.string().uuid(),
  reportId: z.string().uuid(),
  kind: z.enum(reportItemKinds),
  number: z.number().int(),
  label: z.string().describe('R3, AFI2 …'),
  text: z.string(),
  ownerBody: z.enum(ownerBodies),
  deadline: z.string().nullable(),
  themes: z.array(z.string()),
  textVerified: z.boolean().describe('The text has been checked against the published report'),
  local: z
    .boolean()
    .describe('A local item the caller’s force added to a shared report: only that force sees and changes it'),
  version: z.number().int(),
});

export const positionSchema = z.object({
  itemId: z.string().uuid(),
  label: z.string(),
  reportId: z.string().uuid(),
  responseId: z.string().uuid().nullable().describe('Null until the force first changes anything'),
  selfStatus: status.describe('The force’s own assessment'),
  verifiedStatus: status.nullable().describe('The commissioner’s office’s assessment; null = not yet assessed'),
  difference: z.enum(['agrees', 'not_assessed', 'force_ahead', 'force_behind', 'differs']),
  differenceText: z.string().nullable(),
  overdue: z.array(z.enum(['deadline', 'action'])),
  unverified: z.boolean(),
  owner: z.string().nullable(),
  ownerUserId: z.string().uuid().nullable(),
  signedOff: z.object({ by: z.string().nullable(), at: z.string(), status }).nullable(),
  version: z.number().int().describe('Send it back with a change: a stale version is refused with 409'),
});

export function reportJson(r: ReportRow) {
  return {
    id: r.id,
    publisher: r.publisher,
    title: r.title,
    publishedOn: r.publishedOn,
    url: r.url,
    reportType: r.reportType,
  };
}

export function itemJson(i: ItemRow, label: string) {
  return {
    id: i.id,
    reportId: i.reportId,
    kind: i.kind,
    number: i.number,
    label,
    text: i.text,
    ownerBody: i.ownerBody,
    deadline: i.deadline,
    themes: i.themes,
    textVerified: i.textVerified,
    local: i.forceId !== null,
    version: i.version,
  };
}

/** The item fields of a tracker row. */
export function entryItemJson(e: TrackerEntry) {
  return {
    id: e.itemId,
    reportId: e.reportId,
    kind: e.kind,
    number: e.number,
    label: e.label,
    text: e.text,
    ownerBody: e.ownerBody as ItemRow['ownerBody'],
    deadline: e.deadline,
    themes: e.themes,
    textVerified: e.textVerified,
    local: e.local,
    version: e.itemVersion,
  };
}

export function positionJson(e: TrackerEntry) {
  return {
    itemId: e.itemId,
    label: e.label,
    reportId: e.reportId,
    responseId: e.responseId,
    selfStatus: e.selfStatus,
    verifiedStatus: e.verifiedStatus,
    difference: e.difference,
    differenceText: e.differenceText,
    overdue: e.overdue,
    unverified: e.unverified,
    owner: e.owner,
    ownerUserId: e.ownerUserId,
    signedOff:
      e.signedOffAt && e.signedOffStatus
        ? { by: e.signedOffBy, at: e.signedOffAt.toISOString(), status: e.signedOffStatus }
        : null,
    version: e.version,
  };
}
