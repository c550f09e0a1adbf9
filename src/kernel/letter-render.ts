import PDFDocument from 'pdfkit';

/** A letter as words, before it is rendered: the same document gives the HTML, the PDF and the plain text. */
export type LetterSection = { heading?: string; paragraphs: string[]; list?: string[] };
export type LetterDocument = {
  title: string;
  subject: string;
  salutation: string;
  sections: LetterSection[];
  signOff: string;
};

/** A letter as HTML (kept on the record and sent as the e-mail's body) and as a tagged PDF (for post). */

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function letterHtml(doc: LetterDocument, writtenOn: string): string {
  const sections = doc.sections
    .map(
      (s) =>
        `${s.heading ? `<h2>${escape(s.heading)}</h2>\n` : ''}${s.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.title)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.3; color: #0b0c0c; max-width: 40em">
<p>${escape(writtenOn)}</p>
<h1>${escape(doc.title)}</h1>
<p>${escape(doc.salutation)}</p>
${sections}
<p>Yours sincerely,</p>
<p>${escape(doc.signOff)}</p>
</body></html>`;
}

/** The standard PDF fonts speak WinAnsi only: common punctuation is kept, anything else becomes "?". */
function winAnsi(text: string): string {
  const extra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || extra.has(ch) ? ch : '?';
    })
    .join('');
}

export function letterPdf(doc: LetterDocument, writtenOn: string, author: string): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56.7,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: winAnsi(doc.title), Author: winAnsi(author), Creator: 'Probity' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const block = (tag: 'H1' | 'H2' | 'P', text: string) =>
    root.add(
      pdf.struct(tag, {}, () => {
        pdf
          .font(tag === 'P' ? 'Helvetica' : 'Helvetica-Bold')
          .fontSize(tag === 'H1' ? 18 : tag === 'H2' ? 14 : 11)
          .text(`${winAnsi(text)} `, { paragraphGap: 6 });
      }),
    );
  block('P', writtenOn);
  block('H1', doc.title);
  block('P', doc.salutation);
  for (const s of doc.sections) {
    if (s.heading) block('H2', s.heading);
    for (const p of s.paragraphs) block('P', p);
  }
  block('P', 'Yours sincerely,');
  block('P', doc.signOff);
  root.end();
  pdf.end();
  return done;
}

/** The plain-text version (the e-mail's text part). */
export function letterText(doc: LetterDocument, writtenOn: string): string {
  const body = doc.sections.flatMap((s) => [...(s.heading ? [s.heading.toUpperCase()] : []), ...s.paragraphs, '']);
  return [writtenOn, '', doc.title, '', doc.salutation, '', ...body, 'Yours sincerely,', doc.signOff].join('\n');
}
