import { describe, expect, it } from 'vitest';
import { callApi, dateFields, vettingSnapshot } from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import {
  t,
  w,
  useRecruitmentWorld,
  officer,
  detail,
  apply,
  recordAllChecks,
  decisionForm,
} from '../../../../test/fixtures/vetting/recruitment.http-fixtures.ts';

/** The recruitment journey through the pages, for an applicant with adverse information: they cannot be granted without a rationale for it, then can. */
useRecruitmentWorld();

describe('an applicant with adverse information', () => {
  let made: Promise<{ id: string; itemId: string }> | undefined;
  /** Morgan Ellery's application: every check clear, and a caution at 17 recorded against the PNC check. */
  const morgan = () => (made ??= applyWithCaution());
  async function applyWithCaution(): Promise<{ id: string; itemId: string }> {
    const id = await apply({ givenName: 'Morgan', familyName: 'Ellery', ...dateFields('dateOfBirth', '1995-09-12') });
    await recordAllChecks(id);
    const pnc = (await detail(id)).checks[0];
    const added = await officer().post(
      `/vetting/applications/${id}/adverse`,
      {
        checkId: pnc?.id ?? '',
        source: 'PNC',
        infoType: 'caution',
        relation: 'self',
        severity: '2',
        credibility: '5',
        description: 'Caution for criminal damage, aged 17',
        assessment: 'Declared on the application form',
        ...dateFields('occurredOn', '2012-08-01'),
      },
      `/vetting/applications/${id}`,
    );
    expect(added.statusCode).toBe(303);
    return { id, itemId: (await detail(id)).adverseInformation[0]?.id ?? '' };
  }

  it('cannot be granted without a rationale for the item: 400 and nothing written', async () => {
    const { id, itemId } = await morgan();
    const before = await vettingSnapshot(t);
    const res = await officer().post(
      decisionForm(id),
      {
        version: String((await detail(id)).version),
        outcome: 'grant',
        rationale: 'An old caution, fully declared, no repetition',
      },
      decisionForm(id),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain(`id="item-${itemId}-relevance-error"`);
    expect(res.body).toContain('Enter risk assessment (at least 15 characters, in words) for this adverse information');
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('is granted once every part of the rationale is given, and the record keeps it', async () => {
    const { id, itemId } = await morgan();
    const rationale = {
      [`item-${itemId}-relevance`]: 'Criminal damage is not dishonesty or violence against a person',
      [`item-${itemId}-riskAssessment`]: 'Low: one incident at seventeen, nothing in the fourteen years since',
      [`item-${itemId}-mitigation`]: 'Declared in full; normal probation supervision',
      [`item-${itemId}-reason`]: 'Isolated, old and declared, so it does not show unsuitability',
    };
    const res = await officer().post(
      decisionForm(id),
      {
        version: String((await detail(id)).version),
        outcome: 'grant',
        rationale: 'An old caution, fully declared, no repetition',
        ...rationale,
      },
      decisionForm(id),
    );
    expect(res.statusCode).toBe(303);
    expect((await detail(id)).status).toBe('granted');
    const [stored] = await t.database.query<{ resolution: Record<string, string> }>(
      `select resolution from adverse_information where id = $1`,
      [itemId],
    );
    expect(stored?.resolution).toMatchObject({
      riskAssessment: 'Low: one incident at seventeen, nothing in the fourteen years since',
    });
    const decisionId = (await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/applications/${id}`)).json<{
      decisions: { id: string }[];
    }>().decisions[0]?.id;
    const doc = (await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/decisions/${decisionId}`)).json<{
      document: { adverseInformation: { rationale: Record<string, string> }[]; decisionMaker: { name: string } };
    }>().document;
    expect(doc.adverseInformation[0]?.rationale['mitigation']).toBe('Declared in full; normal probation supervision');
    expect(doc.decisionMaker.name).toBe('vetting');
  });
});
