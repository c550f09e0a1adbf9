import { describe, expect, it } from 'vitest';
import { safeNext } from './form-helpers.ts';

const origin = 'https://probity.example';

describe('safeNext', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeNext('/people?q=Ash', origin)).toBe('/people?q=Ash');
    expect(safeNext('/cases/1', origin)).toBe('/cases/1');
  });

  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\r\n/evil.example',
    ' //evil.example',
    '',
  ])('refuses %j', (next) => {
    expect(safeNext(next, origin)).toBe('/');
  });

  it('gives a Location-safe value for text outside Latin-1', () => {
    const next = safeNext('/people?q=\u0100\u{1F600}', origin);
    expect(next.startsWith('/people?q=')).toBe(true);
    expect(/^[\x21-\x7e]*$/.test(next)).toBe(true);
  });

  it('refuses anything that is not a string', () => {
    expect(safeNext(undefined, origin)).toBe('/');
    expect(safeNext(['/a'], origin)).toBe('/');
  });
});
