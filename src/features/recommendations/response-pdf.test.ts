import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/fixtures/recommendations/pdf-text.ts';
import type { ResponseDocument } from './response-document.ts';
import { renderResponsePdf, winAnsi } from './response-pdf.ts';

const item = (n: number): ResponseDocument['items'][number] => ({
  label: `R${n}`,
  heading: `Recommendation ${n}`,
  text: `Marker text of recommendation ${n}: forces should do the thing numbered ${n}.`,
  textVerified: n !== 2,
  addressedTo: 'Chief constables',
  deadline: '2026-04-30',
  force: {
    status: n === 1 ? 'addressed' : 'being_progressed',
    statusLabel: n === 1 ? 'Addressed' : 'Being progressed',
    owner: 'Alan Authority',
    signedOff: n === 1 ? { by: 'Chief Constable', at: '2026-04-01T10:00:00.000Z' } : null,
    actions: [{ description: `Action for R${n}`, dueOn: '2026-03-01', doneOn: n === 1 ? '2026-02-20' : null }],
  },
  evidence:
    n === 1
      ? [
          { title: 'Vetting policy', kind: 'link', url: 'https://example.org/policy', fileName: null },
          { title: 'Check summary', kind: 'file', url: null, fileName: 'summary.txt' },
        ]
      : [],
  commissioner: {
    status: n === 1 ? 'being_progressed' : null,
    statusLabel: n === 1 ? 'Being progressed' : 'Not yet assessed',
    comment:
      n === 1
        ? { body: 'Commissioner marker comment', author: 'Olivia Oversight', at: '2026-05-01T10:00:00.000Z' }
        : null,
  },
  difference:
    n === 1 ? 'The force says addressed, but the commissioner’s office has verified only being progressed.' : null,
  overdue: n === 3,
});

const doc: ResponseDocument = {
  report: {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'An inspection of vetting (test)',
    publisher: 'HMICFRS',
    publishedOn: '2025-11-02',
    url: 'https://example.org/report',
    type: 'Thematic inspection',
  },
  force: { id: 'west', name: 'West Police' },
  generatedAt: '2026-05-10T09:00:00.000Z',
  generatedBy: 'Olivia Oversight',
  summary: { items: 12, addressedVerified: 0, differing: 1, overdue: 1 },
  items: Array.from({ length: 12 }, (_, i) => item(i + 1)),
};

describe('the commissioner’s response as a PDF', () => {
  it('is a tagged PDF 1.7 in British English, with the title shown, over several pages', async () => {
    const pdf = readPdf(await renderResponsePdf(doc, '2026-05-12'));
    expect(pdf.header).toBe('%PDF-1.7');
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.tagged).toBe(true);
    expect(pdf.lang).toBe('en-GB');
    expect(pdf.title).toBe('shown');
    expect(pdf.structureTypes).toEqual(
      expect.arrayContaining(['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody', 'Link']),
    );
  });

  it('says, per item, the force’s position, the evidence and the commissioner’s assessment', async () => {
    const { text } = readPdf(await renderResponsePdf(doc, '2026-05-12'));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Commissioner’s response: An inspection of vetting (test)');
    expect(flat).toContain('Published on 12 May 2026');
    for (let n = 1; n <= 12; n++) expect(flat).toContain(`Marker text of recommendation ${n}:`);
    expect(flat).toContain('Status (the force’s own assessment): Addressed');
    expect(flat).toContain('Signed off by Chief Constable on 1 April 2026');
    expect(flat).toContain('Action for R1 (due 1 March 2026) – done 20 February 2026');
    expect(flat).toContain('Vetting policy: https://example.org/policy');
    expect(flat).toContain('Check summary (file held by the force: summary.txt)');
    expect(flat).toContain('Verified status: Being progressed');
    expect(flat).toContain(
      'The force says addressed, but the commissioner’s office has verified only being progressed.',
    );
    expect(flat).toContain('“Commissioner marker comment” – Olivia Oversight, 1 May 2026');
    expect(flat).toContain('This text has not yet been checked against the published report.');
    expect(flat).toContain('Generated on 10 May 2026 by Olivia Oversight');
  });

  it('keeps what the standard fonts can draw and replaces the rest', () => {
    expect(winAnsi('Café – “quoted” → next ✓')).toBe('Café – “quoted” -> next ?');
  });
});
