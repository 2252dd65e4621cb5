import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '../../../event-store/src';
import { Access, ApiView, endOfDay } from '../../../platform/src';
import { TimelineParams, TimelineQueryDto } from './dto/audit.dto';
import { AgencyTimelineView } from './dto/audit.views';

/**
 * An agency's history for the people who run or direct it: who recorded what, when it happened and
 * when it was written, newest first. Auditors have the full envelope under /audit/events.
 */
@ApiTags('history')
@Controller()
export class AgencyTimelineController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @ApiView({
    summary: "An agency's events, newest first (by position), with actor, role, occurredAt and recordedAt; asOf keeps what had happened by then; paginated with before",
    response: AgencyTimelineView,
    notFound: 'AGENCY_NOT_FOUND',
    consistent: false,
  })
  @Get('agencies/:safir/timeline')
  @Access('agency.read')
  async timeline(@Param() { safir }: TimelineParams, @Query() q: TimelineQueryDto): Promise<AgencyTimelineView> {
    // One page of the agency's events, newest first, and how many there are: both walk the agency
    // index from the top, whatever the agency's history.
    const filter = { agency: safir, types: q.type, upTo: q.before ? q.before - 1 : undefined, occurredUpTo: endOfDay(q.asOf) };
    const [total, latest] = await Promise.all([this.store.countAll(filter), this.store.readBackward({ ...filter, limit: q.limit + 1 })]);
    const page = latest.slice(0, q.limit);
    return {
      safir,
      asOf: q.asOf ?? null,
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
      nextBefore: latest.length > q.limit ? page[page.length - 1].position : null,
    };
  }
}
