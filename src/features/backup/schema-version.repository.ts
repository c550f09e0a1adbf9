import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';

/**
 * The schema's version and its objects. Migrations are bookkept exactly as drizzle's migrator does
 * (`drizzle.__drizzle_migrations`: hash, created_at = the journal's `when`), so `probity migrate` carries
 * on from a restored database as from any other.
 */

export type AppliedMigration = { hash: string; createdAt: number };

export async function lastAppliedMigration(db: Db): Promise<AppliedMigration | null> {
  const [exists] = await rawRows<{ ok: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists?.ok) return null;
  const [row] = await rawRows<{ hash: string; created: string }>(
    db,
    sql`select hash, created_at::text as created from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  return row ? { hash: row.hash, createdAt: Number(row.created) } : null;
}

export async function startMigrationBookkeeping(tx: Db): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
}

export async function runMigrationStatement(tx: Db, statement: string): Promise<void> {
  await tx.execute(sql.raw(statement));
}

export async function recordMigration(tx: Db, m: AppliedMigration): Promise<void> {
  await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.createdAt})`);
}

/**
 * Removes every object of the application: tables (with their indexes, triggers and owned sequences),
 * views, other sequences, functions and types in `public`, and the migration bookkeeping. Objects that
 * belong to an extension are left alone. Inside the restore's transaction, so a failed restore puts it all back.
 */
export async function dropApplicationObjects(tx: Db): Promise<number> {
  const objects = await rawRows<{ kind: string; name: string }>(
    tx,
    sql`select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                when 'f' then 'foreign table' else 'table' end as kind,
               quote_ident(c.relname) as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and not c.relispartition
           and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
        union all
        select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, p.oid::regprocedure::text
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        union all
        select case t.typtype when 'd' then 'domain' else 'type' end, quote_ident(t.typname)
          from pg_type t join pg_namespace n on n.oid = t.typnamespace
         where n.nspname = 'public' and t.typtype in ('e', 'r', 'd', 'c')
           and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')
           and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')`,
  );
  for (const o of objects) {
    await tx.execute(sql.raw(`drop ${o.kind} if exists ${o.name} cascade`));
  }
  await tx.execute(sql`drop schema if exists drizzle cascade`);
  return objects.length;
}
