import { Body, ConflictException, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { Access, ApiErrors, ApiView, PG_POOL } from '@ancrage/platform';
import { DigestScheduler } from '../digest/digest.scheduler';
import { DeliveriesQueryDto, DigestRunDto } from './dto/alerts.dto';
import { DeliveryPage, DeliveryView, DigestRunView } from './dto/alerts.views';

@ApiTags('alerts')
@Controller('digests')
export class DigestsController {
  constructor(
    private readonly scheduler: DigestScheduler,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @ApiOperation({
    summary:
      "Start now the digest run of a cadence for today's period (admin): each user who chose it receives their digest once; a run that already happened sends nothing again",
  })
  @ApiResponse({ status: 202, description: 'the run is queued', type: DigestRunView })
  @ApiExtension('x-records-nothing', true)
  @ApiErrors([400, 409], { 409: 'DIGESTS_OFF: no SMTP server is configured, or this process does not run background work' })
  @Post('runs')
  @HttpCode(202)
  @Access('admin')
  async run(@Body() body: DigestRunDto): Promise<DigestRunView> {
    if (!this.scheduler.running) {
      throw new ConflictException({ code: 'DIGESTS_OFF', message: 'digests are off: no SMTP server is configured (ANCRAGE_SMTP_HOST)' });
    }
    return { period: await this.scheduler.enqueue(body.cadence), cadence: body.cadence };
  }

  @ApiView({ summary: 'What digest runs sent, to whom and when (admin, auditor), newest first', response: DeliveryPage, consistent: false })
  @Get('deliveries')
  @Access('audit')
  async deliveries(@Query() q: DeliveriesQueryDto): Promise<DeliveryPage> {
    const where = q.period ? 'WHERE period = $3' : '';
    const params = [q.limit, q.offset, ...(q.period ? [q.period] : [])];
    const [rows, total] = await Promise.all([
      this.pool.query<DeliveryRow>(
        `SELECT user_id, period, cadence, status, email, alert_count, message_id, decided_at FROM digest_deliveries ${where}
          ORDER BY decided_at DESC NULLS FIRST, user_id LIMIT $1 OFFSET $2`,
        params,
      ),
      this.pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM digest_deliveries ${q.period ? 'WHERE period = $1' : ''}`,
        q.period ? [q.period] : [],
      ),
    ]);
    return { items: rows.rows.map(deliveryView), total: total.rows[0].n, limit: q.limit, offset: q.offset };
  }
}

interface DeliveryRow {
  user_id: string;
  period: string;
  cadence: string;
  status: string;
  email: string | null;
  alert_count: number;
  message_id: string | null;
  /** An ISO string: the pool's type parsers read timestamps so. */
  decided_at: string | null;
}

const deliveryView = (r: DeliveryRow): DeliveryView => ({
  userId: r.user_id,
  period: r.period,
  cadence: r.cadence,
  status: r.status,
  email: r.email,
  alertCount: r.alert_count,
  messageId: r.message_id,
  decidedAt: r.decided_at,
});
