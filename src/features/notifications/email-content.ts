/**
 * Plain-text and accessible HTML bodies for Probity's e-mail. Following GOV.UK Notify's guidance for
 * sensitive services, a message carries a reference and a link and never case content: whoever reads the
 * mailbox learns only that something in Probity needs attention.
 */
export type EmailContent = { subject: string; text: string; html: string };

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function composeEmail(o: {
  subject: string;
  lines: string[];
  link: { href: string; text: string };
}): EmailContent {
  const text = [...o.lines, '', `${o.link.text}: ${o.link.href}`, '', FOOTER].join('\n');
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(o.subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.3; color: #0b0c0c">
${o.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
<p><a href="${escape(o.link.href)}" style="color: #1d70b8">${escape(o.link.text)}</a></p>
<p style="font-size: 16px; color: #505a5f">${escape(FOOTER)}</p>
</body></html>`;
  return { subject: o.subject, text, html };
}

/** One e-mail listing several notices (the daily digest); each line is a reference and a link. */
export function composeDigest(o: { items: { line: string; href: string }[]; link: string }): EmailContent {
  const subject = `Probity: ${o.items.length} ${o.items.length === 1 ? 'notice' : 'notices'} today`;
  const text = [
    `You have ${o.items.length} new ${o.items.length === 1 ? 'notice' : 'notices'} in Probity:`,
    '',
    ...o.items.map((i) => `- ${i.line}: ${i.href}`),
    '',
    `All your notices: ${o.link}`,
    '',
    FOOTER,
  ].join('\n');
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.3; color: #0b0c0c">
<p>You have ${o.items.length} new ${o.items.length === 1 ? 'notice' : 'notices'} in Probity:</p>
<ul>${o.items.map((i) => `<li><a href="${escape(i.href)}" style="color: #1d70b8">${escape(i.line)}</a></li>`).join('')}</ul>
<p><a href="${escape(o.link)}" style="color: #1d70b8">All your notices</a></p>
<p style="font-size: 16px; color: #505a5f">${escape(FOOTER)}</p>
</body></html>`;
  return { subject, text, html };
}

const FOOTER =
  'This message comes from Probity, your force’s professional standards system. It contains no case details: sign in to see them. You can choose a daily digest instead under “Your account”.';
