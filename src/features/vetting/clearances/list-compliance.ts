import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../../kernel/access/principal.ts';
import {
  COMPLIANCE_REASONS,
  complianceOf,
  requirementsFor,
  type Compliance,
  type DesignatedPost,
} from './compliance-rules.ts';
import {
  currentWorkforce,
  designatedPostsOf,
  workforceClearances,
  type WorkforceRow,
} from './compliance.repository.ts';
import { minimumLevelOf, type ClearanceStatus, type VettingLevel } from '../vetting-levels.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';

export const complianceInput = z.object({
  reason: z.preprocess(blank, z.enum(COMPLIANCE_REASONS, { message: 'Choose a reason from the list' }).optional()),
  page: z.preprocess(
    blank,
    z.coerce
      .number({ message: 'Page must be a number' })
      .int('Page must be a whole number')
      .min(1, 'Page must be 1 or more')
      .default(1),
  ),
});

export const COMPLIANCE_PAGE_SIZE = 50;

export type ComplianceRow = WorkforceRow & Compliance;

/** Every visible current person with their compliance (or one person's), computed by compliance-rules.ts. */
export async function computeCompliance(
  tx: Db,
  deps: Deps,
  principal: Principal,
  personId?: string,
): Promise<ComplianceRow[]> {
  const minimum = minimumLevelOf(deps.config.rules.integrity.minimumLevel);
  const today = ukToday(deps.now());
  const people = await currentWorkforce(tx, principal, personId);
  const held = new Map<string, { level: VettingLevel; status: ClearanceStatus; expiresOn: string }[]>();
  for (const c of await workforceClearances(tx, principal, personId)) {
    const list = held.get(c.person_id) ?? [];
    list.push({ level: c.level as VettingLevel, status: c.status as ClearanceStatus, expiresOn: c.expires_on });
    held.set(c.person_id, list);
  }
  const posts: DesignatedPost[] = (await designatedPostsOf(tx, principal.forceId, true)).map((p) => ({
    id: p.id,
    title: p.title,
    postingRole: p.posting_role,
    unitPath: p.unit_path,
    requiredLevel: p.required_level as VettingLevel,
  }));
  return people.map((p) => ({
    ...p,
    ...complianceOf(
      requirementsFor({ role: p.role, unitPath: p.unit_path }, posts, minimum),
      held.get(p.id) ?? [],
      today,
    ),
  }));
}

/**
 * The compliance list: every current person whose valid clearance is missing, expired or below what their
 * post requires, filterable by reason, 50 a page, with counts by reason. An audited read of vetting files.
 */
export async function listCompliance(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorizeVettingRead(principal, 'page');
  const input = parseInput(complianceInput, raw, 'Check the filters');
  return deps.db.transaction(async (tx) => {
    const everyone = await computeCompliance(tx, deps, principal);
    const gaps = everyone.filter((p) => !p.compliant);
    const counts = Object.fromEntries(
      COMPLIANCE_REASONS.map((r) => [r, gaps.filter((p) => p.reasons.includes(r)).length]),
    ) as Record<(typeof COMPLIANCE_REASONS)[number], number>;
    const chosen = input.reason ? gaps.filter((p) => p.reasons.includes(input.reason ?? 'missing')) : gaps;
    const pageCount = Math.max(1, Math.ceil(chosen.length / COMPLIANCE_PAGE_SIZE));
    const rows = chosen.slice((input.page - 1) * COMPLIANCE_PAGE_SIZE, input.page * COMPLIANCE_PAGE_SIZE);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_compliance', id: principal.forceId },
      {
        type: 'vetting.list_viewed',
        list: 'compliance',
        filters: input.reason ? { reason: input.reason } : {},
        resultCount: chosen.length,
      },
    );
    return {
      rows,
      total: chosen.length,
      counts,
      workforce: everyone.length,
      compliant: everyone.length - gaps.length,
      input,
      pageCount,
    };
  });
}
