import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine, UnknownProjectionError } from '@ancrage/projections';
import { Access, ApiErrors, ApiView, cutOf, endOfDay, RequestValidationError } from '@ancrage/platform';
import { AuditService } from '../audit.service';
import {
  ChangesQueryDto,
  ConsistencyQueryDto,
  DriftQueryDto,
  HistoryQueryDto,
  InclusionQueryDto,
  ProjectionParams,
  RowsQueryDto,
  TreeHeadsQueryDto,
  VerifyHeadDto,
} from './dto/audit.dto';
import {
  AuditHistoryView,
  ConsistencyProofView,
  InclusionProofView,
  LogVerdictView,
  ProjectionChangesView,
  ProjectionDriftView,
  ProjectionInfoView,
  ProjectionRowsView,
  ProjectionTableRowsView,
  SignedTreeHeadView,
  TreeHeadsView,
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
  @ApiOperation({
    summary: 'Verify the log: every event against its hash, and the log against every signed tree head of the witness folder',
    description: 'An altered log is a 200 with `ok: false` and the first altered position; `unproven` says what no signed head covers yet.',
  })
  @ApiOkResponse({ description: 'the verdict', type: LogVerdictView })
  verify(): Promise<LogVerdictView> {
    return this.audit.verify();
  }

  @Get('tree-head')
  @Access('audit')
  @ApiOperation({ summary: 'The latest signed tree head, after sealing what the log holds now' })
  @ApiOkResponse({ description: 'keep it, and send it to /audit/verify-head later', type: SignedTreeHeadView })
  @ApiErrors([422], { 422: `${NO_SIGNING_KEY}; EMPTY_LOG: the log has no event to sign a head for` })
  treeHead(): Promise<SignedTreeHeadView> {
    return this.audit.treeHead();
  }

  @Get('tree-heads')
  @Access('audit')
  @ApiOperation({ summary: 'The signed tree heads, newest first' })
  @ApiOkResponse({ description: 'a page of heads', type: TreeHeadsView })
  @ApiErrors([400])
  async treeHeads(@Query() q: TreeHeadsQueryDto): Promise<TreeHeadsView> {
    const items = await this.audit.heads(q.limit, q.before);
    return { items, nextBefore: items.length === q.limit ? items[items.length - 1].treeSize : null };
  }

  @Get('proofs/inclusion')
  @Access('audit')
  @ApiOperation({ summary: 'Proof that an event is in the tree a signed head covers (RFC 9162 audit path)' })
  @ApiOkResponse({ description: 'the proof and the head it holds against', type: InclusionProofView })
  @ApiErrors([400, 404, 422], {
    404: 'NOT_IN_TREE or UNKNOWN_TREE_HEAD: no such event in that tree, or no signed head of that size',
    422: `${NO_SIGNING_KEY}; EMPTY_LOG: the log has no event to sign a head for`,
  })
  inclusion(@Query() q: InclusionQueryDto): Promise<InclusionProofView> {
    return this.audit.inclusionProof(q.position, q.treeSize);
  }

  @Get('proofs/consistency')
  @Access('audit')
  @ApiOperation({ summary: 'Proof that a later signed head extends an earlier one (RFC 9162 consistency proof)' })
  @ApiOkResponse({ description: 'the proof and both heads', type: ConsistencyProofView })
  @ApiErrors([400, 404], { 404: 'UNKNOWN_TREE_HEAD: no signed head of that size' })
  consistency(@Query() q: ConsistencyQueryDto): Promise<ConsistencyProofView> {
    return this.audit.consistencyProof(q.first, q.second);
  }

  @Post('verify-head')
  @Access('audit')
  @ApiOperation({
    summary: 'Prove the log still extends a signed tree head kept earlier, with the public key only',
    description: 'Records nothing. A head that does not hold is a 201 with `ok: false`, the reason and the first altered position.',
  })
  @ApiCreatedResponse({ description: 'the verdict', type: LogVerdictView })
  @ApiErrors([400])
  verifyHead(@Body() body: VerifyHeadDto): Promise<LogVerdictView> {
    return this.audit.verify({ heads: [body.head] });
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
