import type { Db } from '../../db/client.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { careerBreaksOf } from '../organisation/index.ts';
import { extendByCareerBreaks, warningInForceOn, type CareerBreak } from './rules/warning-length.ts';
import { finalWrittenWarningClocksOfPeople, warningClocksOfPeople } from './warning-clocks.repository.ts';

/**
 * A warning's clock runs from the day it was notified to start + N months − 1 day (Conduct Regs 2020 reg 42(4));
 * its last day in force is that day extended by the officer's career breaks (reg 42(11), reg 62(5)), computed
 * from the person record whenever it is shown or acted on, so a break recorded later moves it everywhere.
 */
export type PersonWarning = {
  caseId: string;
  reference: string;
  kind: 'written_warning' | 'final_written_warning';
  startedOn: IsoDate;
  /** start + N months − 1 day, before any career break. */
  baseLastDay: IsoDate;
  /** Extended by the career breaks; null while an open break keeps it from running out. */
  lastDay: IsoDate | null;
  extended: boolean;
};

const KIND = {
  written_warning_expiry: 'written_warning',
  final_written_warning_expiry: 'final_written_warning',
} as const;

/** The warnings of these person records in the cases the principal may see, with their extended last days. */
export async function warningsOfPeople(
  db: Db,
  principal: Principal,
  personIds: readonly string[],
  breaks: readonly CareerBreak[],
): Promise<PersonWarning[]> {
  return (await warningClocksOfPeople(db, principal, personIds)).map((k) => {
    const lastDay = extendByCareerBreaks(k.started_on, k.due_on, breaks);
    return {
      caseId: k.case_id,
      reference: k.reference,
      kind: KIND[k.period],
      startedOn: k.started_on,
      baseLastDay: k.due_on,
      lastDay,
      extended: lastDay !== k.due_on,
    };
  });
}

/**
 * Which of these person records have a final written warning in force on `on` (Conduct Regs 2020 reg 42(8):
 * then "neither a written warning nor a final written warning may be given"), from the record: the final
 * written warnings given in any other case of the force, each extended by the person's career breaks.
 * `exceptCaseId` leaves out the case being decided: a warning given in the same proceedings is not one already
 * in force. Two statements, however many people.
 */
export async function finalWrittenWarningsOnRecord(
  db: Db,
  forceId: string,
  personIds: readonly string[],
  on: IsoDate,
  exceptCaseId?: string,
): Promise<Set<string>> {
  const clocks = (await finalWrittenWarningClocksOfPeople(db, forceId, personIds)).filter(
    (k) => k.case_id !== exceptCaseId,
  );
  const inForce = new Set<string>();
  if (!clocks.length) return inForce;
  const breaks = await careerBreaksOf(db, forceId, [...new Set(clocks.map((k) => k.person_id))]);
  for (const k of clocks) {
    const own = breaks.filter((b) => b.personId === k.person_id);
    if (warningInForceOn(k.started_on, extendByCareerBreaks(k.started_on, k.due_on, own), on)) inForce.add(k.person_id);
  }
  return inForce;
}

/** Whether a final written warning is in force for this one person on `on` (reg 42(8)); see above. */
export async function finalWrittenWarningOnRecord(
  db: Db,
  forceId: string,
  personId: string,
  on: IsoDate,
  exceptCaseId?: string,
): Promise<boolean> {
  return (await finalWrittenWarningsOnRecord(db, forceId, [personId], on, exceptCaseId)).has(personId);
}
