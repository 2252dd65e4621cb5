import { Controller, Get, Inject, Optional, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PARTNER_USAGE, PartnerUsage } from '@ancrage/access';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { Access, ApiView, endOfDay } from '@ancrage/platform';
import { AuditService } from '../audit.service';
import { TimelineParams, TimelineQueryDto } from './dto/audit.dto';
import { AgencyTimelineView } from './dto/audit.views';

/**
 * An agency's history for the people who run or direct it: who recorded what, when it happened and
 * when it was written, newest first. Auditors have the full envelope under /audit/events. The
 * history also shows what happened to the partners the agency works with (a partner renamed or
 * closed, maybe by someone else), since those changes reach the agency's partnerships.
 */
@ApiTags('history')
@Controller()
export class AgencyTimelineController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly audit: AuditService,
    @Optional() @Inject(PARTNER_USAGE) private readonly partners?: PartnerUsage,
  ) {}

  @ApiView({
    summary:
      "An agency's events (and its partners' changes in the shared register), newest first, with actor, role, occurredAt and recordedAt; asOf keeps what had happened by then, knownAt what had been recorded; paginated with before",
    response: AgencyTimelineView,
    notFound: 'AGENCY_NOT_FOUND',
    consistent: false,
  })
  @Get('agencies/:safir/timeline')
  @Access('agency.read')
  async timeline(@Param() { safir }: TimelineParams, @Query() q: TimelineQueryDto): Promise<AgencyTimelineView> {
    // One page of the agency's events, newest first, and how many there are: both walk the agency
    // index from the top, whatever the agency's history.
    const occurredUpTo = endOfDay(q.asOf);
    const recordedUpTo = q.knownAt;
    const filter = { agency: safir, types: q.type, occurredUpTo, recordedUpTo };
    const upTo = q.before ? q.before - 1 : undefined;
    // The shared register's events about the agency's partners: one read of their streams, in the
    // store, with the same filters and bound, however many partners the agency works with.
    const partnerStreams = this.partners ? (await this.partners.partnersOf(safir)).map((id) => `partner-${id}`) : [];
    const shared = { types: q.type, occurredUpTo, recordedUpTo, streams: partnerStreams };
    const [own, latest, sharedCount, sharedLatest] = await Promise.all([
      this.store.countAll(filter),
      this.store.readBackward({ ...filter, upTo, limit: q.limit + 1 }),
      partnerStreams.length ? this.store.countAll(shared) : 0,
      partnerStreams.length ? this.store.readBackward({ ...shared, upTo, limit: q.limit + 1 }) : [],
    ]);
    const merged = [...latest, ...sharedLatest].sort((a, b) => b.position - a.position);
    const page = merged.slice(0, q.limit);
    const total = own + sharedCount;
    return {
      safir,
      asOf: q.asOf ?? null,
      knownAt: q.knownAt ?? null,
      total,
      items: page.map((e) => ({
        position: e.position,
        type: e.type,
        streamId: e.streamId,
        actor: e.metadata.actor,
        role: e.metadata.role,
        occurredAt: e.metadata.occurredAt,
        recordedAt: e.metadata.recordedAt,
        correlationId: e.metadata.correlationId,
        causationId: e.metadata.causationId,
        data: e.data,
      })),
      names: await this.audit.names(page),
      nextBefore: merged.length > q.limit ? page[page.length - 1].position : null,
    };
  }
}
