import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine, UnknownProjectionError } from '@ancrage/projections';
import { Access, ApiErrors, ApiView, cutOf, endOfDay, RequestValidationError } from '@ancrage/platform';
import { AuditService } from '../audit.service';
import { ChangesQueryDto, DriftQueryDto, HistoryQueryDto, ProjectionParams, RowsQueryDto, VerifyAgainstDto } from './dto/audit.dto';
import {
  AuditHistoryView,
  ChainVerdictView,
  DigestVerdictView,
  ProjectionChangesView,
  ProjectionDriftView,
  ProjectionInfoView,
  ProjectionRowsView,
  ProjectionTableRowsView,
  SignedDigestView,
} from './dto/audit.views';

const UNKNOWN_PROJECTION = 'UNKNOWN_PROJECTION: no projection of that name (GET /audit/projections lists them)';
const NO_SIGNING_KEY = 'NO_SIGNING_KEY: no audit signing key is configured (ANCRAGE_AUDIT_KEY_FILE)';

@ApiTags('audit')
@ApiExtraModels(ProjectionTableRowsView)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly engine: ProjectionEngine,
  ) {}

  @ApiView({
    summary:
      'History: events with their full envelope, filtered by stream, agency, type, actor, occurredAt and recordedAt ranges; paginated by position',
    description: 'A page stops after scanning 50,000 events even when not full: continue with `after: nextAfter`.',
    response: AuditHistoryView,
    consistent: false,
  })
  @Get('events')
  @Access('audit')
  history(@Query() q: HistoryQueryDto): Promise<AuditHistoryView> {
    return this.audit.history({ ...q, types: q.type });
  }

  @Get('projections')
  @Access('audit')
  @ApiOperation({ summary: 'Projections that can be replayed, with their tables and event types' })
  @ApiOkResponse({ description: 'the projections', type: ProjectionInfoView, isArray: true })
  projections(): ProjectionInfoView[] {
    return this.engine.names().map((name) => {
      const p = this.engine.get(name);
      return { name, version: p.version, eventTypes: p.eventTypes, tables: Object.keys(p.tables), agencyScoped: p.agencyScoped !== false };
    });
  }

  @ApiView({
    summary: 'Any read model as it stood at an occurredAt date, as known at a recordedAt time, or both — replayed in memory',
    description: 'Each table is paginated with `offset`/`limit`; `table` keeps one (an unknown table answers it empty).',
    response: ProjectionRowsView,
    notFound: UNKNOWN_PROJECTION,
    consistent: false,
  })
  @Get('projections/:name/rows')
  @Access('audit')
  async rows(@Param() { name }: ProjectionParams, @Query() q: RowsQueryDto): Promise<ProjectionRowsView> {
    const tables = await this.known(name, () =>
      this.audit.rowsAsOf(name, { occurredAt: endOfDay(q.asOf), recordedAt: q.knownAt, position: q.position, agency: q.agency }),
    );
    if (q.table && !Object.hasOwn(tables, q.table)) {
      throw new RequestValidationError([
        { field: 'table', problems: [`${name} has no table ${q.table}: ${Object.keys(tables).join(', ')}`], codes: ['unknownTable'] },
      ]);
    }
    const selected = q.table ? { [q.table]: tables[q.table] } : tables;
    return {
      projection: name,
      asOf: q.asOf ?? null,
      knownAt: q.knownAt ?? null,
      position: q.position ?? null,
      tables: Object.fromEntries(
        Object.entries(selected).map(([t, rows]) => [t, { total: rows.length, items: rows.slice(q.offset, q.offset + q.limit) }]),
      ),
    };
  }

  @ApiView({
    summary: 'What changed between two dates or two positions: the events, and the differences in the read model',
    response: ProjectionChangesView,
    notFound: UNKNOWN_PROJECTION,
    consistent: false,
  })
  @Get('projections/:name/changes')
  @Access('audit')
  changes(@Param() { name }: ProjectionParams, @Query() q: ChangesQueryDto): Promise<ProjectionChangesView> {
    return this.known(name, () =>
      this.audit.changes(
        name,
        q.agency,
        { occurredAt: endOfDay(q.fromDate), position: q.fromPosition },
        { occurredAt: endOfDay(q.toDate), position: q.toPosition },
      ),
    );
  }

  @ApiView({
    summary: 'Replay the projection in memory and compare it with what its tables answer, live or at a past cut (asOf, knownAt)',
    response: ProjectionDriftView,
    notFound: UNKNOWN_PROJECTION,
    consistent: false,
  })
  @Get('projections/:name/drift')
  @Access('audit')
  drift(@Param() { name }: ProjectionParams, @Query() q: DriftQueryDto): Promise<ProjectionDriftView> {
    return this.known(name, () => this.audit.drift(name, undefined, cutOf(q)));
  }

  @Get('verify')
  @Access('audit')
  @ApiOperation({ summary: 'Walk the hash chain: ok, or the first altered position' })
  @ApiOkResponse({ description: 'the verdict (an altered log is a 200 with `ok: false`)', type: ChainVerdictView })
  verify(): Promise<ChainVerdictView> {
    return this.audit.verify();
  }

  @Get('digest')
  @Access('audit')
  @ApiOperation({ summary: 'The head position and hash, signed with the configured Ed25519 key' })
  @ApiOkResponse({ description: 'the signed digest: keep it, and send it to /audit/verify-digest later', type: SignedDigestView })
  @ApiErrors([409, 422], { 409: 'LOG_ALTERED: the hash chain does not verify, so no digest is signed', 422: NO_SIGNING_KEY })
  digest(): Promise<SignedDigestView> {
    return this.audit.digest();
  }

  @Post('verify-digest')
  @Access('audit')
  @ApiOperation({
    summary: 'Prove the log still extends a digest: nothing before it was changed, removed or inserted',
    description: 'Records nothing. A digest that does not hold is a 201 with `ok: false` and the reason.',
  })
  @ApiCreatedResponse({ description: 'the verdict', type: DigestVerdictView })
  @ApiErrors([400, 422], { 422: NO_SIGNING_KEY })
  verifyDigest(@Body() body: VerifyAgainstDto): Promise<DigestVerdictView> {
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
