import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { NotifyClient } from 'notifications-node-client';
import type { MailTransportConfig } from '../config/mail-config';

export interface Envelope {
  /** The outbox id: GOV.UK Notify keeps it as the reference; SMTP as a header. */
  id: string;
  to: string;
  subject: string;
  body: string;
}

/** `delivered`: the server took it; `logged`: no server is configured, it went to the log. */
export interface MailTransport {
  readonly name: 'smtp' | 'notify' | 'log';
  send(envelope: Envelope): Promise<'delivered' | 'logged'>;
  close(): void;
}

/** A mail server through nodemailer (SMTP_URL, MAIL_FROM). */
export class SmtpTransport implements MailTransport {
  readonly name = 'smtp';
  private readonly transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // Short timeouts: a message waits in the outbox for its next try rather than holding the loop.
    this.transporter = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(envelope: Envelope): Promise<'delivered'> {
    await this.transporter.sendMail({
      from: this.from,
      to: envelope.to,
      subject: envelope.subject,
      text: envelope.body,
      headers: { 'X-Tender-Scorer-Message': envelope.id },
    });
    return 'delivered';
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * GOV.UK Notify through its official client. Notify sends from a template: the one named
 * by NOTIFY_TEMPLATE_ID has the subject `((subject))` and the body `((body))`.
 */
export class NotifyTransport implements MailTransport {
  readonly name = 'notify';
  private readonly client: NotifyClient;

  constructor(
    apiKey: string,
    private readonly templateId: string,
    baseUrl: string | null,
  ) {
    this.client = baseUrl ? new NotifyClient(baseUrl, apiKey) : new NotifyClient(apiKey);
  }

  async send(envelope: Envelope): Promise<'delivered'> {
    try {
      await this.client.sendEmail(this.templateId, envelope.to, {
        personalisation: { subject: envelope.subject, body: envelope.body },
        reference: envelope.id,
      });
    } catch (error) {
      throw new Error(notifyError(error));
    }
    return 'delivered';
  }

  close(): void {}
}

/** Notify's answer in words: its own error message when it gave one. */
function notifyError(error: unknown): string {
  const data = (error as { response?: { status?: number; data?: { errors?: { message?: string }[] } } }).response;
  const message = data?.data?.errors
    ?.map((e) => e.message)
    .filter(Boolean)
    .join('; ');
  if (data?.status) return `GOV.UK Notify answered ${data.status}${message ? `: ${message}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

/** No mail server configured: the message goes to the log, and is kept as "not sent". */
export class LogTransport implements MailTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Mail');

  send(envelope: Envelope): Promise<'logged'> {
    // The subject and address only: a body may hold a one-time link, and logs are widely read.
    this.logger.log(`Not sent (no mail server configured): "${envelope.subject}" to ${envelope.to}`);
    return Promise.resolve('logged');
  }

  close(): void {}
}

export function transportFor(config: MailTransportConfig): MailTransport {
  switch (config.kind) {
    case 'smtp':
      return new SmtpTransport(config.url, config.from);
    case 'notify':
      return new NotifyTransport(config.apiKey, config.templateId, config.baseUrl);
    case 'log':
      return new LogTransport();
  }
}
