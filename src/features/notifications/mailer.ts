import nodemailer from 'nodemailer';

/** What the outbox sender needs from a mail transport: nodemailer's, or none when SMTP is not configured. */
export type Mailer = {
  send: (m: { to: string; subject: string; text: string; html: string }) => Promise<{ messageId: string | null }>;
  close: () => void;
};

/**
 * An SMTP mailer from PROBITY_SMTP_URL (nodemailer: the Node SMTP client everyone uses, kept up to date,
 * no dependencies; see docs/decisions). Null without a URL: messages then wait in the outbox.
 */
export function createMailer(config: { smtpUrl: string | null; from: string }): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.from });
  return {
    send: async (m) => {
      const info = await transport.sendMail({ from: config.from, ...m });
      return { messageId: info.messageId ?? null };
    },
    close: () => transport.close(),
  };
}
