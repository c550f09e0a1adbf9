import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { STAFF_REFUSAL } from './rules/subject-standing.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { parseInput, isoDateString } from '../../kernel/validation.ts';
import { caseSources, caseTypes, confidentialities } from '../../db/schema/index.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { findVisiblePerson } from '../organisation/index.ts';
import { startClock } from '../clocks/index.ts';
import { initialAllegationState } from './rules/allegation-workflow.ts';
import { regimeForMatter } from './rules/transitional.ts';
import { standardsOfProfessionalBehaviour } from './taxonomy.ts';
import { refreshAllegationFigures } from './allegation-figures.repository.ts';
import {
  categoryExists,
  insertAccess,
  insertAllegation,
  insertCase,
  insertSubject,
  nextCaseReference,
  usersOfForceByIds,
} from './cases.repository.ts';
import { casePolicy } from './case.policy.ts';

const isoDate = isoDateString('Enter a date in the format 2026-03-27');
const standardCodes = standardsOfProfessionalBehaviour.map((s) => s.code) as [string, ...string[]];

export const openCaseInput = z.object({
  source: z.enum(caseSources, { message: 'Choose where the matter came from' }),
  caseType: z.enum(caseTypes, { message: 'Choose the type of case' }),
  cameToAttentionOn: isoDate,
  summary: z.string().trim().min(10, 'Summarise the matter in at least 10 characters').max(5000),
  confidentiality: z.enum(confidentialities).default('normal'),
  subjectPersonIds: z
    .array(z.string().uuid('Choose subjects from the directory'))
    .min(1, 'Add at least one subject')
    .max(100, 'Add at most 100 subjects at a time')
    .refine((ids) => new Set(ids).size === ids.length, 'A subject is listed twice'),
  allegation: z.object({
    categoryCode: z.string().min(1, 'Choose a category'),
    standards: z
      .array(z.enum(standardCodes, { message: 'Choose a standard of professional behaviour from the list' }))
      .min(1, 'Choose at least one standard of professional behaviour'),
    description: z.string().trim().min(10, 'Describe the alleged conduct in at least 10 characters').max(5000),
  }),
  /**
   * The earlier matter this one is connected to, recorded by the appropriate authority with a reason: the
   * regulations of the earlier matter govern it (SI 2025/558 reg 64(1); the 2020 Regulations' transitional
   * provision for matters from before February 2020).
   */
  connectedToEarlierMatter: z
    .object({
      cameToAttentionOn: isoDate,
      reason: z
        .string()
        .trim()
        .min(10, 'Say in at least 10 characters how the matter is connected to the earlier one')
        .max(2000),
    })
    .optional(),
  /** An IOPC re-investigation (PRA 2002 s.13B) or a direction under s.28A (SI 2025/558 reg 64(2)). */
  iopcReinvestigation: z.boolean().default(false),
  /**
   * Users named on the case, who may see it: for a restricted case the only ones besides its lead; for an
   * ordinary case in addition to those who see it anyway. Each must be an active user of the force with
   * `case.read`. The opener is always named, so whoever opens a case can read it.
   */
  namedUserIds: z
    .array(z.string().uuid('Choose named users from the list'))
    .max(50, 'Name at most 50 users')
    .refine((ids) => new Set(ids).size === ids.length, 'A named user is listed twice')
    .default([]),
});

export type OpenCaseInput = z.input<typeof openCaseInput>;

/**
 * Opens a conduct case with one or many subjects, each given the same allegation on its own track (the
 * "ten officers in one chat group" case is one action). Fixes the regime from the date the matter came to
 * the appropriate authority's attention and starts the 12-month clock for the report to the PCC.
 */
export async function openCase(deps: Deps, principal: Principal | null, raw: OpenCaseInput, requestId: string | null) {
  authorizeBy(principal, casePolicy.create, 'page');
  const input = parseInput(openCaseInput, raw, 'Check the details of the case');
  const today = ukToday(deps.now());
  if (input.cameToAttentionOn > today) {
    throw new AppError('validation', 'Check the details of the case', {
      cameToAttentionOn: 'The date the matter came to attention cannot be in the future',
    });
  }
  if (!(await categoryExists(deps.db, input.allegation.categoryCode))) {
    throw new AppError('validation', 'Check the details of the case', {
      'allegation.categoryCode': 'Choose a category from the list',
    });
  }
  const connected = input.connectedToEarlierMatter;
  if (connected && connected.cameToAttentionOn >= input.cameToAttentionOn) {
    throw new AppError('validation', 'Check the details of the case', {
      'connectedToEarlierMatter.cameToAttentionOn': `The earlier matter must have come to attention before this one (${formatDate(input.cameToAttentionOn)})`,
    });
  }
  const regime = regimeForMatter({
    cameToAttentionOn: input.cameToAttentionOn,
    connectedToEarlierMatterOn: connected?.cameToAttentionOn ?? null,
    iopcReinvestigation: input.iopcReinvestigation,
  });
  const regimeVersion = regime.version;
  return deps.db.transaction(async (tx) => {
    // The rule the page's list of users applies, here so that the API keeps it too.
    const found = await usersOfForceByIds(tx, principal.forceId, input.namedUserIds);
    if (found.filter(casePolicy.mayBeNamed).length !== input.namedUserIds.length)
      throw new AppError('validation', 'Check the details of the case', {
        namedUserIds: 'Name only active users of your force who may read cases',
      });
    const people = [];
    for (const id of input.subjectPersonIds) {
      const person = await findVisiblePerson(tx, principal, id);
      if (!person || person.mergedIntoId)
        throw new AppError('validation', 'Check the details of the case', {
          subjectPersonIds: 'A chosen subject is not in the directory',
        });
      // The Police (Conduct) Regulations 2020 apply to police officers and special constables (reg 3); police
      // staff and volunteers answer under the force's own staff procedures, never the officer track.
      if (person.personType === 'staff' || person.personType === 'volunteer')
        throw new AppError('validation', 'Check the details of the case', {
          subjectPersonIds: `${person.givenName} ${person.familyName}: ${STAFF_REFUSAL}`,
        });
      people.push(person);
    }
    const reference = await nextCaseReference(tx, principal.forceId, Number(input.cameToAttentionOn.slice(0, 4)));
    const created = await insertCase(tx, {
      forceId: principal.forceId,
      reference,
      source: input.source,
      caseType: input.caseType,
      cameToAttentionOn: input.cameToAttentionOn,
      regimeVersion,
      connectedMatterOn: connected?.cameToAttentionOn ?? null,
      connectedMatterReason: connected?.reason ?? null,
      iopcReinvestigation: input.iopcReinvestigation,
      confidentiality: input.confidentiality,
      summary: input.summary,
      createdBy: principal.userId,
    });
    // The opener and the named users, for every case: an investigator who opens an ordinary case can read it.
    await insertAccess(
      tx,
      principal.forceId,
      created.id,
      [...new Set([principal.userId, ...input.namedUserIds])],
      principal.userId,
    );
    const track = initialAllegationState();
    let allegations = 0;
    for (const person of people) {
      const subject = await insertSubject(tx, {
        forceId: principal.forceId,
        caseId: created.id,
        personId: person.id,
        leftOn: person.status === 'former' ? person.serviceEnd : null,
      });
      await insertAllegation(tx, {
        forceId: principal.forceId,
        caseId: created.id,
        subjectId: subject.id,
        categoryCode: input.allegation.categoryCode,
        standards: input.allegation.standards,
        description: input.allegation.description,
        state: track.status,
        facts: { track, finalWrittenWarningInForce: false, multipleUnconnectedIncidents: false },
      });
      allegations++;
    }
    await refreshAllegationFigures(tx, principal.forceId, { caseIds: [created.id] });
    await startClock(tx, deps, {
      forceId: principal.forceId,
      caseId: created.id,
      allegationId: null,
      subjectId: null,
      period: 'pcc_report_first',
      startOn: input.cameToAttentionOn,
      regimeVersion,
      ownerUserId: null,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: created.id },
      {
        type: 'case.opened',
        caseId: created.id,
        reference,
        subjects: people.length,
        allegations,
        confidentiality: input.confidentiality,
        ...(connected || input.iopcReinvestigation ? { regimeVersion, regimeReason: regime.reason } : {}),
      },
    );
    return created;
  });
}
