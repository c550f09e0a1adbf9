import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { UploadedFile } from '../../kernel/http/uploads.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { accountOf } from '../auth/index.ts';
import { addAction } from './add-action.ts';
import { addComment } from './add-comment.ts';
import { addItem } from './add-item.ts';
import { addRecommendationEvidence } from './add-evidence.ts';
import { assessSelf } from './assess-self.ts';
import { createReport } from './create-report.ts';
import { DEMO_ITEMS, DEMO_REPORT, dayFrom, type DemoItem } from './demo-recommendations.ts';
import { findReportByKey } from './reports.repository.ts';
import { setOwner } from './set-owner.ts';
import { signOff } from './sign-off.ts';
import { updateActionOf } from './update-action.ts';
import { verifyStatus } from './verify-status.ts';

const REQUEST_ID = 'seed-demo';

export type DemoRecommendationsSummary = { seeded: boolean; items: number; responses: number };

/**
 * Loads the demonstration inspection report (sample text, clearly labelled) and the demo force's response
 * to it, through the tracker's own use cases as the commissioner's office (pcc@), the appropriate authority
 * (aa@) and the chief officer (chief@) of the force, each step dated in the past by its own clock — so the
 * states vary (addressed and verified and signed off; addressed but unverified; a difference; overdue by
 * deadline and by action; not applicable) and every row is audited. Deterministic for a given day; does
 * nothing if the report is there already.
 */
export async function seedDemoRecommendations(
  deps: Deps,
  options: { forceId: string; today: IsoDate },
): Promise<DemoRecommendationsSummary> {
  const publishedOn = dayFrom(options.today, -DEMO_REPORT.publishedDaysAgo);
  if (await findReportByKey(deps.db, DEMO_REPORT.publisher, DEMO_REPORT.title, publishedOn))
    return { seeded: false, items: 0, responses: 0 };
  const pcc = await accountOf(deps, `pcc@${options.forceId}.example`);
  const aa = await accountOf(deps, `aa@${options.forceId}.example`);
  const chief = await accountOf(deps, `chief@${options.forceId}.example`);
  const at = (days: number, hour = 10) => {
    const when = new Date(`${dayFrom(options.today, days)}T${String(hour).padStart(2, '0')}:00:00Z`);
    return { ...deps, now: () => when };
  };

  const loadDay = -DEMO_REPORT.publishedDaysAgo + 7;
  const report = await createReport(
    at(loadDay),
    pcc,
    {
      publisher: DEMO_REPORT.publisher,
      title: DEMO_REPORT.title,
      publishedOn,
      url: '',
      reportType: DEMO_REPORT.reportType,
    },
    REQUEST_ID,
  );
  let responses = 0;
  for (const spec of DEMO_ITEMS) {
    const item = await addItem(
      at(loadDay),
      pcc,
      report.id,
      {
        kind: spec.kind,
        number: spec.number,
        text: spec.text,
        ownerBody: spec.ownerBody,
        deadline: spec.deadline === null ? null : dayFrom(options.today, spec.deadline),
        themes: spec.themes,
        // Demonstration wording, not the inspectorate's: never shown as checked against a published report.
        textVerified: false,
      },
      REQUEST_ID,
    );
    if (spec.response) {
      await respond(item.id, spec.response, { aa, chief, pcc }, at);
      responses++;
    }
  }
  return { seeded: true, items: DEMO_ITEMS.length, responses };
}

type People = { aa: Principal; chief: Principal; pcc: Principal };

async function respond(
  itemId: string,
  r: NonNullable<DemoItem['response']>,
  who: People,
  at: (days: number, hour?: number) => Deps,
): Promise<void> {
  let version = 0;
  if (r.owner)
    version = (await setOwner(at(-300), who.aa, itemId, { ownerUserId: who[r.owner].userId, version }, REQUEST_ID))
      .version;
  for (const a of r.actions ?? []) {
    const row = await addAction(
      at(-300, 11),
      who.aa,
      itemId,
      { description: a.description, dueOn: a.due === null ? null : dayFrom(todayOf(at), a.due) },
      REQUEST_ID,
    );
    if (a.done !== undefined)
      await updateActionOf(
        at(a.done),
        who.aa,
        itemId,
        row.id,
        { doneOn: dayFrom(todayOf(at), a.done), version: row.version },
        REQUEST_ID,
      );
  }
  for (const e of r.evidence ?? []) {
    const file: UploadedFile | undefined =
      e.kind === 'file'
        ? {
            kind: 'uploaded-file',
            fileName: e.fileName,
            claimedType: 'text/plain',
            content: Buffer.from(e.text, 'utf8'),
            tooLarge: false,
          }
        : undefined;
    await addRecommendationEvidence(
      at(-150),
      who.aa,
      itemId,
      { title: e.title, url: e.kind === 'link' ? e.url : '', file },
      REQUEST_ID,
    );
  }
  if (r.self) version = (await assessSelf(at(-100), who.aa, itemId, { status: r.self, version }, REQUEST_ID)).version;
  if (r.verified)
    version = (await verifyStatus(at(-40), who.pcc, itemId, { status: r.verified, version }, REQUEST_ID)).version;
  if (r.signOff) await signOff(at(-35), who.chief, itemId, { version }, REQUEST_ID);
  for (const c of r.comments ?? [])
    await addComment(
      at(-c.daysAgo),
      c.side === 'commissioner' ? who.pcc : who.aa,
      itemId,
      { body: c.body },
      REQUEST_ID,
    );
}

/** The demo's "today", read back from a day-0 clock. */
function todayOf(at: (days: number, hour?: number) => Deps): IsoDate {
  return at(0).now().toISOString().slice(0, 10);
}
