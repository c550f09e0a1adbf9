/**
 * Items for the GOV.UK pagination component: the first and last page, two either side of the current one,
 * an ellipsis for each gap, and previous and next links. `count` is how many pages there are (at least the
 * current one when a list does not know its end: see misconduct/list-cases.ts).
 */
export function pagination(current: number, count: number, href: (n: number) => string) {
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= 2)
      items.push({ number: n, href: href(n), current: n === current });
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true });
  }
  return {
    items,
    previous: current > 1 ? { href: href(current - 1) } : undefined,
    next: current < count ? { href: href(current + 1) } : undefined,
  };
}
