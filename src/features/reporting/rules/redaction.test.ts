import { describe, expect, it } from 'vitest';
import { missingPassages, parsePassages, redact, REDACTED } from './redaction.ts';

describe('redaction of a report’s text', () => {
  it('reads one passage a line, trimmed, without blanks or repeats, longest first', () => {
    expect(parsePassages('  Quill \n\nBravo shift\r\nQuill\n')).toEqual(['Bravo shift', 'Quill']);
  });

  it('replaces every occurrence of each passage, whatever its case', () => {
    const text = 'Sgt Quill of Bravo shift; quill again. QUILL.';
    expect(redact(text, ['Quill', 'Bravo shift'])).toBe(
      `Sgt ${REDACTED} of ${REDACTED}; ${REDACTED} again. ${REDACTED}.`,
    );
    expect(redact(text, [])).toBe(text);
  });

  it('treats a passage as words, not a pattern, and lets a longer passage win over a shorter one inside it', () => {
    expect(redact('a.b and axb', ['a.b'])).toBe(`${REDACTED} and axb`);
    expect(redact('Zebedee Quill and Quill', parsePassages('Quill\nZebedee Quill'))).toBe(
      `${REDACTED} and ${REDACTED}`,
    );
  });

  it('names the passages found in none of the texts', () => {
    expect(missingPassages(['Quill', 'Northgate'], ['Sgt quill', 'the canteen'])).toEqual(['Northgate']);
  });
});
