import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant. Every force-owned row carries `force_id`, part of its primary key (Citus distribution column). */
export const forces = pgTable('forces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const unitKinds = ['force', 'command', 'area', 'department', 'team'] as const;

/** Units form a hierarchy inside one force (force → command → area/department → team). */
export const units = pgTable(
  'units',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    path: text('path')
      .notNull()
      .default(sql`''`),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.parentId], foreignColumns: [t.forceId, t.id] }),
    index('units_parent_idx').on(t.forceId, t.parentId),
  ],
);
