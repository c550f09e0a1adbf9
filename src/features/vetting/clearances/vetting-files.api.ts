import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../../kernel/http/guards.ts';
import { addDesignatedPost } from './add-designated-post.ts';
import { deactivatePost } from './deactivate-designated-post.ts';
import { listCompliance } from './list-compliance.ts';
import { listDesignatedPosts } from './list-designated-posts.ts';
import { recordExistingClearance } from './record-existing-clearance.ts';
import {
  bodies,
  clearanceItem,
  complianceItem,
  created,
  errors,
  idParams,
  postItem,
  requirementItem,
} from '../vetting-api-schemas.ts';
import { vettingHome } from './vetting-home.ts';
import { viewPersonVetting } from './view-person-vetting.ts';

const tags = ['vetting'];

/** /api/v1/vetting: the summary, a person's vetting file and clearances, the compliance list and the designated posts. */
export function registerVettingFilesApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.get(
    '/api/v1/vetting/summary',
    {
      ...on,
      schema: {
        tags,
        summary: 'Counts for the vetting unit: open applications, compliance gaps, clearances expiring in 90 days',
        response: {
          200: z.object({
            openApplications: z.number().int(),
            complianceGaps: z.number().int(),
            workforce: z.number().int(),
            expiringWithin90Days: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const h = await vettingHome(deps, principalOf(request), request.id);
      return {
        openApplications: h.openApplications,
        complianceGaps: h.gaps,
        workforce: h.workforce,
        expiringWithin90Days: h.expiring,
      };
    },
  );

  api.get(
    '/api/v1/vetting/people/:id',
    {
      ...on,
      schema: {
        tags,
        summary:
          'A person’s vetting file: clearances, requirements and compliance, applications and decisions (vetting roles only; the read is audited)',
        params: idParams,
        response: {
          200: z.object({
            person: z.object({
              id: z.string().uuid(),
              givenName: z.string(),
              familyName: z.string(),
              status: z.string(),
              role: z.string().nullable(),
            }),
            clearances: z.array(clearanceItem),
            compliance: z
              .object({ compliant: z.boolean(), reasons: z.array(z.string()), requirements: z.array(requirementItem) })
              .nullable(),
            applications: z.array(
              z.object({
                id: z.string().uuid(),
                reference: z.string(),
                kind: z.string(),
                level: z.string(),
                status: z.string(),
              }),
            ),
            decisions: z.array(
              z.object({
                id: z.string().uuid(),
                outcome: z.string(),
                decidedOn: z.string(),
                applicationId: z.string().nullable(),
                reviewId: z.string().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const f = await viewPersonVetting(deps, principalOf(request), request.params.id, request.id);
      const unmet = f.compliance?.unmet ?? [];
      return {
        person: {
          id: f.person.id,
          givenName: f.person.given_name,
          familyName: f.person.family_name,
          status: f.person.status,
          role: f.person.role,
        },
        clearances: f.clearances.map((c) => ({
          id: c.id,
          level: c.level,
          status: c.effectiveStatus,
          storedStatus: c.status,
          grantedOn: c.grantedOn,
          expiresOn: c.expiresOn,
          renewal: c.renewal,
          conditions: c.conditions,
          applicationId: c.applicationId,
          endedOn: c.endedOn,
          endedReason: c.endedReason,
        })),
        compliance: f.compliance
          ? {
              compliant: f.compliance.compliant,
              reasons: f.compliance.reasons,
              requirements: f.compliance.required.map((r) => ({
                ...r,
                reason: unmet.find((u) => u.level === r.level && u.because === r.because)?.reason ?? null,
              })),
            }
          : null,
        applications: f.applications.map((a) => ({
          id: a.id,
          reference: a.reference,
          kind: a.kind,
          level: a.level,
          status: a.status,
        })),
        decisions: f.decisions.map((d) => ({
          id: d.id,
          outcome: d.outcome,
          decidedOn: d.decided_on,
          applicationId: d.application_id,
          reviewId: d.review_id,
        })),
      };
    },
  );

  api.post(
    '/api/v1/vetting/people/:id/clearances',
    {
      ...on,
      schema: {
        tags,
        summary: 'Record a clearance granted before Probity (level and date granted; expiry from the renewal table)',
        params: idParams,
        body: bodies.clearance,
        response: { 201: z.object({ id: z.string().uuid(), expiresOn: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordExistingClearance(
            deps,
            principalOf(request),
            { personId: request.params.id, ...request.body } as never,
            request.id,
          ),
        ),
  );

  api.get(
    '/api/v1/vetting/compliance',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Current people whose valid clearance is missing, expired or below what their post requires (50 a page; the read is audited)',
        querystring: z.object({ reason: z.string().optional(), page: z.string().optional() }),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            counts: z.record(z.string(), z.number().int()),
            items: z.array(complianceItem),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await listCompliance(deps, principalOf(request), request.query, request.id);
      return {
        total: r.total,
        page: r.input.page,
        pageCount: r.pageCount,
        counts: r.counts,
        items: r.rows.map((p) => ({
          personId: p.id,
          givenName: p.given_name,
          familyName: p.family_name,
          rank: p.rank,
          role: p.role,
          unit: p.unit_name,
          reasons: p.reasons,
          valid: p.valid,
          unmet: p.unmet.map((u) => ({ level: u.level, because: u.because, postId: u.postId, reason: u.reason })),
        })),
      };
    },
  );

  api.get(
    '/api/v1/vetting/designated-posts',
    {
      ...on,
      schema: {
        tags,
        summary: 'The designated-post register',
        response: { 200: z.object({ items: z.array(postItem) }), ...errors },
      },
    },
    async (request) => {
      const r = await listDesignatedPosts(deps, principalOf(request));
      return {
        items: r.posts.map((p) => ({
          id: p.id,
          title: p.title,
          postingRole: p.posting_role,
          unitId: p.unit_id,
          unitName: p.unit_name,
          requiredLevel: p.required_level,
          active: p.active,
        })),
      };
    },
  );

  api.post(
    '/api/v1/vetting/designated-posts',
    {
      ...on,
      schema: {
        tags,
        summary: 'Add a designated post (posting role, optional unit, required level)',
        body: bodies.post,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addDesignatedPost(deps, principalOf(request), request.body as never, request.id)),
  );

  api.post(
    '/api/v1/vetting/designated-posts/:id/deactivate',
    {
      ...on,
      schema: {
        tags,
        summary: 'Deactivate a designated post',
        params: idParams,
        response: { 200: z.object({ id: z.string().uuid(), changed: z.boolean() }), ...errors },
      },
    },
    async (request) => deactivatePost(deps, principalOf(request), request.params.id, request.id),
  );
}
