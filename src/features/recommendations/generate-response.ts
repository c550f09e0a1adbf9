import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { collectResponse } from './collect-response.ts';
import { insertPublished, publishedOfReport } from './published.repository.ts';
import { findReport } from './reports.repository.ts';
import { recommendationPolicy } from './recommendation.policy.ts';

const uuid = z.string().uuid();

async function reportOrNotFound(deps: Deps, reportId: string) {
  if (!uuid.safeParse(reportId).success) throw notFound('report');
  const report = await findReport(deps.db, reportId);
  if (!report) throw notFound('report');
  return report;
}

/** The draft of the commissioner's response as the tracker stands now (not stored), with the versions generated so far. */
export async function previewResponse(deps: Deps, principal: Principal | null, reportId: string) {
  authorize(principal, 'recommendation.read', 'report');
  const report = await reportOrNotFound(deps, reportId);
  const document = await collectResponse(deps.db, principal.forceId, report, deps.now(), principal.displayName);
  return {
    report,
    document,
    generated: await publishedOfReport(deps.db, principal.forceId, report.id),
    canGenerate: recommendationPolicy.verify(principal),
  };
}

/**
 * Generates the commissioner's response from the tracker and keeps it (the page and the PDF are rendered from
 * what was kept). Audited. The commissioner's office then publishes it with a date.
 */
export async function generateResponse(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.verify', 'report');
  const report = await reportOrNotFound(deps, reportId);
  return deps.db.transaction(async (tx) => {
    const at = deps.now();
    const document = await collectResponse(tx, principal.forceId, report, at, principal.displayName);
    const row = await insertPublished(tx, {
      forceId: principal.forceId,
      reportId: report.id,
      document,
      generatedAt: at,
      generatedBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'inspection_report', id: report.id },
      {
        type: 'recommendation.response_generated',
        reportId: report.id,
        publishedResponseId: row.id,
        items: document.items.length,
      },
    );
    return { id: row.id, document };
  });
}
