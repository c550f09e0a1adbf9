import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import {
  findVisibleAlert,
  interventionsOf,
  listVisibleAlerts,
  transitionsOf,
  visibleCaseIds,
  visibleComplaintIds,
} from './alerts.repository.ts';
import { scoresForRule } from './peer-scores.ts';
import type { AlertChange, Signal } from './rules/evaluate.ts';
import { isAlertState, movesFrom, type AlertState } from './rules/workflow.ts';
import { BUILT_IN_KINDS } from './signals.repository.ts';
import { vettingFilePolicy } from '../vetting/index.ts';
import { alertPolicy } from './alert.policy.ts';
import { isActiveSupervisor } from './settings.repository.ts';
import type { Db } from '../../db/client.ts';

/**
 * Who is reading: the appropriate authority (the force's alerts), or a supervisor while the force has supervisor
 * access on and they hold a current supervisory posting (their own units' alerts, read only). Anyone else: 404.
 */
async function readerKind(db: Db, principal: Principal, what: string): Promise<'force' | 'supervisor'> {
  if (alertPolicy.read(principal)) return 'force';
  if (principal.personId && (await isActiveSupervisor(db, principal.forceId, principal.personId))) return 'supervisor';
  throw notFound(what);
}

/** The alerts the user may see (never one about themself), open ones by default. Audited. */
export async function listAlerts(
  deps: Deps,
  principal: Principal | null,
  query: { state?: string | undefined },
  requestId: string | null,
) {
  authorizeBy(principal, alertPolicy.readAny);
  const state: AlertState | 'open' | undefined =
    query.state === 'all' ? undefined : query.state && isAlertState(query.state) ? query.state : 'open';
  return deps.db.transaction(async (tx) => {
    const reader = await readerKind(tx, principal, 'page');
    const rows = await listVisibleAlerts(tx, principal, { state });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_alert', id: principal.forceId },
      { type: 'ei.alerts_listed', shown: rows.length, ...(reader === 'supervisor' ? { asSupervisor: true } : {}) },
    );
    return { rows, state: state ?? 'all', supervisorView: reader === 'supervisor' };
  });
}

type StoredEvent = Pick<Signal, 'key' | 'kind' | 'occurredOn' | 'category' | 'ref'>;

export type ExplainedEvent = StoredEvent & {
  label: string;
  /** Only where the viewer may open the record (need-to-know of the case or complaint). */
  href: string | null;
};

export const kindLabel = (kind: string) =>
  (BUILT_IN_KINDS as Record<string, string>)[kind] ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * An alert with its explanation: the rule (the version that last evaluated it), exactly the events that
 * counted — each linked only when the viewer may open its case or complaint —, what changed at the last run
 * that changed anything, where the person sits among peers, the workflow history and interventions. Audited.
 */
export async function viewAlert(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorizeBy(principal, alertPolicy.readAny);
  if (!z.string().uuid().safeParse(id).success) throw notFound('alert');
  return deps.db.transaction(async (tx) => {
    const reader = await readerKind(tx, principal, 'alert');
    const alert = await findVisibleAlert(tx, principal, id);
    if (!alert) throw notFound('alert');
    const events = alert.events as StoredEvent[];
    const caseIds = events.flatMap((e) => ('caseId' in e.ref ? [e.ref.caseId] : []));
    const complaintIds = events.flatMap((e) => (e.ref.type === 'complaint_allegation' ? [e.ref.complaintId] : []));
    const [cases, complaints] = await Promise.all([
      visibleCaseIds(tx, principal, [...new Set(caseIds)]),
      visibleComplaintIds(tx, principal, [...new Set(complaintIds)]),
    ]);
    // A vetting decision is a signal, but its outcome is the vetting unit's: shown only to a vetting reader.
    const vettingReader = vettingFilePolicy.read(principal);
    const explained: ExplainedEvent[] = events.map((e) => ({
      ...e,
      category: e.ref.type === 'vetting_decision' && !vettingReader ? null : e.category,
      label: kindLabel(e.kind),
      href:
        'caseId' in e.ref && cases.has(e.ref.caseId)
          ? `/cases/${e.ref.caseId}`
          : e.ref.type === 'complaint_allegation' && complaints.has(e.ref.complaintId)
            ? `/complaints/${e.ref.complaintId}`
            : null,
    }));
    const today = ukToday(deps.now());
    const scores = await scoresForRule(
      tx,
      principal.forceId,
      {
        signalKinds: alert.signal_kinds,
        categoryPrefix: alert.category_prefix,
        unitId: alert.unit_id,
        windowDays: alert.window_days,
        warningLevel: alert.warning_level,
        criticalLevel: alert.critical_level,
      },
      today,
      deps.config.rules.integrity.earlyInterventionMinPeerGroup,
    );
    const [history, interventions] = await Promise.all([
      transitionsOf(tx, principal.forceId, alert.id),
      interventionsOf(tx, principal.forceId, alert.id),
    ]);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_alert', id: alert.id, personId: alert.person_id },
      { type: 'ei.alert_viewed', alertId: alert.id, ...(reader === 'supervisor' ? { asSupervisor: true } : {}) },
    );
    const changes = alert.changes as Partial<AlertChange> & { on?: string };
    const byKey = new Map(explained.map((e) => [e.key, e]));
    return {
      alert,
      events: explained,
      changes: {
        on: changes.on ?? null,
        added: (changes.added ?? []).map((k) => byKey.get(k) ?? { key: k }),
        dropped: changes.dropped ?? [],
        levelFrom: changes.levelFrom ?? null,
        levelTo: changes.levelTo,
      },
      peer: scores.get(alert.person_id) ?? null,
      minPeerGroup: deps.config.rules.integrity.earlyInterventionMinPeerGroup,
      history,
      interventions,
      moves: movesFrom(alert.state, (ability) => alertPolicy.move(principal, { ability })),
      canManage: alertPolicy.manage(principal),
      supervisorView: reader === 'supervisor',
    };
  });
}
