/**
 * How the service sends email (docs/PANEL.md, "Notifications"): SMTP_URL and MAIL_FROM for a
 * mail server (nodemailer), NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID for GOV.UK Notify, or
 * neither: messages go to the log and the team pages show what would have been sent.
 */
export type MailTransportConfig =
  | { kind: 'smtp'; url: string; from: string }
  | { kind: 'notify'; apiKey: string; templateId: string; baseUrl: string | null }
  | { kind: 'log' };

export interface MailConfig {
  transport: MailTransportConfig;
  /** How often the sender loop looks for work (MAIL_POLL_MS); 0 turns it off (the default in tests). */
  pollMs: number;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The mail configuration, or a sentence saying what to set. */
export function parseMailConfig(env: NodeJS.ProcessEnv): MailConfig | string {
  const smtpUrl = env.SMTP_URL || undefined;
  const notifyKey = env.NOTIFY_API_KEY || undefined;
  const poll = env.MAIL_POLL_MS;
  const pollMs = poll === undefined || poll === '' ? (env.NODE_ENV === 'test' ? 0 : 5000) : Number(poll);
  if (!Number.isInteger(pollMs) || pollMs < 0)
    return 'MAIL_POLL_MS must be a whole number of milliseconds, such as 5000, or 0 to turn sending off.';
  if (smtpUrl && notifyKey) return 'Set SMTP_URL or NOTIFY_API_KEY, not both: the service sends email one way.';
  if (smtpUrl) {
    if (!/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
      return 'SMTP_URL must be a mail server address such as smtp://user:password@mail.example.org:587.';
    const from = env.MAIL_FROM ?? '';
    if (!EMAIL.test(from.replace(/^.*<(.+)>\s*$/, '$1'))) {
      return 'MAIL_FROM must be the address email comes from, such as "Tender Scorer <tenders@example.gov.uk>", when SMTP_URL is set.';
    }
    return { transport: { kind: 'smtp', url: smtpUrl, from }, pollMs };
  }
  if (notifyKey) {
    if (notifyKey.length < 74) return 'NOTIFY_API_KEY must be the whole GOV.UK Notify API key, as Notify shows it.';
    const templateId = env.NOTIFY_TEMPLATE_ID ?? '';
    if (!UUID.test(templateId)) {
      return 'NOTIFY_TEMPLATE_ID must be the id of a GOV.UK Notify email template with ((subject)) and ((body)), when NOTIFY_API_KEY is set.';
    }
    const baseUrl = env.NOTIFY_BASE_URL || null;
    if (baseUrl !== null && !/^https?:\/\/[^\s]+$/.test(baseUrl))
      return 'NOTIFY_BASE_URL must be a web address such as https://api.notifications.service.gov.uk.';
    return { transport: { kind: 'notify', apiKey: notifyKey, templateId, baseUrl }, pollMs };
  }
  return { transport: { kind: 'log' }, pollMs };
}
