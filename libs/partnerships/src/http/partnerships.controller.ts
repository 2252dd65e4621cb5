import { Body, Controller, Get, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@ancrage/access';
import {
  Access,
  ApiCommand,
  ApiView,
  CachedView,
  CommandContext,
  CommandResponse,
  commandResponse,
  paginate,
  SafirParam,
} from '@ancrage/platform';
import { ChangeJointEvent } from '../commands/change-joint-event.command';
import { ChangePartnership, PartnershipChange } from '../commands/change-partnership.command';
import { circleQualityMatrix } from '../read-models/circle-counts';
import { directory, jointEventTotals, qualityOverTime } from '../read-models/partnership-views';
import { PartnershipRowsService } from '../read-models/partnership-rows.service';
import {
  AgreementParams,
  AmendAgreementDto,
  AssessQualityDto,
  AssignCircleDto,
  CalendarQueryDto,
  DirectoryQueryDto,
  ExpectationParams,
  ExpiringQueryDto,
  RegionExpiringQueryDto,
  HoldJointEventDto,
  JointEventParams,
  LogContactDto,
  MatrixQueryDto,
  NoteDto,
  PartnershipParams,
  PlanJointEventDto,
  QualityQueryDto,
  CancelJointEventDto,
  RecordExpectationDto,
  RenewAgreementDto,
  SignAgreementDto,
  TerminateAgreementDto,
} from './dto/partnerships.dto';
import {
  CircleQualityMatrixView,
  DirectoryPage,
  ExpiringAgreementsView,
  JointEventCalendarView,
  JointEventRecordedView,
  PartnershipQualityView,
  PriorityCircleView,
} from './dto/partnerships.views';

@ApiTags('partnerships')
@Controller()
export class PartnershipsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly rows: PartnershipRowsService,
  ) {}

  private async change(p: PartnershipParams, change: PartnershipChange, ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(await this.commands.execute(new ChangePartnership(p.safir, p.partnerId, change, ctx)));
  }

  @ApiCommand({
    summary: 'Sign an agreement (refused with 409 while another is active)',
    conflict:
      'AGREEMENT_EXISTS (that id), AGREEMENT_ACTIVE (another agreement is still running on the start date: amend, renew or terminate it first)',
    rule: 'PARTNER_CLOSED, ENDS_BEFORE_START, FUTURE_DATE',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Post('agencies/:safir/partnerships/:partnerId/agreements')
  @Access('agency.write')
  sign(@Param() p: PartnershipParams, @Body() b: SignAgreementDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      {
        kind: 'sign',
        agreementId: b.agreementId,
        reference: b.reference,
        scale: b.scale,
        formal: b.formal,
        objectives: b.objectives,
        startDate: b.startDate,
        endDate: b.endDate ?? null,
        services: b.services ?? [],
        signedOn: b.signedOn,
      },
      ctx,
    );
  }

  @ApiCommand({
    summary: 'Amend an agreement (a note, and optionally a new end date)',
    rule: 'AGREEMENT_TERMINATED, ENDS_BEFORE_START, DATE_BEFORE_SIGNATURE, FUTURE_DATE',
    notFound: 'PARTNER_NOT_FOUND, AGREEMENT_NOT_FOUND',
  })
  @Post('agencies/:safir/partnerships/:partnerId/agreements/:agreementId/amend')
  @Access('agency.write')
  amend(@Param() p: AgreementParams, @Body() b: AmendAgreementDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      { kind: 'amend', agreementId: p.agreementId, note: b.note, endDate: b.endDate ?? null, amendedOn: b.amendedOn },
      ctx,
    );
  }

  @ApiCommand({
    summary: 'Renew a signed, unterminated agreement to a later end date',
    rule: 'AGREEMENT_TERMINATED, RENEWAL_NOT_LATER, ENDS_BEFORE_START, DATE_BEFORE_SIGNATURE, FUTURE_DATE',
    notFound: 'PARTNER_NOT_FOUND, AGREEMENT_NOT_FOUND',
  })
  @Post('agencies/:safir/partnerships/:partnerId/agreements/:agreementId/renew')
  @Access('agency.write')
  renew(@Param() p: AgreementParams, @Body() b: RenewAgreementDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'renew', agreementId: p.agreementId, endDate: b.endDate, renewedOn: b.renewedOn }, ctx);
  }

  @ApiCommand({
    summary: 'Terminate an agreement',
    rule: 'AGREEMENT_TERMINATED: already terminated',
    notFound: 'PARTNER_NOT_FOUND, AGREEMENT_NOT_FOUND',
  })
  @Post('agencies/:safir/partnerships/:partnerId/agreements/:agreementId/terminate')
  @Access('agency.write')
  terminate(@Param() p: AgreementParams, @Body() b: TerminateAgreementDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'terminate', agreementId: p.agreementId, terminatedOn: b.terminatedOn, reason: b.reason }, ctx);
  }

  @ApiCommand({
    summary: 'Assign the priority circle (a circle other than the category default needs a reason); the same circle again records nothing',
    rule: 'REASON_REQUIRED',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Put('agencies/:safir/partnerships/:partnerId/circle')
  @Access('agency.write')
  circle(@Param() p: PartnershipParams, @Body() b: AssignCircleDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'assign-circle', circle: b.circle, reason: b.reason ?? null, assignedOn: b.assignedOn }, ctx);
  }

  @ApiCommand({
    summary: 'Log a contact (meeting, phone, SPEP instance, co-animation, referral, data shared)',
    rule: 'PARTNER_CLOSED, FUTURE_DATE',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Post('agencies/:safir/partnerships/:partnerId/contacts')
  @Access('agency.write')
  contact(@Param() p: PartnershipParams, @Body() b: LogContactDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      { kind: 'log-contact', contactKind: b.kind, date: b.date, participants: b.participants ?? [], note: b.note ?? null },
      ctx,
    );
  }

  @ApiCommand({
    summary: "Record a partner's expectation (the study's list)",
    conflict: 'EXPECTATION_EXISTS',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Post('agencies/:safir/partnerships/:partnerId/expectations')
  @Access('agency.write')
  expectation(@Param() p: PartnershipParams, @Body() b: RecordExpectationDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      {
        kind: 'record-expectation',
        expectationId: b.expectationId,
        expectation: b.expectation,
        note: b.note ?? null,
        recordedOn: b.recordedOn,
      },
      ctx,
    );
  }

  @ApiCommand({ summary: 'Mark an expectation addressed (again: records nothing)', notFound: 'PARTNER_NOT_FOUND, EXPECTATION_NOT_FOUND' })
  @Post('agencies/:safir/partnerships/:partnerId/expectations/:expectationId/addressed')
  @Access('agency.write')
  addressed(@Param() p: ExpectationParams, @Body() b: NoteDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(
      p,
      { kind: 'address-expectation', expectationId: p.expectationId, note: b.note ?? null, addressedOn: b.addressedOn },
      ctx,
    );
  }

  @ApiCommand({
    summary: 'Assess the partnership quality (1 to 4, with optional criteria)',
    rule: 'PARTNER_CLOSED, INVALID_SCORE, FUTURE_DATE',
    notFound: 'PARTNER_NOT_FOUND',
  })
  @Post('agencies/:safir/partnerships/:partnerId/assessments')
  @Access('agency.write')
  assess(@Param() p: PartnershipParams, @Body() b: AssessQualityDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return this.change(p, { kind: 'assess', score: b.score, assessedOn: b.assessedOn, criteria: { ...(b.criteria ?? {}) } }, ctx);
  }

  @ApiCommand({
    summary: 'Plan a joint event (forum, job dating, salon, information collective, MRS session…)',
    response: JointEventRecordedView,
    conflict: 'JOINT_EVENT_EXISTS',
    rule: 'UNKNOWN_PARTNER (partnerIds), FUTURE_DATE (plannedOn)',
  })
  @Post('agencies/:safir/joint-events')
  @Access('agency.write')
  async plan(@Param() { safir }: SafirParam, @Body() b: PlanJointEventDto, @Actor() ctx: CommandContext): Promise<JointEventRecordedView> {
    const change = {
      kind: 'plan' as const,
      eventKind: b.kind,
      date: b.date,
      title: b.title,
      partnerIds: b.partnerIds,
      publics: b.publics,
      planActionId: b.planActionId ?? null,
      services: [...new Set(b.services ?? [])],
      plannedOn: b.plannedOn,
    };
    return commandResponse(await this.commands.execute(new ChangeJointEvent(safir, b.jointEventId, change, ctx)), {
      jointEventId: b.jointEventId,
    });
  }

  @ApiCommand({
    summary: 'Record a joint event held, with its outcomes (hires never above candidates presented)',
    rule: 'JOINT_EVENT_CLOSED (already held or cancelled), JOINT_EVENT_NOT_YET_HELD (its date is after today), HIRES_EXCEED_CANDIDATES, INVALID_OUTCOME',
    notFound: 'JOINT_EVENT_NOT_FOUND',
  })
  @Post('agencies/:safir/joint-events/:jointEventId/held')
  @Access('agency.write')
  async held(@Param() p: JointEventParams, @Body() b: HoldJointEventDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(
      await this.commands.execute(new ChangeJointEvent(p.safir, p.jointEventId, { kind: 'hold', outcomes: { ...b.outcomes } }, ctx)),
    );
  }

  @ApiCommand({
    summary: 'Cancel a planned joint event, with a reason',
    rule: 'JOINT_EVENT_CLOSED (already held or cancelled)',
    notFound: 'JOINT_EVENT_NOT_FOUND',
  })
  @Post('agencies/:safir/joint-events/:jointEventId/cancelled')
  @Access('agency.write')
  async cancelled(@Param() p: JointEventParams, @Body() b: CancelJointEventDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    return commandResponse(
      await this.commands.execute(
        new ChangeJointEvent(p.safir, p.jointEventId, { kind: 'cancel', reason: b.reason, cancelledOn: b.cancelledOn }, ctx),
      ),
    );
  }

  @ApiView({
    summary: "The agency's partner directory: filters by category, circle, active agreement; asOf/knownAt",
    response: DirectoryPage,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/partnerships')
  @CachedView()
  @Access('agency.read')
  async directory(@Param() { safir }: SafirParam, @Query() q: DirectoryQueryDto): Promise<DirectoryPage> {
    const r = await this.rows.load({ safir }, q);
    const entries = directory(r.partnerships, r.partners, r.on).filter(
      (e) =>
        (!q.category || e.partner?.category === q.category) &&
        (!q.circle || e.effectiveCircle === q.circle) &&
        (q.activeAgreement === undefined || (e.agreementStatus === 'ACTIVE') === q.activeAgreement),
    );
    return paginate(entries, q);
  }

  @ApiView({
    summary:
      'Quality over time, month by month: latest score, trailing-12-month activity, agreement status, and the composite index with its parts',
    description:
      'From `from` to `to` (months, YYYY-MM); by default from the same month a year earlier to the month read (asOf, or today), 13 months.',
    response: PartnershipQualityView,
    notFound: 'AGENCY_NOT_FOUND, PARTNERSHIP_NOT_FOUND (the agency has no partnership with that partner, at that date)',
  })
  @Get('agencies/:safir/partnerships/:partnerId/quality')
  @CachedView()
  @Access('agency.read')
  async quality(@Param() p: PartnershipParams, @Query() q: QualityQueryDto): Promise<PartnershipQualityView> {
    const r = await this.rows.load({ safir: p.safir }, q);
    const row = r.partnerships.find((x) => x.partnerId === p.partnerId);
    if (!row)
      throw new NotFoundException({ code: 'PARTNERSHIP_NOT_FOUND', message: `agency ${p.safir} has no partnership with ${p.partnerId}` });
    const to = q.to ?? r.on.slice(0, 7);
    const from = q.from ?? `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}`;
    const { formula, series } = qualityOverTime(row, await this.rows.months(p.safir, p.partnerId, q), from, to);
    // `parts` is built as a string-keyed record: name its four parts so the answer type-checks against the view.
    const named = ({ score, contacts, jointEvents, agreement }: Record<string, number>) => ({ score, contacts, jointEvents, agreement });
    return { safir: p.safir, partnerId: p.partnerId, formula, series: series.map((m) => ({ ...m, parts: named(m.parts) })) };
  }

  @ApiView({
    summary: "The agency's partners per priority circle (circles 1 to 3, always all three)",
    response: [PriorityCircleView],
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/priority-circles')
  @CachedView()
  @Access('agency.read')
  async circles(@Param() { safir }: SafirParam, @Query() q: DirectoryQueryDto): Promise<PriorityCircleView[]> {
    const r = await this.rows.load({ safir }, q);
    const entries = directory(r.partnerships, r.partners, r.on);
    return [1, 2, 3].map((circle) => {
      const inCircle = entries.filter((e) => e.effectiveCircle === circle);
      return { circle, partners: inCircle.length, partnerIds: inCircle.map((e) => e.partnerId) };
    });
  }

  @ApiView({
    summary: 'Circle × quality across agencies of a region or the country (graphique 3 of the study)',
    response: CircleQualityMatrixView,
  })
  @Get('priority-circles/matrix')
  @CachedView()
  @Access('region.read')
  async matrix(@Query() q: MatrixQueryDto): Promise<CircleQualityMatrixView> {
    return { region: q.region ?? null, categories: circleQualityMatrix(await this.rows.circleCounts(q.region, q)) };
  }

  @ApiView({
    summary: 'Active agreements ending within N days (default 60), soonest first, paginated',
    response: ExpiringAgreementsView,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/agreements/expiring')
  @CachedView()
  @Access('agency.read')
  async expiring(@Param() { safir }: SafirParam, @Query() q: ExpiringQueryDto): Promise<ExpiringAgreementsView> {
    return this.expiringIn({ safir }, q);
  }

  @ApiView({
    summary: "Active agreements ending within N days across a region's agencies (or the country), soonest first: the directors' inbox",
    response: ExpiringAgreementsView,
  })
  @Get('agreements/expiring')
  @CachedView()
  @Access('region.read')
  async expiringInRegion(@Query() q: RegionExpiringQueryDto): Promise<ExpiringAgreementsView> {
    return this.expiringIn({ region: q.region }, q);
  }

  private async expiringIn(scope: { safir?: string; region?: string }, q: ExpiringQueryDto): Promise<ExpiringAgreementsView> {
    const r = await this.rows.load(scope, q);
    const limit = new Date(Date.parse(r.on) + q.days * 86_400_000).toISOString().slice(0, 10);
    const list = directory(r.partnerships, r.partners, r.on)
      .filter((e) => e.agreementStatus === 'ACTIVE' && e.agreementEnd !== null && e.agreementEnd <= limit)
      .sort((a, b) => a.agreementEnd!.localeCompare(b.agreementEnd!) || a.safir.localeCompare(b.safir));
    return { on: r.on, days: q.days, ...paginate(list, q) };
  }

  @ApiView({
    summary: 'Joint events calendar (by date, paginated) and outcome totals of the held ones, in all, per kind and per partner',
    response: JointEventCalendarView,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/joint-events')
  @CachedView()
  @Access('agency.read')
  async calendar(@Param() { safir }: SafirParam, @Query() q: CalendarQueryDto): Promise<JointEventCalendarView> {
    const events = (await this.rows.jointEvents(safir, q))
      .filter((e) => (!q.from || e.date >= q.from) && (!q.to || e.date <= q.to))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { ...paginate(events, q), totals: jointEventTotals(events) };
  }
}
