import { describe, expect, it } from 'vitest';
import { pagination } from './pagination.ts';

const href = (n: number) => `/x?page=${n}`;

describe('pagination', () => {
  it('shows the first and last page, two either side of the current one, and an ellipsis for each gap', () => {
    const p = pagination(6, 12, href);
    expect(p.items.map((i) => ('ellipsis' in i ? '…' : i.current ? `[${i.number}]` : String(i.number)))).toEqual([
      '1',
      '…',
      '4',
      '5',
      '[6]',
      '7',
      '8',
      '…',
      '12',
    ]);
    expect(p.previous).toEqual({ href: '/x?page=5' });
    expect(p.next).toEqual({ href: '/x?page=7' });
  });

  it('has no previous link on the first page and no next link on the last', () => {
    expect(pagination(1, 3, href)).toMatchObject({ previous: undefined, next: { href: '/x?page=2' } });
    expect(pagination(3, 3, href)).toMatchObject({ previous: { href: '/x?page=2' }, next: undefined });
    expect(pagination(1, 1, href).items).toEqual([{ number: 1, href: '/x?page=1', current: true }]);
  });
});
