import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { ForeignKey } from './table-order.ts';

/**
 * The SQL of backup and restore. Tables, columns, keys and sequences come from the PostgreSQL catalog
 * (schema `public`), never from a list in the code, so a table added by a migration is backed up as soon
 * as it exists. Rows travel as `row_to_json` text, which both engines write and read the same way.
 */

export type ColumnInfo = {
  name: string;
  type: string;
  generated: boolean;
  identityAlways: boolean;
  collatable: boolean;
  binary: boolean;
};
export type TableInfo = { name: string; columns: ColumnInfo[]; primaryKey: string[] };
export type SequenceInfo = { name: string; table: string | null; column: string | null };
export type Catalog = { tables: TableInfo[]; foreignKeys: ForeignKey[]; sequences: SequenceInfo[] };

const id = (name: string) => sql.identifier(name);

/** Session settings that make row_to_json's text the same on every engine and time zone. */
export async function useCanonicalOutput(tx: Db): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
}

export async function serverVersion(db: Db): Promise<string> {
  const [row] = await rawRows<{ v: string }>(db, sql`select current_setting('server_version') as v`);
  return row?.v ?? '';
}

export async function readCatalog(db: Db): Promise<Catalog> {
  const columns = await rawRows<{
    tbl: string;
    name: string;
    type: string;
    generated: boolean;
    identity: string;
    collatable: boolean;
    binary: boolean;
  }>(
    db,
    sql`select c.relname as tbl, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               a.attgenerated <> '' as generated, a.attidentity::text as identity,
               a.attcollation <> 0 as collatable, a.atttypid = 'bytea'::regtype as binary
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
           and a.attnum > 0 and not a.attisdropped
         order by c.relname, a.attnum`,
  );
  const keys = await rawRows<{ tbl: string; cols: string }>(
    db,
    sql`select c.relname as tbl, json_agg(a.attname::text order by k.ord)::text as cols
          from pg_constraint con
          join pg_class c on c.oid = con.conrelid
          join pg_namespace n on n.oid = c.relnamespace
          cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
         where con.contype = 'p' and n.nspname = 'public'
         group by c.relname`,
  );
  const foreignKeys = await rawRows<ForeignKey>(
    db,
    sql`select con.conname as name, c.relname as "table", r.relname as "references", pg_get_constraintdef(con.oid) as definition
          from pg_constraint con
          join pg_class c on c.oid = con.conrelid
          join pg_class r on r.oid = con.confrelid
          join pg_namespace n on n.oid = c.relnamespace
          join pg_namespace rn on rn.oid = r.relnamespace
         where con.contype = 'f' and n.nspname = 'public' and rn.nspname = 'public'
         order by c.relname, con.conname`,
  );
  const sequences = await rawRows<SequenceInfo>(
    db,
    sql`select s.relname as name, t.relname as "table", a.attname as "column"
          from pg_class s
          join pg_namespace n on n.oid = s.relnamespace
          left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
               and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
          left join pg_class t on t.oid = d.refobjid
          left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
         where s.relkind = 'S' and n.nspname = 'public'
         order by s.relname`,
  );
  const primaryKeys = new Map(keys.map((k) => [k.tbl, JSON.parse(k.cols) as string[]]));
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const table = tables.get(c.tbl) ?? { name: c.tbl, columns: [], primaryKey: primaryKeys.get(c.tbl) ?? [] };
    table.columns.push({
      name: c.name,
      type: c.type,
      generated: c.generated,
      identityAlways: c.identity === 'a',
      collatable: c.collatable,
      binary: c.binary,
    });
    tables.set(c.tbl, table);
  }
  return { tables: [...tables.values()], foreignKeys, sequences };
}

export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await rawRows<{ n: string }>(db, sql`select count(*)::text as n from ${id(table)}`);
  return Number(row?.n ?? 0);
}

export async function hasRows(db: Db, table: string): Promise<boolean> {
  const [row] = await rawRows<{ has: boolean }>(db, sql`select exists (select 1 from ${id(table)}) as has`);
  return row?.has === true;
}

export async function readSequence(db: Db, name: string): Promise<{ lastValue: string; isCalled: boolean }> {
  const [row] = await rawRows<{ last: string; called: boolean }>(
    db,
    sql`select last_value::text as last, is_called as called from ${id(name)}`,
  );
  return { lastValue: row?.last ?? '1', isCalled: row?.called ?? false };
}

/** Sets a sequence as it was, but never below the largest value already used by the column it feeds. */
export async function restoreSequence(
  tx: Db,
  seq: { name: string; lastValue: string; isCalled: boolean },
  owner: { table: string; column: string } | null,
): Promise<void> {
  await tx.execute(sql`select setval(${seq.name}::regclass, ${seq.lastValue}::bigint, ${seq.isCalled})`);
  if (owner) {
    await tx.execute(
      sql`select setval(${seq.name}::regclass, m) from (select max(${id(owner.column)})::bigint as m from ${id(owner.table)}) x
           where m is not null and m > (select last_value from ${id(seq.name)})`,
    );
  }
}

/** A stable row order: the primary key, compared byte-wise ("C") so both engines agree whatever their locale. */
function orderBy(table: TableInfo): SQL {
  const byColumn = new Map(table.columns.map((c) => [c.name, c]));
  if (table.primaryKey.length === 0) return sql`row_to_json(${id('_backup_row')})::text collate "C"`;
  return sql.join(
    table.primaryKey.map((name) =>
      byColumn.get(name)?.collatable
        ? sql`${id('_backup_row')}.${id(name)} collate "C"`
        : sql`${id('_backup_row')}.${id(name)}`,
    ),
    sql`, `,
  );
}

/** Opens a cursor over a table's rows as JSON text, in key order. Inside a transaction only. */
export async function openRowCursor(tx: Db, table: TableInfo): Promise<void> {
  await tx.execute(
    sql`declare probity_backup_rows no scroll cursor for
          select row_to_json(${id('_backup_row')})::text as line from ${id(table.name)} as ${id('_backup_row')} order by ${orderBy(table)}`,
  );
}

export async function fetchRowLines(tx: Db, count: number): Promise<string[]> {
  const rows = await rawRows<{ line: string }>(
    tx,
    sql`fetch forward ${sql.raw(String(Math.max(1, Math.floor(count))))} from probity_backup_rows`,
  );
  return rows.map((r) => r.line);
}

export async function closeRowCursor(tx: Db): Promise<void> {
  await tx.execute(sql`close probity_backup_rows`);
}

/** Inserts a batch of row_to_json lines, matched to columns by name (generated columns are computed again). */
export async function insertRowLines(tx: Db, table: TableInfo, lines: readonly string[]): Promise<void> {
  const columns = table.columns.filter((c) => !c.generated);
  const names = sql.join(
    columns.map((c) => id(c.name)),
    sql`, `,
  );
  const overriding = columns.some((c) => c.identityAlways) ? sql`overriding system value` : sql``;
  const json = `[${lines.join(',')}]`;
  await tx.execute(
    sql`insert into ${id(table.name)} (${names}) ${overriding} select ${names} from json_populate_recordset(null::${id(table.name)}, ${json}::json)`,
  );
}

/** Empties tables a migration filled (the allegation taxonomy) before the backup's own rows go in. */
export async function truncateTables(tx: Db, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await tx.execute(
    sql`truncate table ${sql.join(
      tables.map((t) => id(t)),
      sql`, `,
    )}`,
  );
}

export async function dropForeignKey(tx: Db, fk: ForeignKey): Promise<void> {
  await tx.execute(sql`alter table ${id(fk.table)} drop constraint ${id(fk.name)}`);
}

/** Adding the key back checks every row already loaded against it. */
export async function addForeignKey(tx: Db, fk: ForeignKey): Promise<void> {
  await tx.execute(sql`alter table ${id(fk.table)} add constraint ${id(fk.name)} ${sql.raw(fk.definition)}`);
}
