import { z } from 'zod';

/** The body every API error has (plugins/errors.ts writes it), for the routes' OpenAPI response schemas. */
export const apiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

/** Response schemas for the error statuses a route can answer with. */
export function apiErrors<S extends number>(...statuses: S[]): Record<S, typeof apiErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, apiErrorBody])) as Record<S, typeof apiErrorBody>;
}
