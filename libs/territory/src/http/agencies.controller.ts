import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@ancrage/access';
import { Actor, CurrentPrincipal, readScope } from '@ancrage/access';
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
import { RegisterAgency } from '../commands/register-agency.command';
import { ReviseTerritorialContext } from '../commands/revise-territorial-context.command';
import { CLASSIFICATION_RULE } from '../domain/context-classification';
import { AgencyRow } from '../read-models/agency.entity';
import { agencyDirectory } from '../read-models/agency-directory.projection';
import { AgenciesQueryDto, RegisterAgencyDto, ReviseContextDto } from './dto/agency.dto';
import { AgencyPage, AgencyRegisteredView, AgencyView } from './dto/territory.views';

@ApiTags('territory')
@Controller('agencies')
export class AgenciesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  @ApiCommand({
    summary: 'Register an agency (admin): SAFIR code, région, département, employment basin',
    response: AgencyRegisteredView,
    conflict: 'AGENCY_EXISTS: that SAFIR code is already registered',
    rule: 'UNKNOWN_REGION, DEPARTMENT_NOT_IN_REGION, BASIN_NOT_IN_REGION',
  })
  @Post()
  @Access('admin')
  async register(@Body() body: RegisterAgencyDto, @Actor() ctx: CommandContext): Promise<AgencyRegisteredView> {
    return commandResponse(await this.commands.execute(new RegisterAgency(body, ctx)), { safir: body.safir });
  }

  @ApiView({
    summary: "Agencies the caller may see (a manager's own, a director's regions, all for others), paginated",
    response: AgencyPage,
  })
  @Get()
  @CachedView()
  @Access('scoped')
  async list(@Query() q: AgenciesQueryDto, @CurrentPrincipal() principal: Principal): Promise<AgencyPage> {
    await this.consistency.waitFor(q.consistentWith, [agencyDirectory.name]);
    const scope = readScope(principal);
    const visible = (a: AgencyRow) => scope.all || scope.agencies.includes(a.safir) || scope.regions.includes(a.region);
    const rows = await this.reads.find(AgencyRow, cutOf(q), { region: q.region }, { order: { safir: 'ASC' } });
    return { ...paginate(rows.filter(visible), q), classificationRule: CLASSIFICATION_RULE };
  }

  @ApiView({
    summary: 'One agency with its latest territorial context and the reasons for its class; asOf/knownAt as it stood',
    response: AgencyView,
    notFound: 'AGENCY_NOT_FOUND (also when it was not yet registered at asOf/knownAt)',
  })
  @Get(':safir')
  @CachedView()
  @Access('agency.read')
  async get(@Param() { safir }: SafirParam, @Query() q: AsOfQueryDto): Promise<AgencyView> {
    await this.consistency.waitFor(q.consistentWith, [agencyDirectory.name]);
    const row = await this.reads.findOne(AgencyRow, cutOf(q), { safir });
    if (!row)
      throw new NotFoundException({ code: 'AGENCY_NOT_FOUND', message: `no agency ${safir}${q.asOf || q.knownAt ? ' at that date' : ''}` });
    return row;
  }

  @ApiCommand({
    summary: "Revise the agency's territorial context (dated figures of its basin)",
    rule: 'NOT_A_PERCENTAGE',
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Post(':safir/context')
  @Access('agency.write')
  async reviseContext(
    @Param() { safir }: SafirParam,
    @Body() body: ReviseContextDto,
    @Actor() ctx: CommandContext,
  ): Promise<CommandResponse> {
    return commandResponse(
      await this.commands.execute(new ReviseTerritorialContext(safir, body.effectiveDate, body.figures, body.source ?? null, ctx)),
    );
  }
}
