/**
 * The order tables are written and loaded in: every table after the tables its foreign keys point at,
 * so that the foreign keys are checked row by row during the load. Ties go by name, so the order is stable.
 * A foreign key that no order can satisfy (a table pointing at itself, such as a unit's parent unit, or a
 * cycle of tables) is "deferred": the restore drops it for the load and adds it back before committing,
 * which checks every row against it.
 */

export type ForeignKey = { name: string; table: string; references: string; definition: string };

export function loadOrder(
  tables: readonly string[],
  foreignKeys: readonly ForeignKey[],
): { order: string[]; deferred: ForeignKey[] } {
  const known = new Set(tables);
  const needs = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table !== fk.references && known.has(fk.table) && known.has(fk.references))
      needs.get(fk.table)?.add(fk.references);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    // The first table (by name) whose dependencies are all placed; in a cycle, the first table by name.
    const index = Math.max(
      0,
      remaining.findIndex((t) => [...(needs.get(t) ?? [])].every((d) => placed.has(d))),
    );
    const [next] = remaining.splice(index, 1);
    if (next === undefined) break;
    order.push(next);
    placed.add(next);
  }
  return { order, deferred: keysOutOfOrder(order, foreignKeys) };
}

/** The foreign keys a load in this order cannot satisfy row by row: the referenced table is not loaded before. */
export function keysOutOfOrder(order: readonly string[], foreignKeys: readonly ForeignKey[]): ForeignKey[] {
  const position = new Map(order.map((t, i) => [t, i]));
  return foreignKeys.filter((fk) => {
    const from = position.get(fk.table);
    const to = position.get(fk.references);
    return from !== undefined && to !== undefined && to >= from;
  });
}
