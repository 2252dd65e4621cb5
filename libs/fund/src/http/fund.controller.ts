import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '@ancrage/access';
import { ReadModels } from '@ancrage/projections';
import { scopeName } from '@ancrage/territory';
import {
  Access,
  ApiCommand,
  ApiView,
  CachedView,
  Clock,
  CLOCK,
  CommandContext,
  commandResponse,
  cutOf,
  endOfDay,
  ReadConsistency,
  exportFile,
  wantsFile,
} from '@ancrage/platform';
import { AllocateEnvelope } from '../commands/allocate-envelope.command';
import { ChangeFund } from '../commands/change-fund.command';
import { CorrectPayment } from '../commands/correct-payment.command';
import { FundCommitmentRow, FundEnvelopeRow, FundMonthRow, FundRequestRow } from '../read-models/fund.entities';
import { fundConsumption } from '../read-models/fund-consumption.projection';
import { forecast, monthlySeries } from '../read-models/fund-report';
import { rollup, rollupTable } from '../read-models/fund-rollup';
import {
  AdjustEnvelopeDto,
  AllocateEnvelopeDto,
  AuthoriseOverCommitmentDto,
  CommitExpenditureDto,
  CommitmentPathParams,
  CorrectPaymentDto,
  FundPathParams,
  PaymentPathParams,
  FundQueryDto,
  CloseFundDto,
  ReleaseDto,
  RecordPaymentDto,
  RefuseOverCommitmentDto,
  RequestOverCommitmentDto,
  RequestPathParams,
  RequestsQueryDto,
  RollupQueryDto,
} from './dto/fund.dto';
import {
  CommitmentRecordedView,
  FundCommitmentPage,
  FundConsumptionView,
  FundRollupView,
  OverCommitmentRequestPage,
  RequestRecordedView,
} from './dto/fund.views';
import { shareOf } from '@ancrage/shared-kernel';

@ApiTags('fund (5%)')
@Controller()
export class FundController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ApiCommand({
    summary: "Allocate the year's envelope (admin, or the region's director)",
    conflict: 'ENVELOPE_EXISTS: already allocated (adjust it instead)',
  })
  @Post('agencies/:safir/fund/:year/envelope')
  @Access('fund.allocate')
  async allocate(@Param() p: FundPathParams, @Body() body: AllocateEnvelopeDto, @Actor() ctx: CommandContext) {
    return commandResponse(await this.commands.execute(new AllocateEnvelope(p.safir, p.year, body.amountCents, ctx, body.allocatedOn)));
  }

  @ApiCommand({
    summary: 'Adjust the envelope up or down, with a reason',
    rule: 'NEGATIVE_ENVELOPE, BELOW_COMMITTED, DATE_OUTSIDE_FUND_YEAR, FUTURE_DATE',
  })
  @Post('agencies/:safir/fund/:year/envelope/adjustments')
  @Access('fund.allocate')
  async adjust(@Param() p: FundPathParams, @Body() body: AdjustEnvelopeDto, @Actor() ctx: CommandContext) {
    return commandResponse(
      await this.commands.execute(
        new ChangeFund(
          p.safir,
          p.year,
          { kind: 'adjust', deltaCents: body.deltaCents, reason: body.reason, adjustedOn: body.adjustedOn },
          ctx,
        ),
      ),
    );
  }

  @ApiCommand({
    summary: 'Commit an expenditure; refused (422) beyond the envelope and any authorised over-commitment',
    response: CommitmentRecordedView,
    conflict: 'COMMITMENT_EXISTS',
    rule: 'ENVELOPE_EXCEEDED, NO_ENVELOPE, YEAR_CLOSED, MOBILITY_DETAILS_REQUIRED, FUTURE_DATE (committedOn after today), DATE_OUTSIDE_FUND_YEAR, DATE_BEFORE_ENVELOPE…',
  })
  @Post('agencies/:safir/fund/:year/commitments')
  @Access('agency.write')
  async commit(
    @Param() p: FundPathParams,
    @Body() body: CommitExpenditureDto,
    @Actor() ctx: CommandContext,
  ): Promise<CommitmentRecordedView> {
    const change = {
      kind: 'commit' as const,
      commitmentId: body.commitmentId,
      category: body.category,
      route: body.route,
      amountCents: body.amountCents,
      beneficiaryPartnerId: body.beneficiaryPartnerId ?? null,
      planActionId: body.planActionId ?? null,
      rationale: body.rationale,
      mobility: body.mobility
        ? { relaxedCriterion: body.mobility.relaxedCriterion, leavesEmploymentBasin: body.mobility.leavesEmploymentBasin }
        : null,
      committedOn: body.committedOn,
    };
    return commandResponse(await this.commands.execute(new ChangeFund(p.safir, p.year, change, ctx)), { commitmentId: body.commitmentId });
  }

  @ApiCommand({
    summary: "Ask the region's director for an over-commitment: room beyond the envelope, with a reason",
    response: RequestRecordedView,
    conflict: 'REQUEST_EXISTS',
    rule: 'NO_ENVELOPE, YEAR_CLOSED, DATE_OUTSIDE_FUND_YEAR, DATE_BEFORE_ENVELOPE, FUTURE_DATE',
  })
  @Post('agencies/:safir/fund/:year/over-commitment-requests')
  @Access('agency.write')
  async request(
    @Param() p: FundPathParams,
    @Body() body: RequestOverCommitmentDto,
    @Actor() ctx: CommandContext,
  ): Promise<RequestRecordedView> {
    const change = {
      kind: 'request-over-commitment' as const,
      requestId: body.requestId,
      amountCents: body.amountCents,
      reason: body.reason,
      requestedOn: body.requestedOn,
    };
    return commandResponse(await this.commands.execute(new ChangeFund(p.safir, p.year, change, ctx)), { requestId: body.requestId });
  }

  @ApiCommand({
    summary: 'Refuse a pending over-commitment request, with a reason (the region’s director)',
    conflict: 'REQUEST_ANSWERED',
    notFound: 'REQUEST_NOT_FOUND',
  })
  @Post('agencies/:safir/fund/:year/over-commitment-requests/:requestId/refusal')
  @Access('fund.authorise')
  async refuse(@Param() p: RequestPathParams, @Body() body: RefuseOverCommitmentDto, @Actor() ctx: CommandContext) {
    return commandResponse(
      await this.commands.execute(
        new ChangeFund(
          p.safir,
          p.year,
          { kind: 'refuse-over-commitment', requestId: p.requestId, reason: body.reason, refusedOn: body.refusedOn },
          ctx,
        ),
      ),
    );
  }

  @ApiCommand({
    summary:
      "Authorise committing beyond the envelope (the region's director; the authoriser is recorded), answering a pending request when `requestId` names one (at most the amount asked)",
    conflict: 'REQUEST_ANSWERED',
    rule: 'AUTHORISED_EXCEEDS_REQUEST, FUTURE_DATE, DATE_OUTSIDE_FUND_YEAR, DATE_BEFORE_REQUEST',
    notFound: 'REQUEST_NOT_FOUND',
  })
  @Post('agencies/:safir/fund/:year/over-commitment-authorisations')
  @Access('fund.authorise')
  async authorise(@Param() p: FundPathParams, @Body() body: AuthoriseOverCommitmentDto, @Actor() ctx: CommandContext) {
    return commandResponse(
      await this.commands.execute(
        new ChangeFund(
          p.safir,
          p.year,
          {
            kind: 'authorise-over-commitment',
            amountCents: body.amountCents,
            reason: body.reason,
            requestId: body.requestId,
            authorisedOn: body.authorisedOn,
          },
          ctx,
        ),
      ),
    );
  }

  @ApiCommand({
    summary: 'Record a payment (partial payments allowed; never above the commitment)',
    rule: 'PAYMENT_EXCEEDS_COMMITMENT, PAYMENT_BEFORE_COMMITMENT, FUTURE_DATE (paidOn after today), YEAR_CLOSED…',
    notFound: 'COMMITMENT_NOT_FOUND',
  })
  @Post('agencies/:safir/fund/:year/commitments/:commitmentId/payments')
  @Access('agency.write')
  async pay(@Param() p: CommitmentPathParams, @Body() body: RecordPaymentDto, @Actor() ctx: CommandContext) {
    const change = {
      kind: 'pay' as const,
      commitmentId: p.commitmentId,
      paymentId: body.paymentId,
      amountCents: body.amountCents,
      paidOn: body.paidOn,
    };
    return commandResponse(await this.commands.execute(new ChangeFund(p.safir, p.year, change, ctx)));
  }

  @ApiCommand({
    summary:
      'Correct a payment recorded in error: a compensating event names the original, which stays in the history; it holds from the payment’s date (as known before the correction, the payment reads as first recorded)',
  })
  @Post('agencies/:safir/fund/:year/commitments/:commitmentId/payments/:paymentId/corrections')
  @Access('agency.write')
  async correct(@Param() p: PaymentPathParams, @Body() body: CorrectPaymentDto, @Actor() ctx: CommandContext) {
    return commandResponse(
      await this.commands.execute(new CorrectPayment(p.safir, p.year, p.commitmentId, p.paymentId, body.correctedCents, body.reason, ctx)),
    );
  }

  @ApiCommand({
    summary: 'Cancel a commitment, or release its unpaid part',
    rule: 'NOTHING_TO_RELEASE, DATE_BEFORE_COMMITMENT, FUTURE_DATE',
    notFound: 'COMMITMENT_NOT_FOUND',
  })
  @Post('agencies/:safir/fund/:year/commitments/:commitmentId/release')
  @Access('agency.write')
  async release(@Param() p: CommitmentPathParams, @Body() body: ReleaseDto, @Actor() ctx: CommandContext) {
    return commandResponse(
      await this.commands.execute(
        new ChangeFund(
          p.safir,
          p.year,
          { kind: 'release', commitmentId: p.commitmentId, reason: body.reason, releasedOn: body.releasedOn },
          ctx,
        ),
      ),
    );
  }

  @ApiCommand({ summary: 'Close the fund year: nothing more can be committed, paid or adjusted' })
  @Post('agencies/:safir/fund/:year/close')
  @Access('fund.allocate')
  async close(@Param() p: FundPathParams, @Body() body: CloseFundDto, @Actor() ctx: CommandContext) {
    return commandResponse(
      await this.commands.execute(new ChangeFund(p.safir, p.year, { kind: 'close', reason: body.reason, closedOn: body.closedOn }, ctx)),
    );
  }

  @ApiView({
    summary: 'Consumption: envelope, committed, paid, remaining, by category and route, month by month, and the exhaustion forecast',
    description: 'asOf: what had happened by that date; knownAt: what had been recorded by that time; both combine.',
    response: FundConsumptionView,
    notFound: 'NO_ENVELOPE: no envelope for that agency and year (at that date)',
  })
  @Get('agencies/:safir/fund/:year')
  @CachedView()
  @Access('agency.read')
  async consumption(@Param() p: FundPathParams, @Query() q: FundQueryDto): Promise<FundConsumptionView> {
    await this.consistency.waitFor(q.consistentWith, [fundConsumption.name]);
    const cut = cutOf(q);
    const [envelope, months] = await Promise.all([
      this.reads.findOne(FundEnvelopeRow, cut, { safir: p.safir, year: p.year }),
      this.reads.find(FundMonthRow, cut, { safir: p.safir, year: p.year }),
    ]);
    if (!envelope)
      throw new NotFoundException({
        code: 'NO_ENVELOPE',
        message: `no ${p.year} envelope for agency ${p.safir}${q.asOf || q.knownAt ? ' at that date' : ''}`,
      });
    const reference = q.asOf ? new Date(endOfDay(q.asOf)!) : this.clock();
    return {
      ...envelope,
      remainingCents: envelope.envelopeCents - envelope.committedCents,
      headroomCents: envelope.envelopeCents + envelope.authorisedOverCents - envelope.committedCents,
      mobilityShare: share(envelope.mobilityCents, envelope.committedCents),
      mobilityLeavingBasinShare: share(envelope.mobilityLeavingBasinCents, envelope.committedCents),
      months: monthlySeries(p.year, months),
      forecast: forecast(envelope, reference),
      asOf: q.asOf ?? null,
      knownAt: q.knownAt ?? null,
    };
  }

  @ApiView({
    summary: 'Commitments of the fund year with what is paid and released, newest first, paginated',
    response: FundCommitmentPage,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/fund/:year/commitments')
  @CachedView()
  @Access('agency.read')
  async listCommitments(@Param() p: FundPathParams, @Query() q: FundQueryDto): Promise<FundCommitmentPage> {
    await this.consistency.waitFor(q.consistentWith, [fundConsumption.name]);
    const where = { safir: p.safir, year: p.year };
    const { items, total } = await this.reads.page(FundCommitmentRow, cutOf(q), where, {
      order: { committedAt: 'DESC' },
      limit: q.limit,
      offset: q.offset,
    });
    return { items, total, limit: q.limit, offset: q.offset };
  }

  @ApiView({
    summary: "Over-commitment requests of an agency's fund year, newest first",
    response: OverCommitmentRequestPage,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('agencies/:safir/fund/:year/over-commitment-requests')
  @CachedView()
  @Access('agency.read')
  async agencyRequests(@Param() p: FundPathParams, @Query() q: FundQueryDto): Promise<OverCommitmentRequestPage> {
    return this.requestPage(q, { safir: p.safir, year: p.year });
  }

  @ApiView({
    summary: "Over-commitment requests of a region (or the country): the directors' inbox, filtered by year and status, newest first",
    response: OverCommitmentRequestPage,
  })
  @Get('fund/over-commitment-requests')
  @CachedView()
  @Access('region.read')
  async regionRequests(@Query() q: RequestsQueryDto): Promise<OverCommitmentRequestPage> {
    return this.requestPage(q, { region: q.region, year: q.year, status: q.status });
  }

  private async requestPage(
    q: FundQueryDto,
    filter: { safir?: string; region?: string; year?: number; status?: string },
  ): Promise<OverCommitmentRequestPage> {
    await this.consistency.waitFor(q.consistentWith, [fundConsumption.name]);
    const { items, total } = await this.reads.page(FundRequestRow, cutOf(q), filter, {
      order: { requestedAt: 'DESC' },
      limit: q.limit,
      offset: q.offset,
    });
    return { items, total, limit: q.limit, offset: q.offset };
  }

  @ApiView({
    summary:
      "Directors' roll-up of a region (or the country): per agency and in total, with mobility shares; CSV or XLSX with format=csv|xlsx",
    response: FundRollupView,
    file: true,
  })
  @Get('fund/rollup')
  @CachedView()
  @Access('region.read')
  async rollup(
    @Query() q: RollupQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FundRollupView | string | StreamableFile> {
    await this.consistency.waitFor(q.consistentWith, [fundConsumption.name]);
    const rows = await this.reads.find(
      FundEnvelopeRow,
      cutOf(q),
      { year: q.year, region: q.region },
      { order: { region: 'ASC', safir: 'ASC' } },
    );
    const report = rollup(q.year, q.region ?? null, rows, q.asOf ? new Date(endOfDay(q.asOf)!) : this.clock());
    if (wantsFile(q)) {
      const name = `fund-rollup-${q.year}${q.region ? `-${q.region}` : ''}`;
      return exportFile(req, res, q, name, rollupTable(report, scopeName(q.region)), this.clock());
    }
    return report;
  }
}

const share = (part: number, whole: number) => shareOf(part, whole) ?? 0;
