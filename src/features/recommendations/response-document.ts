import { z } from 'zod';
import { trackerStatuses } from '../../db/schema/index.ts';
import type { EvidenceView } from './evidence.repository.ts';
import type { ReportRow } from './reports.repository.ts';
import type { ActionView, CommentView } from './responses.repository.ts';
import { kindLabels, ownerBodyLabels, reportTypeLabels, statusLabels, type OwnerBody } from './tracker-rules.ts';
import type { TrackerEntry } from './tracker-view.ts';

/**
 * The commissioner's published response to a report (s.55 Police Act 1996, uk-domain.md §1.6), as data:
 * per item the force's position (self-assessed status, owner, sign-off, actions), the evidence (titles and
 * links; files are named, never attached) and the commissioner's assessment (verified status and the latest
 * comment of the commissioner's office). Built once when generated and stored, so the HTML page and the PDF
 * of a generated response always say the same thing, whatever the tracker says later.
 */

const status = z.enum(trackerStatuses);

export const responseDocumentSchema = z.object({
  report: z.object({
    id: z.string(),
    title: z.string(),
    publisher: z.string(),
    publishedOn: z.string(),
    url: z.string(),
    type: z.string(),
  }),
  force: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.string(),
  generatedBy: z.string(),
  summary: z.object({
    items: z.number().int(),
    addressedVerified: z.number().int(),
    differing: z.number().int(),
    overdue: z.number().int(),
  }),
  items: z.array(
    z.object({
      label: z.string(),
      heading: z.string(),
      text: z.string(),
      textVerified: z.boolean(),
      addressedTo: z.string(),
      deadline: z.string().nullable(),
      force: z.object({
        status,
        statusLabel: z.string(),
        owner: z.string().nullable(),
        signedOff: z.object({ by: z.string(), at: z.string() }).nullable(),
        actions: z.array(
          z.object({ description: z.string(), dueOn: z.string().nullable(), doneOn: z.string().nullable() }),
        ),
      }),
      evidence: z.array(
        z.object({
          title: z.string(),
          kind: z.enum(['file', 'link']),
          url: z.string().nullable(),
          fileName: z.string().nullable(),
        }),
      ),
      commissioner: z.object({
        status: status.nullable(),
        statusLabel: z.string(),
        comment: z.object({ body: z.string(), author: z.string(), at: z.string() }).nullable(),
      }),
      difference: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export type ResponseDocument = z.infer<typeof responseDocumentSchema>;

export type ResponseSources = {
  report: ReportRow;
  force: { id: string; name: string };
  generatedAt: Date;
  generatedBy: string;
  entries: TrackerEntry[];
  actions: ActionView[];
  evidence: EvidenceView[];
  comments: CommentView[];
};

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();

export function buildResponseDocument(s: ResponseSources): ResponseDocument {
  const latestCommissionerComment = (responseId: string | null) =>
    s.comments
      .filter((c) => c.responseId === responseId && c.side === 'commissioner')
      .sort((a, b) => iso(b.createdAt).localeCompare(iso(a.createdAt)))[0];
  const items = s.entries.map((e) => {
    const comment = latestCommissionerComment(e.responseId);
    return {
      label: e.label,
      heading: `${kindLabels[e.kind].one} ${e.number}`,
      text: e.text,
      textVerified: e.textVerified,
      addressedTo: ownerBodyLabels[e.ownerBody as OwnerBody] ?? e.ownerBody,
      deadline: e.deadline,
      force: {
        status: e.selfStatus,
        statusLabel: statusLabels[e.selfStatus],
        owner: e.owner,
        signedOff: e.signedOffAt && e.signedOffBy ? { by: e.signedOffBy, at: iso(e.signedOffAt) } : null,
        actions: s.actions
          .filter((a) => a.responseId === e.responseId)
          .map((a) => ({ description: a.description, dueOn: a.dueOn, doneOn: a.doneOn })),
      },
      evidence: s.evidence
        .filter((v) => v.responseId === e.responseId)
        .map((v) => ({ title: v.title, kind: v.kind, url: v.url, fileName: v.fileName })),
      commissioner: {
        status: e.verifiedStatus,
        statusLabel: e.verifiedStatus ? statusLabels[e.verifiedStatus] : 'Not yet assessed',
        comment: comment
          ? { body: comment.body, author: comment.author ?? 'Commissioner’s office', at: iso(comment.createdAt) }
          : null,
      },
      difference: e.differenceText,
      overdue: e.overdue.length > 0,
    };
  });
  return {
    report: {
      id: s.report.id,
      title: s.report.title,
      publisher: s.report.publisher,
      publishedOn: s.report.publishedOn,
      url: s.report.url,
      type: reportTypeLabels[s.report.reportType] ?? s.report.reportType,
    },
    force: s.force,
    generatedAt: iso(s.generatedAt),
    generatedBy: s.generatedBy,
    summary: {
      items: items.length,
      addressedVerified: items.filter((i) => i.commissioner.status === 'addressed').length,
      differing: items.filter((i) => i.difference !== null).length,
      overdue: items.filter((i) => i.overdue).length,
    },
    items,
  };
}
