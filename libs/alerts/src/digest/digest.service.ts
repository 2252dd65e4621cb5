import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { AGENCY_DIRECTORY, AgencyDirectory, alertScope, DigestRecipients } from '@ancrage/access';
import { AlertSources, APP_CONFIG, AppConfig, CLOCK, Clock, JsonLogger, PG_POOL } from '@ancrage/platform';
import { isEmptyScope, parisDay } from '@ancrage/shared-kernel';
import { alertKey } from '../domain/alert-links';
import type { DigestCadence } from '../domain/digest-period';
import { composeDigest } from './compose-digest';
import { Mailer } from './mailer';

/** What became of one user's digest of a period. */
export type DeliveryOutcome = 'SENT' | 'EMPTY' | 'NOT_DUE' | 'ALREADY_DECIDED';

/** The thresholds digests use (the page may ask for others). */
export const DIGEST_THRESHOLDS = { agreementDays: 60, expectationDays: 30 };

/**
 * Sends a user's digest of a period at most once, whatever the number of processes or retries:
 * the delivery row of (user, period) is locked for the whole send, and a decided row is never
 * decided again. The one window left is a crash after the SMTP server accepted the mail and before
 * the commit: the retry then sends it again, with the same Message-ID, so the copy is recognisable.
 */
@Injectable()
export class DigestService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly recipients: DigestRecipients,
    private readonly sources: AlertSources,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly logger: JsonLogger,
  ) {}

  async deliver(userId: string, cadence: DigestCadence, period: string): Promise<DeliveryOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO digest_deliveries (user_id, period, cadence, status) VALUES ($1, $2, $3, 'PENDING') ON CONFLICT DO NOTHING`,
        [userId, period, cadence],
      );
      const { rows } = await client.query<{ status: string }>(
        `SELECT status FROM digest_deliveries WHERE user_id = $1 AND period = $2 FOR UPDATE`,
        [userId, period],
      );
      const outcome = rows[0]?.status === 'PENDING' ? await this.decide(client, userId, cadence, period) : 'ALREADY_DECIDED';
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async decide(client: PoolClient, userId: string, cadence: DigestCadence, period: string): Promise<DeliveryOutcome> {
    const decided = (status: DeliveryOutcome, fields: { email?: string; keys?: string[]; messageId?: string } = {}) =>
      client.query(
        `UPDATE digest_deliveries SET status = $3, email = $4, alert_count = $5, alert_keys = $6, message_id = $7, decided_at = now()
          WHERE user_id = $1 AND period = $2`,
        [
          userId,
          period,
          status,
          fields.email ?? null,
          fields.keys?.length ?? 0,
          JSON.stringify(fields.keys ?? []),
          fields.messageId ?? null,
        ],
      );
    const recipient = await this.recipients.one(userId);
    const scope = recipient ? alertScope(recipient) : null;
    if (!recipient || recipient.frequency !== cadence || !scope || isEmptyScope(scope)) {
      await decided('NOT_DUE');
      return 'NOT_DUE';
    }
    const on = parisDay(this.clock());
    const alerts = await this.sources.alerts({ scope, on, ...DIGEST_THRESHOLDS });
    const keys = alerts.map(alertKey);
    if (alerts.length === 0) {
      await decided('EMPTY', { email: recipient.email });
      return 'EMPTY';
    }
    const previous = await client.query<{ alert_keys: string[] }>(
      `SELECT alert_keys FROM digest_deliveries WHERE user_id = $1 AND period <> $2 AND status = 'SENT' ORDER BY decided_at DESC LIMIT 1`,
      [userId, period],
    );
    const known = new Set(previous.rows[0]?.alert_keys ?? []);
    const mail = composeDigest({
      displayName: recipient.displayName,
      cadence,
      on,
      alerts,
      isNew: (a) => previous.rows.length > 0 && !known.has(alertKey(a)),
      agencyNames: await this.agencies.namesOf(alerts.map((a) => a.safir)),
      publicUrl: this.config.mail.publicUrl,
    });
    const messageId = `<digest.${userId}.${period}@ancrage>`;
    await this.mailer.send({ to: recipient.email, ...mail, messageId });
    await decided('SENT', { email: recipient.email, keys, messageId });
    this.logger.event('info', 'digest sent', { userId, period, alerts: alerts.length });
    return 'SENT';
  }
}
