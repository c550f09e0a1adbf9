import type { Db } from '../../db/client.ts';
import type { notificationKinds } from '../../db/schema/index.ts';
import type { Ability } from '../../kernel/access/roles.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Notice } from './notify.ts';
import type { ReminderStage } from './reminder-stage.ts';

/**
 * One owner kind's part of the clock reminders (the one clock store's rows of that kind): the clocks due, who
 * answers for each, and who may know of it. `enqueueClockReminders` runs the same pass over every source it
 * is given; the scheduler (features/scheduler) gives it the case clocks' source (this feature's
 * case-clock-reminders.ts) and the complaint clocks' source (features/complaints), so notifications, at the
 * bottom of the layers, imports no owner of clocks.
 */
export type ReminderCandidate = {
  forceId: string;
  clockId: string;
  period: string;
  dueOn: IsoDate;
  /** The record the notice is about: its reference only, never its content. */
  subject: { type: Notice['subject']['type']; id: string; reference: string };
  /** The record's page inside Probity. */
  path: string;
  /**
   * The accounts that answer for the clock (a case clock's owner, else the case's lead), or null when the
   * owner kind names nobody and every holder of `responsibleAbility` who may know of the record answers.
   */
  responsibleUserIds: string[] | null;
};

/** An account that may be told, as the need-to-know SQL reads it (a principal that is not signed in). */
export type ReminderAccount = Principal;

export type ReminderSource = {
  /** A batch of live duty clocks (not windows) due on or before `dueOnOrBefore` whose escalation is not yet recorded, by clock id. */
  candidates(
    db: Db,
    o: { dueOnOrBefore: IsoDate; windows: string[]; afterClockId: string | null; limit: number },
  ): Promise<ReminderCandidate[]>;
  /** What a responsible account must hold to be told (the ability that reads the record). */
  responsibleAbility: Ability;
  /** Who is told once the clock is past the escalation point: the force's holders of this ability who may know. */
  escalationAbility: Ability;
  /** Of these accounts, the ids of those who may know of the record now (the owner's need-to-know scope). */
  mayKnow(tx: Db, candidate: ReminderCandidate, accounts: readonly ReminderAccount[]): Promise<Set<string>>;
  /** The notice's kind at this stage (a restriction review is its own kind). */
  noticeKind(candidate: ReminderCandidate, stage: ReminderStage): (typeof notificationKinds)[number];
  /** What to call the period in the notice ("First contact with the complainant"). */
  periodLabel(period: string): string;
};
