import { Body, Controller, Get, NotFoundException, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@ancrage/access';
import { Cut, ReadModels } from '@ancrage/projections';
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
} from '@ancrage/platform';
import { ChangeBasin } from '../commands/change-basin.command';
import { DEPARTMENTS } from '../domain/geography';
import { AgencyRow } from '../read-models/agency.entity';
import { agencyDirectory } from '../read-models/agency-directory.projection';
import {
  AgencyInstanceRow,
  BasinLeadRow,
  BasinRow,
  PartnerLinkRow,
  PartnerNameRow,
  TerritoryCampaignRow,
} from '../read-models/basins.entities';
import { basinsProjection } from '../read-models/basins.projection';
import { AssignLeadAgencyDto, BasinParams, BasinsQueryDto, RegisterBasinDto, RenameBasinDto } from './dto/basins.dto';
import { BasinPage, BasinPartnerView, BasinRegisteredView, BasinView } from './dto/basins.views';

const departmentsOf = (codes: string[]) => codes.map((code) => ({ code, name: DEPARTMENTS[code]?.name ?? code }));

@ApiTags('territory')
@Controller('basins')
export class BasinsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  @ApiCommand({
    summary: "Register an employment basin (admin): its zone d'emploi 2020 code, name and departments",
    response: BasinRegisteredView,
    conflict: 'BASIN_EXISTS',
    rule: 'UNKNOWN_REGION (the code’s first two digits), UNKNOWN_DEPARTMENT, BASIN_OUTSIDE_REGION, FUTURE_DATE',
  })
  @Post()
  @Access('admin')
  async register(@Body() b: RegisterBasinDto, @Actor() ctx: CommandContext): Promise<BasinRegisteredView> {
    const change = { kind: 'register' as const, name: b.name, departments: b.departments, registeredOn: b.registeredOn };
    return commandResponse(await this.commands.execute(new ChangeBasin(b.code, change, ctx)), { code: b.code });
  }

  @ApiCommand({ summary: 'Rename a basin (admin)', notFound: 'BASIN_NOT_FOUND' })
  @Patch(':code')
  @Access('admin')
  async rename(@Param() { code }: BasinParams, @Body() b: RenameBasinDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.commands.execute(new ChangeBasin(code, { kind: 'rename', name: b.name }, ctx)));
  }

  @ApiCommand({
    summary: 'Give a partner of the basin its lead agency, from a day (a director of the region, or an admin)',
    rule: 'AGENCY_NOT_FOUND, AGENCY_NOT_IN_BASIN, PARTNER_NOT_FOUND, PARTNER_CLOSED, FUTURE_DATE',
    notFound: 'BASIN_NOT_FOUND',
  })
  @Post(':code/leads')
  @Access('basin.write')
  async assignLead(@Param() { code }: BasinParams, @Body() b: AssignLeadAgencyDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const change = { kind: 'assign-lead' as const, partnerId: b.partnerId, safir: b.safir, note: b.note ?? null, since: b.since };
    return commandResponse(await this.commands.execute(new ChangeBasin(code, change, ctx)));
  }

  @ApiView({ summary: 'The registered basins with their number of agencies; asOf/knownAt as they stood', response: BasinPage })
  @Get()
  @CachedView()
  @Access('scoped')
  async list(@Query() q: BasinsQueryDto): Promise<BasinPage> {
    await this.consistency.waitFor(q.consistentWith, [basinsProjection.name, agencyDirectory.name]);
    const cut = cutOf(q);
    const region = q.region ? { region: q.region } : {};
    // Sorted here: `{ code: … }` in an order clause would read as an error code to the catalogue's check.
    const basins = (await this.reads.find(BasinRow, cut, region)).sort((a, b) => a.code.localeCompare(b.code));
    const agencies = await this.reads.find(AgencyRow, cut, region, { columns: ['employmentBasin'] });
    const count = new Map<string, number>();
    for (const a of agencies) count.set(a.employmentBasin, (count.get(a.employmentBasin) ?? 0) + 1);
    const rows = basins.map((b) => ({ ...b, departments: departmentsOf(b.departments), agencyCount: count.get(b.code) ?? 0 }));
    return paginate(rows, q);
  }

  @ApiView({
    summary: 'One basin: its agencies, the partners they share with each one’s lead agency, their instances and joint campaigns',
    response: BasinView,
    notFound: 'BASIN_NOT_FOUND (also when it was not yet registered at asOf/knownAt)',
  })
  @Get(':code')
  @CachedView()
  @Access('basin.read')
  async get(@Param() { code }: BasinParams, @Query() q: AsOfQueryDto): Promise<BasinView> {
    await this.consistency.waitFor(q.consistentWith, [basinsProjection.name, agencyDirectory.name]);
    const cut = cutOf(q);
    const basin = await this.reads.findOne(BasinRow, cut, { code });
    if (!basin)
      throw new NotFoundException({ code: 'BASIN_NOT_FOUND', message: `no basin ${code}${q.asOf || q.knownAt ? ' at that date' : ''}` });
    const agencies = await this.reads.find(AgencyRow, cut, { employmentBasin: code }, { order: { safir: 'ASC' } });
    const safirs = agencies.map((a) => a.safir);
    const inBasin = (safir: string) => safirs.includes(safir);
    const instances = safirs.length ? await this.reads.find(AgencyInstanceRow, cut, { safir: safirs }) : [];
    const campaigns = (await this.reads.find(TerritoryCampaignRow, cut, {}, { order: { campaignId: 'ASC' } }))
      .map((c) => ({ ...c, agencies: c.agencies.filter(inBasin) }))
      .filter((c) => c.agencies.length > 0);
    return {
      code: basin.code,
      name: basin.name,
      region: basin.region,
      departments: departmentsOf(basin.departments),
      registeredOn: basin.registeredOn,
      agencies: agencies.map(({ safir, name, department, areaType }) => ({ safir, name, department, areaType })),
      partners: await this.sharedPartners(cut, code, safirs),
      instances: instances
        .filter((i) => i.leftOn === null)
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
        .map(({ safir, instanceId, kind, name }) => ({ safir, instanceId, kind, name })),
      campaigns: campaigns.map(({ campaignId, name, leadSafir, agencies: part, closedOn }) => ({
        campaignId,
        name,
        leadSafir,
        agencies: part,
        closedOn,
      })),
    };
  }

  /** Partners two or more of the basin's agencies work with, and any given a lead: who leads each. */
  private async sharedPartners(cut: Cut, code: string, safirs: string[]): Promise<BasinPartnerView[]> {
    const links = safirs.length ? await this.reads.find(PartnerLinkRow, cut, { safir: safirs }) : [];
    const leads = new Map((await this.reads.find(BasinLeadRow, cut, { code })).map((l) => [l.partnerId, l]));
    const byPartner = new Map<string, string[]>();
    for (const l of links) byPartner.set(l.partnerId, [...(byPartner.get(l.partnerId) ?? []), l.safir]);
    const shown = [...new Set([...byPartner.keys(), ...leads.keys()])].filter((p) => (byPartner.get(p)?.length ?? 0) > 1 || leads.has(p));
    const names = new Map(
      (shown.length ? await this.reads.find(PartnerNameRow, cut, { partnerId: shown }) : []).map((n) => [n.partnerId, n]),
    );
    return shown
      .map((partnerId) => {
        const lead = leads.get(partnerId);
        return {
          partnerId,
          name: names.get(partnerId)?.name ?? null,
          category: names.get(partnerId)?.category ?? null,
          agencies: (byPartner.get(partnerId) ?? []).sort(),
          leadSafir: lead?.safir ?? null,
          leadSince: lead?.since ?? null,
          leadNote: lead?.note ?? null,
        };
      })
      .sort((a, b) => b.agencies.length - a.agencies.length || (a.name ?? a.partnerId).localeCompare(b.name ?? b.partnerId));
  }
}
