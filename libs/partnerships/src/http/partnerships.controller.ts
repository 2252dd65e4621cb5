import { Body, Controller, Get, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../access/src';
import { Access, CachedView, CommandContext, commandResponse, paginate } from '../../../platform/src';
import { ChangeJointEvent } from '../commands/change-joint-event.command';
import { ChangePartnership, PartnershipChange } from '../commands/change-partnership.command';
import { circleQualityMatrix, directory, jointEventTotals, qualityOverTime } from '../read-models/partnership-views';
import { PartnershipRowsService } from '../read-models/partnership-rows.service';
import {
  AgreementParams, AmendAgreementDto, AssessQualityDto, AssignCircleDto, CalendarQueryDto, DirectoryQueryDto, ExpectationParams,
  ExpiringQueryDto, HoldJointEventDto, JointEventParams, LogContactDto, MatrixQueryDto, NoteDto, PartnershipParams, PlanJointEventDto,
  QualityQueryDto, ReasonDto, RecordExpectationDto, RenewAgreementDto, SafirParam, SignAgreementDto, TerminateAgreementDto,
} from './dto/partnerships.dto';

@ApiTags('partnerships')
@Controller()
export class PartnershipsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly rows: PartnershipRowsService,
  ) {}

  private async change(p: PartnershipParams, change: PartnershipChange, ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangePartnership(p.safir, p.partnerId, change, ctx)));
  }

  @Post('agencies/:safir/partnerships/:partnerId/agreements')
  @Access('agency.write')
  @ApiOperation({ summary: 'Sign an agreement (refused with 409 while another is active)' })
  sign(@Param() p: PartnershipParams, @Body() b: SignAgreementDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'sign', agreementId: b.agreementId, reference: b.reference, scale: b.scale, formal: b.formal, objectives: b.objectives, startDate: b.startDate, endDate: b.endDate ?? null }, ctx);
  }

  @Post('agencies/:safir/partnerships/:partnerId/agreements/:agreementId/amend')
  @Access('agency.write')
  @ApiOperation({ summary: 'Amend an agreement' })
  amend(@Param() p: AgreementParams, @Body() b: AmendAgreementDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'amend', agreementId: p.agreementId, note: b.note, endDate: b.endDate ?? null }, ctx);
  }

  @Post('agencies/:safir/partnerships/:partnerId/agreements/:agreementId/renew')
  @Access('agency.write')
  @ApiOperation({ summary: 'Renew a signed, unterminated agreement to a later end date' })
  renew(@Param() p: AgreementParams, @Body() b: RenewAgreementDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'renew', agreementId: p.agreementId, endDate: b.endDate }, ctx);
  }

  @Post('agencies/:safir/partnerships/:partnerId/agreements/:agreementId/terminate')
  @Access('agency.write')
  @ApiOperation({ summary: 'Terminate an agreement' })
  terminate(@Param() p: AgreementParams, @Body() b: TerminateAgreementDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'terminate', agreementId: p.agreementId, terminatedOn: b.terminatedOn, reason: b.reason }, ctx);
  }

  @Put('agencies/:safir/partnerships/:partnerId/circle')
  @Access('agency.write')
  @ApiOperation({ summary: 'Assign the priority circle (a circle other than the category default needs a reason)' })
  circle(@Param() p: PartnershipParams, @Body() b: AssignCircleDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'assign-circle', circle: b.circle, reason: b.reason ?? null }, ctx);
  }

  @Post('agencies/:safir/partnerships/:partnerId/contacts')
  @Access('agency.write')
  @ApiOperation({ summary: 'Log a contact (meeting, phone, SPEP instance, co-animation, referral, data shared)' })
  contact(@Param() p: PartnershipParams, @Body() b: LogContactDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'log-contact', contactKind: b.kind, date: b.date, participants: b.participants ?? [], note: b.note ?? null }, ctx);
  }

  @Post('agencies/:safir/partnerships/:partnerId/expectations')
  @Access('agency.write')
  @ApiOperation({ summary: "Record a partner's expectation (the study's list)" })
  expectation(@Param() p: PartnershipParams, @Body() b: RecordExpectationDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'record-expectation', expectationId: b.expectationId, expectation: b.expectation, note: b.note ?? null }, ctx);
  }

  @Post('agencies/:safir/partnerships/:partnerId/expectations/:expectationId/addressed')
  @Access('agency.write')
  @ApiOperation({ summary: 'Mark an expectation addressed' })
  addressed(@Param() p: ExpectationParams, @Body() b: NoteDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'address-expectation', expectationId: p.expectationId, note: b.note ?? null }, ctx);
  }

  @Post('agencies/:safir/partnerships/:partnerId/assessments')
  @Access('agency.write')
  @ApiOperation({ summary: 'Assess the partnership quality (1 to 4, with optional criteria)' })
  assess(@Param() p: PartnershipParams, @Body() b: AssessQualityDto, @Actor() ctx: CommandContext) {
    return this.change(p, { kind: 'assess', score: b.score, assessedOn: b.assessedOn, criteria: { ...(b.criteria ?? {}) } }, ctx);
  }

  @Post('agencies/:safir/joint-events')
  @Access('agency.write')
  @ApiOperation({ summary: 'Plan a joint event (forum, job dating, salon, information collective, MRS session…)' })
  async plan(@Param() { safir }: SafirParam, @Body() b: PlanJointEventDto, @Actor() ctx: CommandContext) {
    const change = { kind: 'plan' as const, eventKind: b.kind, date: b.date, title: b.title, partnerIds: b.partnerIds, publics: b.publics, planActionId: b.planActionId ?? null };
    return commandResponse(await this.commands.execute(new ChangeJointEvent(safir, b.jointEventId, change, ctx)), { jointEventId: b.jointEventId });
  }

  @Post('agencies/:safir/joint-events/:jointEventId/held')
  @Access('agency.write')
  @ApiOperation({ summary: 'Record a joint event held, with its outcomes (hires never above candidates presented)' })
  async held(@Param() p: JointEventParams, @Body() b: HoldJointEventDto, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangeJointEvent(p.safir, p.jointEventId, { kind: 'hold', outcomes: { ...b.outcomes } }, ctx)));
  }

  @Post('agencies/:safir/joint-events/:jointEventId/cancelled')
  @Access('agency.write')
  @ApiOperation({ summary: 'Cancel a planned joint event, with a reason' })
  async cancelled(@Param() p: JointEventParams, @Body() b: ReasonDto, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new ChangeJointEvent(p.safir, p.jointEventId, { kind: 'cancel', reason: b.reason }, ctx)));
  }

  @Get('agencies/:safir/partnerships')
  @CachedView()
  @Access('agency.read')
  @ApiOperation({ summary: "The agency's partner directory: filters by category, circle, active agreement; asOf/knownAt" })
  async directory(@Param() { safir }: SafirParam, @Query() q: DirectoryQueryDto) {
    const r = await this.rows.load({ safir }, q);
    const entries = directory(r.partnerships, r.partners, r.on).filter(
      (e) =>
        (!q.category || e.partner?.category === q.category) &&
        (!q.circle || e.effectiveCircle === q.circle) &&
        (q.activeAgreement === undefined || (e.agreementStatus === 'ACTIVE') === q.activeAgreement),
    );
    return paginate(entries, q);
  }

  @Get('agencies/:safir/partnerships/:partnerId/quality')
  @CachedView()
  @Access('agency.read')
  @ApiOperation({ summary: 'Quality over time, month by month: latest score, trailing-12-month activity, agreement status, and the composite index with its parts' })
  async quality(@Param() p: PartnershipParams, @Query() q: QualityQueryDto) {
    const r = await this.rows.load({ safir: p.safir }, q);
    const row = r.partnerships.find((x) => x.partnerId === p.partnerId);
    if (!row) throw new NotFoundException({ code: 'PARTNERSHIP_NOT_FOUND', message: `agency ${p.safir} has no partnership with ${p.partnerId}` });
    const to = q.to ?? r.on.slice(0, 7);
    const from = q.from ?? `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}`;
    return { safir: p.safir, partnerId: p.partnerId, ...qualityOverTime(row, r.months.filter((m) => m.partnerId === p.partnerId), from, to) };
  }

  @Get('agencies/:safir/priority-circles')
  @CachedView()
  @Access('agency.read')
  @ApiOperation({ summary: "The agency's partners per priority circle" })
  async circles(@Param() { safir }: SafirParam, @Query() q: DirectoryQueryDto) {
    const r = await this.rows.load({ safir }, q);
    const entries = directory(r.partnerships, r.partners, r.on);
    return [1, 2, 3].map((circle) => {
      const inCircle = entries.filter((e) => e.effectiveCircle === circle);
      return { circle, partners: inCircle.length, partnerIds: inCircle.map((e) => e.partnerId) };
    });
  }

  @Get('priority-circles/matrix')
  @CachedView()
  @Access('region.read')
  @ApiOperation({ summary: 'Circle × quality across agencies of a region or the country (graphique 3 of the study)' })
  async matrix(@Query() q: MatrixQueryDto) {
    const r = await this.rows.load({ region: q.region }, q);
    return { region: q.region ?? null, categories: circleQualityMatrix(directory(r.partnerships, r.partners, r.on)) };
  }

  @Get('agencies/:safir/agreements/expiring')
  @CachedView()
  @Access('agency.read')
  @ApiOperation({ summary: 'Active agreements ending within N days (default 60)' })
  async expiring(@Param() { safir }: SafirParam, @Query() q: ExpiringQueryDto) {
    const r = await this.rows.load({ safir }, q);
    const limit = new Date(Date.parse(r.on) + q.days * 86_400_000).toISOString().slice(0, 10);
    const list = directory(r.partnerships, r.partners, r.on)
      .filter((e) => e.agreementStatus === 'ACTIVE' && e.agreementEnd !== null && e.agreementEnd <= limit)
      .sort((a, b) => a.agreementEnd!.localeCompare(b.agreementEnd!));
    return { on: r.on, days: q.days, ...paginate(list, q) };
  }

  @Get('agencies/:safir/joint-events')
  @CachedView()
  @Access('agency.read')
  @ApiOperation({ summary: 'Joint events calendar and outcome totals per kind and per partner' })
  async calendar(@Param() { safir }: SafirParam, @Query() q: CalendarQueryDto) {
    const r = await this.rows.load({ safir }, q);
    const events = r.jointEvents.filter((e) => (!q.from || e.date >= q.from) && (!q.to || e.date <= q.to)).sort((a, b) => a.date.localeCompare(b.date));
    return { ...paginate(events, q), totals: jointEventTotals(events) };
  }
}
