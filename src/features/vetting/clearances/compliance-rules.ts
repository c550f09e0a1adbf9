import type { IsoDate } from '../../../kernel/time/dates.ts';
import {
  effectiveStatus,
  levelPosition,
  satisfies,
  type ClearanceStatus,
  type VettingLevel,
} from '../vetting-levels.ts';

/**
 * Who holds the clearance their work requires (uk-domain.md §4.5: HMICFRS expects everyone to hold at least
 * the minimum level; §4.6 workforce % with valid clearance at the correct level). Pure.
 *
 * Required: the configured minimum for everyone (RV by default), plus the level of every active designated
 * post that matches the person's current posting (same posting role; and, where the post names a unit, that
 * unit or one beneath it). Held: clearances that are active and not past their expiry. A requirement is met
 * by a held clearance of the same family at least as high (vetting-levels.ts).
 *
 * Each unmet requirement has a reason: `expired` when a clearance that would have met it has expired;
 * `below_required` when a valid clearance of the family is held but lower; otherwise `missing`.
 */

export const COMPLIANCE_REASONS = ['missing', 'expired', 'below_required'] as const;
export type ComplianceReason = (typeof COMPLIANCE_REASONS)[number];

export const COMPLIANCE_REASON_LABELS: Record<ComplianceReason, string> = {
  missing: 'No clearance',
  expired: 'Clearance expired',
  below_required: 'Below the level the post requires',
};

export type DesignatedPost = {
  id: string;
  title: string;
  postingRole: string;
  unitPath: string | null;
  requiredLevel: VettingLevel;
};
export type Posting = { role: string | null; unitPath: string | null };
export type Requirement = { level: VettingLevel; because: string; postId: string | null };
export type HeldClearance = { level: VettingLevel; status: ClearanceStatus; expiresOn: IsoDate };
export type UnmetRequirement = Requirement & { reason: ComplianceReason };
export type Compliance = {
  compliant: boolean;
  reasons: ComplianceReason[];
  required: Requirement[];
  unmet: UnmetRequirement[];
  valid: VettingLevel[];
};

/** A post matches a posting with the same role, and (if the post names one) in that unit or beneath it. */
export function postMatches(post: DesignatedPost, posting: Posting): boolean {
  if (!posting.role || post.postingRole.trim().toLowerCase() !== posting.role.trim().toLowerCase()) return false;
  if (!post.unitPath) return true;
  return !!posting.unitPath && (posting.unitPath === post.unitPath || posting.unitPath.startsWith(`${post.unitPath}/`));
}

export function requirementsFor(
  posting: Posting,
  posts: readonly DesignatedPost[],
  minimum: VettingLevel,
): Requirement[] {
  return [
    { level: minimum, because: 'Minimum for everyone in the force', postId: null },
    ...posts
      .filter((p) => postMatches(p, posting))
      .map((p) => ({ level: p.requiredLevel, because: `Designated post: ${p.title}`, postId: p.id })),
  ];
}

export function complianceOf(
  requirements: readonly Requirement[],
  clearances: readonly HeldClearance[],
  today: IsoDate,
): Compliance {
  const withStatus = clearances.map((c) => ({ ...c, now: effectiveStatus(c, today) }));
  const valid = withStatus.filter((c) => c.now === 'active').map((c) => c.level);
  const expired = withStatus.filter((c) => c.now === 'expired').map((c) => c.level);
  const unmet: UnmetRequirement[] = [];
  for (const r of requirements) {
    if (valid.some((held) => satisfies(held, r.level))) continue;
    const family = levelPosition(r.level).family;
    const reason: ComplianceReason = expired.some((held) => satisfies(held, r.level))
      ? 'expired'
      : valid.some((held) => levelPosition(held).family === family)
        ? 'below_required'
        : 'missing';
    unmet.push({ ...r, reason });
  }
  const reasons = COMPLIANCE_REASONS.filter((reason) => unmet.some((u) => u.reason === reason));
  return { compliant: unmet.length === 0, reasons, required: [...requirements], unmet, valid: [...new Set(valid)] };
}
