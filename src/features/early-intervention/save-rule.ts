import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { ruleInput } from './rule-input.ts';
import { insertRule, lockCurrentRule, setActive, supersede } from './rules.repository.ts';
import { checkRuleUnit } from './rule-unit.ts';

const MESSAGE = 'Check the rule';

/**
 * Creates a rule (switched off: it alerts on nobody until it is previewed and switched on), or saves a new
 * version of one. A version is never edited: the alerts it raised keep naming exactly the rule they crossed.
 * A new version keeps the old one's on/off state.
 */
export async function saveRule(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
  replaces?: { ruleId: string; version: unknown },
) {
  authorize(principal, 'ei.manage');
  if (replaces && !z.string().uuid().safeParse(replaces.ruleId).success) throw notFound('rule');
  return deps.db.transaction(async (tx) => {
    // The rule is looked up before the input is checked: another force's rule is a 404, never a 400.
    const current = replaces ? await lockCurrentRule(tx, principal.forceId, replaces.ruleId) : undefined;
    if (replaces && !current) throw notFound('rule');
    const input = parseInput(ruleInput, raw, MESSAGE);
    await checkRuleUnit(tx, principal.forceId, input.unitId, MESSAGE);
    let ruleKey: string = randomUUID();
    let next = 1;
    let active = false;
    if (current && replaces) {
      const version = parseInput(
        z.coerce.number({ message: 'Reload the rule and try again' }).int().min(1),
        replaces.version,
        MESSAGE,
      );
      if (current.version !== version) throw staleVersion();
      await supersede(tx, principal.forceId, current.id);
      ruleKey = current.ruleKey;
      next = current.version + 1;
      active = current.active;
    }
    const row = await insertRule(tx, {
      forceId: principal.forceId,
      ruleKey,
      version: next,
      active,
      createdBy: principal.userId,
      ...input,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_rule', id: row.id },
      { type: 'ei.rule_saved', ruleId: row.id, ruleKey, version: next },
    );
    return row;
  });
}

/** Switches the current version of a rule on or off. */
export async function switchRule(
  deps: Deps,
  principal: Principal | null,
  ruleId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'ei.manage');
  if (!z.string().uuid().safeParse(ruleId).success) throw notFound('rule');
  const schema = z.object({
    active: z.preprocess(
      (v) => (v === 'true' || v === 'on' ? true : v === 'false' || v === 'off' ? false : v),
      z.boolean({ message: 'Say whether the rule is on or off' }),
    ),
    version: z.coerce.number({ message: 'Reload the rule and try again' }).int().min(1),
  });
  return deps.db.transaction(async (tx) => {
    const current = await lockCurrentRule(tx, principal.forceId, ruleId);
    if (!current) throw notFound('rule');
    const input = parseInput(schema, raw, MESSAGE);
    if (current.version !== input.version) throw staleVersion();
    if (current.active === input.active)
      throw new AppError('invalid_state', `The rule is already switched ${input.active ? 'on' : 'off'}.`);
    await setActive(tx, principal.forceId, current.id, input.active);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_rule', id: current.id },
      { type: 'ei.rule_switched', ruleId: current.id, active: input.active },
    );
    return { id: current.id, active: input.active };
  });
}
