import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore, RecordedEvent } from '../../../event-store/src';
import { Access, endOfDay } from '../../../platform/src';
import { TimelineParams, TimelineQueryDto } from './dto/audit.dto';

/**
 * An agency's history for the people who run or direct it: who recorded what, when it happened and
 * when it was written, newest first. Auditors have the full envelope under /audit/events.
 */
@ApiTags('history')
@Controller()
export class AgencyTimelineController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('agencies/:safir/timeline')
  @Access('agency.read')
  @ApiOperation({ summary: "An agency's events, newest first (by position), with actor, role, occurredAt and recordedAt; asOf keeps what had happened by then; paginated with before" })
  async timeline(@Param() { safir }: TimelineParams, @Query() q: TimelineQueryDto) {
    const until = endOfDay(q.asOf);
    const upTo = q.before ? q.before - 1 : undefined;
    const matching: RecordedEvent[] = [];
    // The agency index makes this a read of the agency's own events only.
    for (let after = 0; ; ) {
      const slice = await this.store.readAll({ after, upTo, limit: 5000, agency: safir, types: q.type });
      for (const e of slice.events) if (!until || e.metadata.occurredAt <= until) matching.push(e);
      if (slice.endOfLog || slice.scannedTo <= after) break;
      after = slice.scannedTo;
    }
    const page = matching.slice(-q.limit).reverse();
    return {
      safir,
      asOf: q.asOf ?? null,
      total: matching.length,
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
      nextBefore: matching.length > q.limit ? page[page.length - 1].position : null,
    };
  }
}
