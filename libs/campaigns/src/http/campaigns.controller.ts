import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
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
  SafirParam,
} from '@ancrage/platform';
import { CampaignChange, ChangeCampaign } from '../commands/change-campaign.command';
import { campaignView, progressOverTime } from '../read-models/campaign-views';
import { CampaignParticipationRow, CampaignReportRow, CampaignRow } from '../read-models/campaigns.entities';
import { campaignsProjection } from '../read-models/campaigns.projection';
import {
  AddCampaignAgencyDto,
  CampaignParams,
  CloseCampaignDto,
  LaunchCampaignDto,
  RegionCampaignsQueryDto,
  ReportCampaignProgressDto,
} from './dto/campaigns.dto';
import { CampaignDetailView, CampaignPage, CampaignRecordedView } from './dto/campaigns.views';

const LEAD_ONLY = 'NOT_THE_LEAD, CAMPAIGN_CLOSED, DATE_BEFORE_LAUNCH, FUTURE_DATE';

@ApiTags('campaigns')
@Controller()
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
  ) {}

  private change(p: CampaignParams, change: CampaignChange, ctx: CommandContext) {
    return this.commands.execute(new ChangeCampaign(p.safir, p.campaignId, change, ctx));
  }

  @ApiCommand({
    summary: 'Launch a recruitment campaign or a multi-agency recruitment project, led by this agency',
    response: CampaignRecordedView,
    conflict: 'CAMPAIGN_EXISTS (the id is taken, by this agency or another)',
    rule: 'UNKNOWN_PARTNER (employerPartnerId), END_BEFORE_START, INVALID_POSTS, FUTURE_DATE',
  })
  @Post('agencies/:safir/campaigns')
  @Access('agency.write')
  async launch(@Param() { safir }: SafirParam, @Body() b: LaunchCampaignDto, @Actor() ctx: CommandContext): Promise<CampaignRecordedView> {
    const change: CampaignChange = {
      kind: 'launch',
      name: b.name,
      employerPartnerId: b.employerPartnerId ?? null,
      startedOn: b.startedOn,
      plannedEndOn: b.plannedEndOn ?? null,
      posts: b.posts,
      dedicatedAdvisers: b.dedicatedAdvisers,
      services: [...new Set(b.services)],
    };
    return commandResponse(await this.change({ safir, campaignId: b.campaignId }, change, ctx), { campaignId: b.campaignId });
  }

  @ApiCommand({
    summary: 'Add an agency to the campaign (the lead agency only)',
    rule: `UNKNOWN_AGENCY, ALREADY_PARTICIPATING, ${LEAD_ONLY}`,
    notFound: 'CAMPAIGN_NOT_FOUND (this agency takes no part in it)',
  })
  @Post('agencies/:safir/campaigns/:campaignId/agencies')
  @Access('agency.write')
  async addAgency(@Param() p: CampaignParams, @Body() b: AddCampaignAgencyDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.change(p, { kind: 'add-agency', safir: b.safir, joinedOn: b.joinedOn }, ctx));
  }

  @ApiCommand({
    summary: 'Report this agency’s figures to date in the campaign (applications handled, hires)',
    rule: 'HIRES_EXCEED_APPLICATIONS, DATE_BEFORE_LAST_REPORT, DATE_BEFORE_PARTICIPATION, CAMPAIGN_CLOSED (a day after the close), FUTURE_DATE',
    notFound: 'CAMPAIGN_NOT_FOUND (this agency takes no part in it)',
  })
  @Post('agencies/:safir/campaigns/:campaignId/progress')
  @Access('agency.write')
  async report(@Param() p: CampaignParams, @Body() b: ReportCampaignProgressDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.change(p, { kind: 'report', on: b.on, applications: b.applications, hires: b.hires }, ctx));
  }

  @ApiCommand({
    summary: 'Close the campaign with what it achieved (the lead agency only)',
    rule: LEAD_ONLY,
    notFound: 'CAMPAIGN_NOT_FOUND (this agency takes no part in it)',
  })
  @Post('agencies/:safir/campaigns/:campaignId/closed')
  @Access('agency.write')
  async close(@Param() p: CampaignParams, @Body() b: CloseCampaignDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.change(p, { kind: 'close', outcome: b.outcome, closedOn: b.closedOn }, ctx));
  }

  /** The campaigns some agencies take part in, with every agency of each; asOf/knownAt as they stood. */
  private async campaignsOf(cut: Cut, where: { safir?: string; region?: string }) {
    const mine = await this.reads.find(CampaignParticipationRow, cut, where);
    const ids = [...new Set(mine.map((p) => p.campaignId))];
    if (!ids.length) return [];
    const [campaigns, participations] = await Promise.all([
      this.reads.find(CampaignRow, cut, { campaignId: ids }),
      this.reads.find(CampaignParticipationRow, cut, { campaignId: ids }),
    ]);
    return campaigns
      .map((c) => campaignView(c, participations))
      .sort((a, b) => b.startedOn.localeCompare(a.startedOn) || a.campaignId.localeCompare(b.campaignId));
  }

  @ApiView({
    summary: 'The campaigns this agency leads or takes part in, newest first; asOf/knownAt as they stood',
    response: CampaignPage,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/campaigns')
  @CachedView()
  @Access('agency.read')
  async list(@Param() { safir }: SafirParam, @Query() q: AsOfQueryDto): Promise<CampaignPage> {
    await this.consistency.waitFor(q.consistentWith, [campaignsProjection.name]);
    return paginate(await this.campaignsOf(cutOf(q), { safir }), q);
  }

  @ApiView({
    summary: 'One campaign with every agency’s figures and the totals over time; asOf/knownAt as it stood',
    response: CampaignDetailView,
    notFound: 'CAMPAIGN_NOT_FOUND (also when this agency took no part in it at asOf/knownAt)',
  })
  @Get('agencies/:safir/campaigns/:campaignId')
  @CachedView()
  @Access('agency.read')
  async get(@Param() { safir, campaignId }: CampaignParams, @Query() q: AsOfQueryDto): Promise<CampaignDetailView> {
    await this.consistency.waitFor(q.consistentWith, [campaignsProjection.name]);
    const cut = cutOf(q);
    const [c, participations, reports] = await Promise.all([
      this.reads.findOne(CampaignRow, cut, { campaignId }),
      this.reads.find(CampaignParticipationRow, cut, { campaignId }),
      this.reads.find(CampaignReportRow, cut, { campaignId }),
    ]);
    if (!c || !participations.some((p) => p.safir === safir))
      throw new NotFoundException({ code: 'CAMPAIGN_NOT_FOUND', message: `agency ${safir} takes no part in a campaign ${campaignId}` });
    return { ...campaignView(c, participations), progress: progressOverTime(c.posts, reports) };
  }

  @ApiView({
    summary: 'Campaigns and multi-agency projects that agencies of a region (or of the country) take part in; asOf/knownAt as they stood',
    response: CampaignPage,
  })
  @Get('campaigns')
  @CachedView()
  @Access('region.read')
  async inRegion(@Query() q: RegionCampaignsQueryDto): Promise<CampaignPage> {
    await this.consistency.waitFor(q.consistentWith, [campaignsProjection.name]);
    return paginate(await this.campaignsOf(cutOf(q), q.region ? { region: q.region } : {}), q);
  }
}
