import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@ancrage/platform';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A Message-ID fixed by what the mail is (a user's digest of a period): a resent mail is recognisably the same. */
  messageId: string;
}

/** SMTP through nodemailer, as configured (ANCRAGE_SMTP_*); absent when no server is set. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const smtp = config.mail.smtp;
    this.transport = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport) throw new Error('no SMTP server is configured (ANCRAGE_SMTP_HOST)');
    const info = (await this.transport.sendMail({ from: this.config.mail.from, ...mail })) as { messageId: string };
    return info.messageId;
  }

  // After the digest queues have stopped (beforeApplicationShutdown): a send in flight finishes.
  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
