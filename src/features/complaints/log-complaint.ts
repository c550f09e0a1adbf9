import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { complaintAuthorityOf } from '../../kernel/access/complaints-scope.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { logComplaintBody, type LogComplaintInput } from './complaint-input.ts';
import { dateErrors, failIf, startComplaintClock } from './complaint-steps.ts';
import {
  activeCategoryCodes,
  insertComplainants,
  insertComplaint,
  insertComplaintAllegations,
  insertComplaintDecision,
  insertComplaintSubjects,
  nextComplaintReference,
  visiblePersonIds,
} from './complaints.repository.ts';
import { checkEligibility, type RepresentedBasis } from './rules/eligibility.ts';

/** Complaints made before the 2020 reforms are handled under the old regulations (C&M Regs 2020 reg 2(2)). */
export const SCHEDULE_3_REFORMS_FROM = '2020-02-01';

/**
 * Logs a complaint: any expression of dissatisfaction, by any channel, with its complainants (each checked
 * for eligibility under Police Reform Act 2002 s.12), the persons complained about (directory people, an
 * officer not yet identified, or the service itself) and the allegations with their IOPC category. Starts
 * the first-contact clock. One transaction with its audit events.
 */
export async function logComplaint(
  deps: Deps,
  principal: Principal | null,
  raw: LogComplaintInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.log', 'page');
  return logComplaintFor(deps, { forceId: principal.forceId, principal, actor: actorOf(principal, requestId) }, raw);
}

/**
 * Who logs the complaint: a signed-in user of the force (who may name directory people they can see), or
 * the force's public portal (no principal: it names nobody from the directory), with the portal's extra
 * columns (the follow-up code's hash) written in the same transaction.
 */
export type ComplaintLogger = {
  forceId: string;
  principal: Principal | null;
  actor: AuditActor;
  extra?: { followUpHash: string };
};

/** The one way a complaint is logged, for staff (logComplaint) and for the public portal. */
export async function logComplaintFor(deps: Deps, by: ComplaintLogger, raw: LogComplaintInput) {
  const { principal } = by;
  const forceId = by.forceId;
  const message = 'Check the details of the complaint';
  const input = parseInput(logComplaintBody, raw, message);
  const today = ukToday(deps.now());
  const errors: FieldErrors = dateErrors({ receivedOn: input.receivedOn, loggedOn: input.loggedOn }, today);
  if (!errors.receivedOn && input.receivedOn < SCHEDULE_3_REFORMS_FROM)
    errors.receivedOn =
      'Complaints made before 1 February 2020 are handled under the earlier regulations (Complaints and Misconduct Regs 2020 reg 2(2)), which Probity does not handle';
  if (!errors.loggedOn && input.loggedOn < input.receivedOn)
    errors.loggedOn = 'The complaint cannot be logged before it was received';
  const aboutConduct = input.subjects.some((s) => s.kind !== 'service');
  input.complainants.forEach((c, i) => {
    if (c.basis === 'on_behalf' && c.representedBasis === 'on_behalf')
      errors[`complainants.${i}.representedBasis`] = 'Say how the person represented was involved themselves';
    const result = checkEligibility({
      basis: c.basis,
      representedBasis: (c.representedBasis ?? null) as RepresentedBasis | null,
      aboutConduct,
      underSameChiefOfficer: c.underSameChiefOfficer,
      onDutyAtTime: c.onDutyAtTime,
    });
    if (!result.eligible) errors[`complainants.${i}.basis`] ??= result.reasons.join(' ');
    if (c.contactMethod === 'email' && !c.email)
      errors[`complainants.${i}.email`] = 'Enter an e-mail address, or choose another way to be contacted';
    if (c.contactMethod === 'phone' && !c.phone)
      errors[`complainants.${i}.phone`] = 'Enter a phone number, or choose another way to be contacted';
    if (c.contactMethod === 'post' && !c.address)
      errors[`complainants.${i}.address`] = 'Enter a postal address, or choose another way to be contacted';
  });
  input.subjects.forEach((s, i) => {
    if (s.kind === 'person' && !s.personId) errors[`subjects.${i}.personId`] = 'Choose a person from the directory';
    if (s.kind !== 'person' && s.personId)
      errors[`subjects.${i}.personId`] = 'Only an identified person is chosen from the directory';
  });
  input.allegations.forEach((a, i) => {
    if (a.subject >= input.subjects.length)
      errors[`allegations.${i}.subject`] = 'Choose one of the persons complained about';
    if (a.incidentOn && a.incidentOn > today)
      errors[`allegations.${i}.incidentOn`] = 'The date cannot be in the future';
  });
  failIf(errors, message);

  return deps.db.transaction(async (tx) => {
    const personIds = [...new Set(input.subjects.flatMap((s) => (s.personId ? [s.personId] : [])))];
    const visible = principal ? await visiblePersonIds(tx, principal, personIds) : new Set<string>();
    const codes = await activeCategoryCodes(tx, [...new Set(input.allegations.map((a) => a.categoryCode))]);
    input.subjects.forEach((s, i) => {
      if (s.personId && !visible.has(s.personId))
        errors[`subjects.${i}.personId`] = 'Choose a person from the directory';
    });
    input.allegations.forEach((a, i) => {
      if (!codes.has(a.categoryCode))
        errors[`allegations.${i}.categoryCode`] = 'Choose one of the complaint categories';
    });
    failIf(errors, message);

    const reference = await nextComplaintReference(tx, forceId, Number(input.loggedOn.slice(0, 4)));
    const complaint = await insertComplaint(tx, {
      forceId,
      reference,
      channel: input.channel,
      receivedOn: input.receivedOn,
      loggedOn: input.loggedOn,
      summary: input.summary,
      desiredOutcome: input.desiredOutcome,
      // Logged by the PCC office, the complaint is about the chief officer and the local policing body is its
      // appropriate authority (PRA 2002 Sch 3 para 1; C&M Regs 2020 reg 5); the portal logs for the force.
      appropriateAuthority: principal ? complaintAuthorityOf(principal) : 'chief_officer',
      createdBy: principal?.userId ?? null,
      followUpHash: by.extra?.followUpHash ?? null,
    });
    const base = { forceId, complaintId: complaint.id };
    await insertComplainants(
      tx,
      input.complainants.map((c) => ({
        ...base,
        name: c.name,
        basis: c.basis,
        representedBasis: c.basis === 'on_behalf' ? (c.representedBasis ?? null) : null,
        representedName: c.basis === 'on_behalf' ? (c.representedName ?? null) : null,
        email: c.email,
        phone: c.phone,
        address: c.address,
        contactMethod: c.contactMethod,
        format: c.format,
        language: c.language,
        accessibilityNeeds: c.accessibilityNeeds,
      })),
    );
    const subjects = await insertComplaintSubjects(
      tx,
      input.subjects.map((s) => ({ ...base, kind: s.kind, personId: s.personId ?? null, description: s.description })),
    );
    await insertComplaintAllegations(
      tx,
      input.allegations.map((a) => {
        const subject = subjects[a.subject];
        if (!subject) throw new AppError('validation', message);
        return {
          ...base,
          subjectId: subject.id,
          categoryCode: a.categoryCode,
          description: a.description,
          incidentOn: a.incidentOn ?? null,
          incidentPlace: a.incidentPlace,
        };
      }),
    );
    await insertComplaintDecision(tx, {
      ...base,
      kind: 'logged',
      decidedOn: input.loggedOn,
      decidedBy: principal?.userId ?? null,
      reasons: '',
      details: { channel: input.channel, receivedOn: input.receivedOn },
    });
    const actor = by.actor;
    await recordAudit(
      tx,
      actor,
      { type: 'complaint', id: complaint.id },
      {
        type: 'complaint.logged',
        complaintId: complaint.id,
        reference,
        channel: input.channel,
        receivedOn: input.receivedOn,
        complainants: input.complainants.length,
        allegations: input.allegations.length,
      },
    );
    const contact = await startComplaintClock(
      { tx, deps, actor, complaint },
      'complaint_first_contact',
      input.loggedOn,
    );
    return { id: complaint.id, reference, version: complaint.version, firstContactDueOn: contact.dueOn };
  });
}
