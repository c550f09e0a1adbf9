import PDFDocument from 'pdfkit';
import { formatDate } from '../../kernel/time/dates.ts';
import type { ResponseDocument } from './response-document.ts';

/**
 * The commissioner's response as a PDF, drawn with pdfkit as a TAGGED PDF: a structure tree (Document →
 * sections with H1/H2/H3 headings, paragraphs, lists, links) in reading order, the document language
 * (en-GB), and the title shown in the viewer's title bar. It uses the standard Helvetica font, which is not
 * embedded, so it is not claimed to be PDF/UA; the HTML page is the primary accessible version.
 */

type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56.7; // 2 cm

/** The standard fonts speak WinAnsi only: common punctuation is kept, anything else becomes "?". */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function winAnsi(text: string): string {
  return [...text.replace(/\r\n?/g, '\n')]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch))
        return ch;
      if (ch === '→') return '->';
      return '?';
    })
    .join('');
}

const dateOf = (iso: string | null) => (iso ? formatDate(iso) : '');

export function renderResponsePdf(doc: ResponseDocument, publishedOn: string | null): Promise<Buffer> {
  const title = `Commissioner’s response: ${doc.report.title}`;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: winAnsi(title),
      Author: winAnsi(`${doc.force.name} – commissioner’s office`),
      Subject: winAnsi(doc.report.title),
      Creator: 'Probity',
      CreationDate: new Date(doc.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const heading = (parent: Struct, tag: 'H1' | 'H2' | 'H3', text: string) => {
    const size = tag === 'H1' ? 20 : tag === 'H2' ? 15 : 12;
    parent.add(
      pdf.struct(tag, {}, () => {
        pdf
          .font('Helvetica-Bold')
          .fontSize(size)
          .fillColor('black')
          .text(`${winAnsi(text)} `, { paragraphGap: 4 });
      }),
    );
  };
  const para = (parent: Struct, text: string, options: { bold?: boolean; size?: number } = {}) => {
    parent.add(
      pdf.struct('P', {}, () => {
        pdf
          .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(options.size ?? 11)
          .fillColor('black')
          .text(`${winAnsi(text)} `, { paragraphGap: 6 });
      }),
    );
  };
  const link = (parent: Struct, label: string, url: string) => {
    const p = pdf.struct('P');
    parent.add(p);
    p.add(
      pdf.struct('Link', { alt: winAnsi(`${label} ${url}`) }, () => {
        pdf
          .font('Helvetica')
          .fontSize(11)
          .fillColor('#1d70b8')
          .text(`${winAnsi(label)} ${winAnsi(url)} `, { link: url, underline: true, paragraphGap: 6 });
      }),
    );
    p.end();
  };
  const list = (parent: Struct, items: string[]) => {
    const l = pdf.struct('L');
    parent.add(l);
    for (const text of items) {
      const li = pdf.struct('LI');
      l.add(li);
      li.add(
        pdf.struct('LBody', {}, () => {
          pdf
            .font('Helvetica')
            .fontSize(11)
            .fillColor('black')
            .text(`• ${winAnsi(text)} `, { indent: 10, paragraphGap: 3 });
        }),
      );
      li.end();
    }
    l.end();
    pdf.moveDown(0.4);
  };

  heading(root, 'H1', title);
  para(
    root,
    `${doc.force.name}. A response to the ${doc.report.type.toLowerCase()} by ${doc.report.publisher}, published ${dateOf(doc.report.publishedOn)}.`,
  );
  if (doc.report.url) link(root, 'The report:', doc.report.url);
  para(
    root,
    `Generated on ${dateOf(doc.generatedAt)} by ${doc.generatedBy}.${publishedOn ? ` Published on ${dateOf(publishedOn)}.` : ' Not yet published.'}`,
  );
  para(
    root,
    `${doc.summary.items} items: ${doc.summary.addressedVerified} verified as addressed; ${doc.summary.differing} where the force’s status and the commissioner’s differ; ${doc.summary.overdue} overdue.`,
  );

  for (const item of doc.items) {
    const sect = pdf.struct('Sect', { title: `${item.label} ${item.heading}` });
    root.add(sect);
    pdf.moveDown(0.6);
    heading(sect, 'H2', `${item.heading} (${item.label})`);
    para(sect, item.text);
    if (!item.textVerified) para(sect, 'This text has not yet been checked against the published report.', { size: 9 });
    para(
      sect,
      `Addressed to: ${item.addressedTo}.${item.deadline ? ` Deadline: ${dateOf(item.deadline)}.` : ''}${item.overdue ? ' Overdue.' : ''}`,
    );

    heading(sect, 'H3', 'The force’s position');
    const signed = item.force.signedOff
      ? ` Signed off by ${item.force.signedOff.by} on ${dateOf(item.force.signedOff.at)}.`
      : ' Not signed off by a chief officer.';
    para(
      sect,
      `Status (the force’s own assessment): ${item.force.statusLabel}. Accountable owner: ${item.force.owner ?? 'not named'}.${signed}`,
    );
    if (item.force.actions.length > 0) {
      list(
        sect,
        item.force.actions.map(
          (a) =>
            `${a.description}${a.dueOn ? ` (due ${dateOf(a.dueOn)})` : ''}${a.doneOn ? ` – done ${dateOf(a.doneOn)}` : ' – not done'}`,
        ),
      );
    } else para(sect, 'No actions recorded.');

    heading(sect, 'H3', 'Evidence');
    if (item.evidence.length === 0) para(sect, 'No evidence provided.');
    for (const e of item.evidence) {
      if (e.kind === 'link' && e.url) link(sect, `${e.title}:`, e.url);
      else para(sect, `${e.title} (file held by the force: ${e.fileName ?? 'unnamed'})`);
    }

    heading(sect, 'H3', 'The commissioner’s assessment');
    para(sect, `Verified status: ${item.commissioner.statusLabel}.`, { bold: true });
    if (item.difference) para(sect, item.difference, { bold: true });
    if (item.commissioner.comment)
      para(
        sect,
        `“${item.commissioner.comment.body}” – ${item.commissioner.comment.author}, ${dateOf(item.commissioner.comment.at)}`,
      );
    sect.end();
  }
  root.end();
  pdf.end();
  return done;
}
