import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { DigestRecipients } from '@ancrage/access';
import { APP_CONFIG, AppConfig, CLOCK, Clock, JsonLogger, PG_POOL } from '@ancrage/platform';
import { isParisMonday, parisDay } from '@ancrage/shared-kernel';
import { type DigestCadence, digestPeriod } from '../domain/digest-period';
import { JOB_SCHEMA } from '../migrations/1764000080000-digests';
import { DigestService } from './digest.service';
import { Mailer } from './mailer';

/** A run: every user of a cadence gets their digest of the period. */
const RUN_QUEUE = 'digest-run';
/** One user's digest, retried with back-off while the SMTP server refuses it. */
const SEND_QUEUE = 'digest-send';
const DAILY_TICK = 'digest-daily';

interface RunJob {
  cadence: DigestCadence;
  period: string;
}
interface SendJob extends RunJob {
  userId: string;
}

/**
 * Digests are scheduled in PostgreSQL with pg-boss: its cron fires once across all API processes,
 * a run fans out one job per recipient, and every process works the queues. What each job sends
 * is decided by DigestService, once per user and period, so a doubled or retried run sends nothing
 * twice. A server process runs this (as it runs the projectors); CLI commands do not.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly digests: DigestService,
    private readonly recipients: DigestRecipients,
    private readonly logger: JsonLogger,
  ) {}

  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runProjections || !this.mailer.enabled) return;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => this.pool.query(text, values) },
      schema: JOB_SCHEMA,
      migrate: false,
      pollingIntervalSeconds: 1,
    });
    boss.on('error', (e: Error) => this.logger.event('warn', 'digest queue error', { error: e.message }));
    // Digests are not worth a server that will not start: without its queues, it serves without them.
    try {
      await this.schedule(boss);
      this.boss = boss;
      this.logger.event('info', 'digests scheduled', { hour: this.config.mail.digestHour, timeZone: 'Europe/Paris' });
    } catch (e) {
      this.logger.event('error', 'digests not scheduled', { error: e instanceof Error ? e.message : String(e) });
      await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    }
  }

  private async schedule(boss: PgBoss): Promise<void> {
    await boss.start();
    await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, retryLimit: 3, retryBackoff: true });
    await boss.createQueue(SEND_QUEUE, { name: SEND_QUEUE, retryLimit: 8, retryDelay: 30, retryBackoff: true });
    await boss.createQueue(DAILY_TICK, { name: DAILY_TICK });
    await boss.schedule(DAILY_TICK, `0 ${this.config.mail.digestHour} * * *`, {}, { tz: 'Europe/Paris' });
    await boss.work<object>(DAILY_TICK, async () => {
      const now = this.clock();
      await this.enqueue('DAILY', now);
      if (isParisMonday(now)) await this.enqueue('WEEKLY', now);
    });
    await boss.work<RunJob>(RUN_QUEUE, async ([job]) => {
      const { cadence, period } = job.data;
      for (const r of await this.recipients.due(cadence)) {
        await boss.send(SEND_QUEUE, { cadence, period, userId: r.userId }, { singletonKey: `${r.userId}:${period}` });
      }
    });
    await boss.work<SendJob>(SEND_QUEUE, async ([job]) => {
      await this.digests.deliver(job.data.userId, job.data.cadence, job.data.period);
    });
  }

  /** Starts the run of a cadence for the period of `at` (today's, by default); answers the period. */
  async enqueue(cadence: DigestCadence, at: Date = this.clock()): Promise<string> {
    if (!this.boss) throw new Error('digests are not scheduled in this process (no SMTP server, or not a server process)');
    const period = digestPeriod(cadence, parisDay(at));
    await this.boss.send(RUN_QUEUE, { cadence, period } satisfies RunJob, { singletonKey: period });
    return period;
  }

  // Before the platform closes the pool the queues run on.
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, close: false, timeout: 5000 });
  }
}
