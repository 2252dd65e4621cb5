import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@ancrage/access';
import { ReadModels } from '@ancrage/projections';
import {
  Access,
  ApiCommand,
  ApiView,
  AsOfQueryDto,
  CachedView,
  CommandContext,
  CommandResponse,
  commandResponse,
  cutOf,
  paginate,
  ReadConsistency,
  SafirParam,
} from '@ancrage/platform';
import { ChangePathway, PathwayChange } from '../commands/change-pathway.command';
import { pathwayFigures, pathwaysOfYear, ratesOverTime } from '../read-models/pathway-views';
import { CohortOutcomesRow, CohortRow, PathwayRow } from '../read-models/pathways.entities';
import { pathwaysProjection } from '../read-models/pathways.projection';
import {
  CohortParams,
  ClosePathwayDto,
  OpenPathwayDto,
  PathwayParams,
  PathwaysQueryDto,
  RecordOutcomesDto,
  StartCohortDto,
} from './dto/pathways.dto';
import { CohortRecordedView, PathwayDetailView, PathwayRecordedView, PathwaysOfYearView } from './dto/pathways.views';

@ApiTags('pathways')
@Controller('agencies/:safir/pathways')
export class PathwaysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  private change(p: PathwayParams, change: PathwayChange, ctx: CommandContext) {
    return this.commands.execute(new ChangePathway(p.safir, p.pathwayId, change, ctx));
  }

  @ApiCommand({
    summary: 'Open a pathway for a public, with its yearly reach and employment-rate targets (parcours senior, parcours jeunes…)',
    response: PathwayRecordedView,
    conflict: 'PATHWAY_EXISTS',
    rule: 'UNKNOWN_PARTNER (partnerIds), INVALID_TARGET, FUTURE_DATE',
  })
  @Post()
  @Access('agency.write')
  async open(@Param() { safir }: SafirParam, @Body() b: OpenPathwayDto, @Actor() ctx: CommandContext): Promise<PathwayRecordedView> {
    const change: PathwayChange = {
      kind: 'open',
      name: b.name,
      publics: [...new Set(b.publics)],
      partnerIds: [...new Set(b.partnerIds)],
      services: [...new Set(b.services)],
      yearlyReachTarget: b.yearlyReachTarget,
      employmentRateTarget: b.employmentRateTarget,
      planActionId: b.planActionId ?? null,
      openedOn: b.openedOn,
    };
    return commandResponse(await this.change({ safir, pathwayId: b.pathwayId }, change, ctx), { pathwayId: b.pathwayId });
  }

  @ApiCommand({
    summary: 'Start a cohort in the pathway, with the people who entered',
    response: CohortRecordedView,
    conflict: 'COHORT_EXISTS',
    rule: 'PATHWAY_CLOSED, DATE_BEFORE_OPENING, FUTURE_DATE',
    notFound: 'PATHWAY_NOT_FOUND',
  })
  @Post(':pathwayId/cohorts')
  @Access('agency.write')
  async cohort(@Param() p: PathwayParams, @Body() b: StartCohortDto, @Actor() ctx: CommandContext): Promise<CohortRecordedView> {
    const change: PathwayChange = { kind: 'start-cohort', cohortId: b.cohortId, entries: b.entries, startedOn: b.startedOn };
    return commandResponse(await this.change(p, change, ctx), { cohortId: b.cohortId });
  }

  @ApiCommand({
    summary: 'Record a cohort’s outcomes to date: people who left, of whom in employment and in training',
    rule: 'EXITS_EXCEED_ENTRIES, OUTCOMES_EXCEED_EXITS, DATE_BEFORE_COHORT, DATE_BEFORE_LAST_OUTCOMES, FUTURE_DATE',
    notFound: 'PATHWAY_NOT_FOUND, COHORT_NOT_FOUND',
  })
  @Post(':pathwayId/cohorts/:cohortId/outcomes')
  @Access('agency.write')
  async outcomes(@Param() p: CohortParams, @Body() b: RecordOutcomesDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const change: PathwayChange = {
      kind: 'record-outcomes',
      cohortId: p.cohortId,
      on: b.on,
      exits: b.exits,
      employment: b.employment,
      training: b.training,
    };
    return commandResponse(await this.change(p, change, ctx));
  }

  @ApiCommand({
    summary: 'Close the pathway, with a reason',
    rule: 'PATHWAY_CLOSED, DATE_BEFORE_OPENING, FUTURE_DATE',
    notFound: 'PATHWAY_NOT_FOUND',
  })
  @Post(':pathwayId/closed')
  @Access('agency.write')
  async close(@Param() p: PathwayParams, @Body() b: ClosePathwayDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.change(p, { kind: 'close', reason: b.reason, closedOn: b.closedOn }, ctx));
  }

  @ApiView({
    summary:
      'The agency’s pathways in a year: people reached by the cohorts of the year and their employment rate, against the targets; asOf/knownAt as it stood',
    response: PathwaysOfYearView,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get()
  @CachedView()
  @Access('agency.read')
  async list(@Param() { safir }: SafirParam, @Query() q: PathwaysQueryDto): Promise<PathwaysOfYearView> {
    await this.consistency.waitFor(q.consistentWith, [pathwaysProjection.name]);
    const cut = cutOf(q);
    const [pathways, cohorts] = await Promise.all([
      this.reads.find(PathwayRow, cut, { safir }),
      this.reads.find(CohortRow, cut, { safir }),
    ]);
    return { year: q.year, ...paginate(pathwaysOfYear(pathways, cohorts, q.year), q) };
  }

  @ApiView({
    summary: 'One pathway with every cohort and its rates over time; asOf/knownAt as it stood',
    response: PathwayDetailView,
    notFound: 'PATHWAY_NOT_FOUND (also when it was not yet opened at asOf/knownAt)',
  })
  @Get(':pathwayId')
  @CachedView()
  @Access('agency.read')
  async get(@Param() { safir, pathwayId }: PathwayParams, @Query() q: AsOfQueryDto): Promise<PathwayDetailView> {
    await this.consistency.waitFor(q.consistentWith, [pathwaysProjection.name]);
    const cut = cutOf(q);
    const [p, cohorts, outcomes] = await Promise.all([
      this.reads.findOne(PathwayRow, cut, { safir, pathwayId }),
      this.reads.find(CohortRow, cut, { safir, pathwayId }, { order: { startedOn: 'ASC' } }),
      this.reads.find(CohortOutcomesRow, cut, { safir, pathwayId }),
    ]);
    if (!p) throw new NotFoundException({ code: 'PATHWAY_NOT_FOUND', message: `no pathway ${pathwayId} for agency ${safir}` });
    return {
      ...p,
      cohortList: cohorts.map(({ cohortId, startedOn, entries, exits, employment, training, outcomesOn }) => ({
        cohortId,
        startedOn,
        entries,
        exits,
        employment,
        training,
        outcomesOn,
      })),
      figures: pathwayFigures(cohorts),
      overTime: ratesOverTime(cohorts, outcomes),
    };
  }
}
