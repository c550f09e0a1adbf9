import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { TODAY } from '../../../test/fixtures/recommendations/world.ts';

/** The OpenAPI document lists every tracker route under its tag. */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
});

afterAll(async () => {
  await t?.close();
});

describe('the OpenAPI document', () => {
  it('describes every tracker route under the recommendations tag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, { tags?: string[] }>> }>().paths;
    const ours = Object.entries(paths).filter(([p]) => p.startsWith('/api/v1/recommendations'));
    expect(ours.map(([p]) => p).sort()).toEqual(
      [
        '/api/v1/recommendations/items/{itemId}',
        '/api/v1/recommendations/items/{itemId}/actions',
        '/api/v1/recommendations/items/{itemId}/actions/{actionId}',
        '/api/v1/recommendations/items/{itemId}/comments',
        '/api/v1/recommendations/items/{itemId}/evidence',
        '/api/v1/recommendations/items/{itemId}/evidence/{evidenceId}',
        '/api/v1/recommendations/items/{itemId}/owner',
        '/api/v1/recommendations/items/{itemId}/self-assessment',
        '/api/v1/recommendations/items/{itemId}/sign-off',
        '/api/v1/recommendations/items/{itemId}/verification',
        '/api/v1/recommendations/list',
        '/api/v1/recommendations/reports',
        '/api/v1/recommendations/reports/{reportId}',
        '/api/v1/recommendations/reports/{reportId}/import',
        '/api/v1/recommendations/reports/{reportId}/items',
        '/api/v1/recommendations/reports/{reportId}/responses',
        '/api/v1/recommendations/responses/{responseId}',
        '/api/v1/recommendations/responses/{responseId}/pdf',
        '/api/v1/recommendations/responses/{responseId}/publish',
      ].sort(),
    );
    for (const [, methods] of ours)
      for (const op of Object.values(methods)) expect(op.tags).toEqual(['recommendations']);
  });
});
