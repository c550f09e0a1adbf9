/**
 * Redaction of a report's text before it is shared (opening a case from it): the unit marks passages, one a
 * line, and every occurrence of each is replaced by {@link REDACTED}. Pure. A passage that does not occur
 * is an error, never ignored: a mistyped passage would otherwise leave what it meant to hide in the copy.
 */
export const REDACTED = '[redacted]';

/** The passages marked, one a line, trimmed, without blanks or repeats; longest first so a longer passage wins. */
export function parsePassages(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const passage = line.trim();
    if (passage) seen.add(passage);
  }
  return [...seen].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Passages found in none of the texts. */
export function missingPassages(passages: readonly string[], texts: readonly string[]): string[] {
  return passages.filter((p) => !texts.some((t) => new RegExp(escape(p), 'iu').test(t)));
}

/** The text with every occurrence of every passage (matched without regard to case) replaced. */
export function redact(text: string, passages: readonly string[]): string {
  if (!passages.length) return text;
  const pattern = new RegExp(passages.map(escape).join('|'), 'giu');
  return text.replace(pattern, REDACTED);
}
