import { customType, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forces } from './organisation.ts';

/**
 * The columns nearly every force-owned table repeats, made once (each call is a new column: Drizzle needs one
 * builder per table). The SQL is the same as the words written out: `force_id text not null`, `id uuid not
 * null default gen_random_uuid()`, `… timestamp with time zone not null default now()`.
 */

/** The force a row belongs to, first in its primary key; the root row of an aggregate also refers to forces. */
export function forceColumn(options: { referencesForces?: boolean } = {}) {
  const column = text('force_id').notNull();
  return options.referencesForces ? column.references(() => forces.id) : column;
}

/** A row's own id, made by the database unless the code gives one. */
export const idColumn = () => uuid('id').notNull().defaultRandom();

/** When something was written (created_at, recorded_at, granted_at …): the moment of the insert unless given. */
export const timestampNow = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** PostgreSQL bytea as a Node Buffer (both drivers return binary columns as bytes). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
