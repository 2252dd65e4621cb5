import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine, UnknownProjectionError } from '../../../projections/src';
import { Access, endOfDay } from '../../../platform/src';
import { AuditService } from '../audit.service';
import { ChangesQueryDto, HistoryQueryDto, ProjectionParams, RowsQueryDto, VerifyAgainstDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly engine: ProjectionEngine,
  ) {}

  @Get('events')
  @Access('audit')
  @ApiOperation({ summary: 'History: events with their full envelope, filtered by stream, agency, type, actor, occurredAt and recordedAt ranges; paginated by position' })
  history(@Query() q: HistoryQueryDto) {
    return this.audit.history({ ...q, types: q.type });
  }

  @Get('projections')
  @Access('audit')
  @ApiOperation({ summary: 'Projections that can be replayed, with their tables and event types' })
  projections() {
    return this.engine.names().map((name) => {
      const p = this.engine.get(name);
      return { name, version: p.version, eventTypes: p.eventTypes, tables: Object.keys(p.tables), agencyScoped: p.agencyScoped !== false };
    });
  }

  @Get('projections/:name/rows')
  @Access('audit')
  @ApiOperation({ summary: 'Any read model as it stood at an occurredAt date, as known at a recordedAt time, or both — replayed in memory' })
  async rows(@Param() { name }: ProjectionParams, @Query() q: RowsQueryDto) {
    const tables = await this.known(name, () =>
      this.audit.rowsAsOf(name, { occurredAt: endOfDay(q.asOf), recordedAt: q.knownAt, position: q.position, agency: q.agency }),
    );
    const selected = q.table ? { [q.table]: tables[q.table] ?? [] } : tables;
    return {
      projection: name,
      asOf: q.asOf ?? null,
      knownAt: q.knownAt ?? null,
      position: q.position ?? null,
      tables: Object.fromEntries(Object.entries(selected).map(([t, rows]) => [t, { total: rows.length, items: rows.slice(q.offset, q.offset + q.limit) }])),
    };
  }

  @Get('projections/:name/changes')
  @Access('audit')
  @ApiOperation({ summary: 'What changed between two dates or two positions: the events, and the differences in the read model' })
  changes(@Param() { name }: ProjectionParams, @Query() q: ChangesQueryDto) {
    return this.known(name, () =>
      this.audit.changes(
        name,
        q.agency,
        { occurredAt: endOfDay(q.fromDate), position: q.fromPosition },
        { occurredAt: endOfDay(q.toDate), position: q.toPosition },
      ),
    );
  }

  @Get('projections/:name/drift')
  @Access('audit')
  @ApiOperation({ summary: 'Rebuild the projection in memory and compare it with its live tables' })
  drift(@Param() { name }: ProjectionParams) {
    return this.known(name, () => this.audit.drift(name));
  }

  @Get('verify')
  @Access('audit')
  @ApiOperation({ summary: 'Walk the hash chain: ok, or the first altered position' })
  verify() {
    return this.audit.verify();
  }

  @Get('digest')
  @Access('audit')
  @ApiOperation({ summary: 'The head position and hash, signed with the configured Ed25519 key' })
  digest() {
    return this.audit.digest();
  }

  @Post('verify-digest')
  @Access('audit')
  @ApiOperation({ summary: 'Prove the log still extends a digest: nothing before it was changed, removed or inserted' })
  verifyDigest(@Body() body: VerifyAgainstDto) {
    return this.audit.verifyAgainst(body.digest);
  }

  private async known<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownProjectionError) throw new NotFoundException({ code: 'UNKNOWN_PROJECTION', message: error.message });
      throw error;
    }
  }
}
