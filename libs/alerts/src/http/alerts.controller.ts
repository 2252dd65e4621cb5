import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { alertScope, CurrentPrincipal, type Principal } from '@ancrage/access';
import { Access, AlertSources, ApiView, CLOCK, Clock, endOfDay, paginate, ReadConsistency } from '@ancrage/platform';
import { ALERT_KINDS, type AlertKind, parisDay } from '@ancrage/shared-kernel';
import { alertPath } from '../domain/alert-links';
import { AlertsQueryDto } from './dto/alerts.dto';
import { AlertPage } from './dto/alerts.views';

@ApiTags('alerts')
@Controller()
export class AlertsController {
  constructor(
    private readonly sources: AlertSources,
    private readonly consistency: ReadConsistency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ApiView({
    summary:
      'What the signed-in user should act on, in their scope: over-commitment requests awaiting a director, agreements ending within N days, envelopes running out before the year ends, late plan actions, expectations open for more than N days; soonest first; asOf/knownAt as they stood',
    response: AlertPage,
  })
  @Get('me/alerts')
  @Access('scoped')
  async list(@CurrentPrincipal() principal: Principal, @Query() q: AlertsQueryDto): Promise<AlertPage> {
    await this.consistency.waitFor(q.consistentWith, this.sources.projections());
    const on = q.asOf ? endOfDay(q.asOf)!.slice(0, 10) : parisDay(this.clock());
    const all = await this.sources.alerts({
      scope: alertScope(principal),
      on,
      asOf: q.asOf,
      knownAt: q.knownAt,
      agreementDays: q.agreementDays,
      expectationDays: q.expectationDays,
    });
    const counts = Object.fromEntries(ALERT_KINDS.map((k) => [k, all.filter((a) => a.kind === k).length])) as Record<AlertKind, number>;
    const chosen = q.kind ? all.filter((a) => a.kind === q.kind) : all;
    const page = paginate(chosen, q);
    return {
      ...page,
      items: page.items.map((a) => ({ ...a, path: alertPath(a) })),
      on,
      agreementDays: q.agreementDays,
      expectationDays: q.expectationDays,
      counts,
    };
  }
}
