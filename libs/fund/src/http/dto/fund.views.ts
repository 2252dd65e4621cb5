import { ApiProperty } from '@nestjs/swagger';
import {
  CentsProperty,
  CommandResponse,
  DateProperty,
  IntegerProperty,
  IntegersByKeyProperty,
  PageOf,
  PastReadView,
  ShareProperty,
} from '@ancrage/platform';
import { EXPENDITURE_CATEGORIES, FUNDING_ROUTES, RELAXED_CRITERIA } from '../../domain/fund.events';

export class CommitmentRecordedView extends CommandResponse {
  @ApiProperty({ example: 'c-2018-014' }) commitmentId: string;
}

export class FundMonthView {
  @ApiProperty({ example: '2018-03' }) month: string;
  @CentsProperty('envelope at the month end') envelopeCents: number;
  @CentsProperty('committed (net of releases) at the month end') committedCents: number;
  @CentsProperty('paid at the month end') paidCents: number;
  @CentsProperty('envelope minus committed at the month end') remainingCents: number;
  @CentsProperty('committed during the month') committedInMonthCents: number;
  @CentsProperty('paid during the month') paidInMonthCents: number;
  @IntegersByKeyProperty('cents committed during the month, by expenditure category') committedByCategory: Record<string, number>;
  @IntegersByKeyProperty('cents committed during the month, by funding route') committedByRoute: Record<string, number>;
}

export class FundForecastView {
  @ApiProperty({ description: 'how the forecast is computed, in words' }) formula: string;
  @DateProperty({ description: 'the date the pace is measured to' }) referenceDate: string;
  @IntegerProperty() daysElapsed: number;
  @CentsProperty('committed per day so far') burnRateCentsPerDay: number;
  @DateProperty({
    nullable: true,
    description: 'when the envelope runs out at this pace (null: nothing committed, or not within a hundred years)',
  })
  projectedExhaustionDate: string | null;
  @ApiProperty() exhaustedBeforeYearEnd: boolean;
  @ApiProperty({ type: 'string', nullable: true, description: 'set when the envelope runs out before 31 December' }) warning: string | null;
}

export class FundConsumptionView extends PastReadView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ example: '32' }) region: string;
  @CentsProperty('the envelope, with its adjustments') envelopeCents: number;
  @CentsProperty('over-commitment authorised by a director') authorisedOverCents: number;
  @CentsProperty('committed, net of releases') committedCents: number;
  @CentsProperty() paidCents: number;
  @CentsProperty() releasedCents: number;
  @CentsProperty('committed on derogatory mobility aids') mobilityCents: number;
  @CentsProperty('committed on mobility aids that take the person out of the basin') mobilityLeavingBasinCents: number;
  @IntegersByKeyProperty('cents committed by expenditure category') committedByCategory: Record<string, number>;
  @IntegersByKeyProperty('cents committed by funding route') committedByRoute: Record<string, number>;
  @IntegerProperty({ description: 'number of commitments' }) commitments: number;
  @ApiProperty() closed: boolean;
  @CentsProperty('envelope minus committed (negative only under an authorised over-commitment)') remainingCents: number;
  @CentsProperty('what can still be committed: envelope plus authorised over-commitment minus committed') headroomCents: number;
  @ShareProperty('mobility aids in the committed money') mobilityShare: number;
  @ShareProperty('mobility aids leaving the basin in the committed money') mobilityLeavingBasinShare: number;
  @ApiProperty({ type: [FundMonthView], description: 'January to December, cumulative' }) months: FundMonthView[];
  @ApiProperty({ type: FundForecastView }) forecast: FundForecastView;
}

export class MobilityView {
  @ApiProperty({ enum: RELAXED_CRITERIA }) relaxedCriterion: string;
  @ApiProperty() leavesEmploymentBasin: boolean;
}

export class FundPaymentView {
  @ApiProperty({ example: 'p-001' }) paymentId: string;
  @CentsProperty('current amount, after any correction') amountCents: number;
  @ApiProperty({ example: '2018-04-02T12:00:00.000Z', description: 'when it was paid (occurredAt)' }) paidAt: string;
  @CentsProperty('the amount first recorded, when a correction changed it (null: never corrected)', { nullable: true }) recordedCents:
    number | null;
}

export class FundCommitmentView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ example: 'c-2018-014' }) commitmentId: string;
  @ApiProperty({ enum: EXPENDITURE_CATEGORIES }) category: string;
  @ApiProperty({ enum: FUNDING_ROUTES }) route: string;
  @CentsProperty() amountCents: number;
  @CentsProperty() paidCents: number;
  @CentsProperty() releasedCents: number;
  @ApiProperty({ type: 'string', nullable: true }) beneficiaryPartnerId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) planActionId: string | null;
  @ApiProperty() rationale: string;
  @ApiProperty({ type: MobilityView, nullable: true }) mobility: MobilityView | null;
  @ApiProperty({ example: '2018-03-14', description: 'when it was committed (date, or instant when recorded without a date)' })
  committedAt: string;
  @ApiProperty({ description: 'the user who recorded it' }) recordedBy: string;
  @ApiProperty({ type: [FundPaymentView], description: 'its payments, oldest first' }) payments: FundPaymentView[];
}

export class FundCommitmentPage extends PageOf(FundCommitmentView) {}

export const REQUEST_STATUSES = ['PENDING', 'AUTHORISED', 'REFUSED'] as const;

export class RequestRecordedView extends CommandResponse {
  @ApiProperty({ example: 'r-2018-02' }) requestId: string;
}

/** An over-commitment request and its answer. */
export class OverCommitmentRequestView {
  @ApiProperty({ example: '62001' }) safir: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ example: 'r-2018-02' }) requestId: string;
  @ApiProperty({ example: '32' }) region: string;
  @CentsProperty('asked beyond the envelope') amountCents: number;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'the user who asked' }) requestedBy: string;
  @ApiProperty({ example: '2018-02-20T12:00:00.000Z', description: 'when it was asked (occurredAt)' }) requestedAt: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @CentsProperty('what the director authorised (null: not authorised)', { nullable: true }) authorisedCents: number | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the director who answered' }) answeredBy: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'when it was answered' }) answeredAt: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: "the director's reason" }) answer: string | null;
}

export class OverCommitmentRequestPage extends PageOf(OverCommitmentRequestView) {}

export class RollupLineView {
  @ApiProperty({ type: 'string', nullable: true, description: 'the agency (null on region and total lines)' }) safir: string | null;
  @ApiProperty({ type: 'string', nullable: true }) region: string | null;
  @CentsProperty() envelopeCents: number;
  @CentsProperty('committed, net of releases') committedCents: number;
  @CentsProperty() paidCents: number;
  @CentsProperty() remainingCents: number;
  @ShareProperty('committed of the envelope') consumptionRate: number;
  @CentsProperty() mobilityCents: number;
  @ShareProperty('mobility aids in the committed money') mobilityShare: number;
  @CentsProperty() mobilityLeavingBasinCents: number;
  @ShareProperty('mobility aids leaving the basin in the committed money') mobilityLeavingBasinShare: number;
  @CentsProperty('over-commitment authorised by directors') authorisedOverCents: number;
  @IntegerProperty({ description: 'agencies counted' }) agencies: number;
  @DateProperty({
    nullable: true,
    description: "agency lines: when the envelope runs out at the year's pace so far (null: nothing committed, or a region or total line)",
  })
  projectedExhaustionDate: string | null;
  @ApiProperty({ description: 'agency lines: the envelope runs out before 31 December at this pace' }) exhaustedBeforeYearEnd: boolean;
}

export class RollupScopeView {
  @ApiProperty({ required: false, example: '32' }) region?: string;
  @ApiProperty({ required: false }) national?: boolean;
}

export class FundRollupView {
  @IntegerProperty({ example: 2018 }) year: number;
  @ApiProperty({ type: RollupScopeView }) scope: RollupScopeView;
  @ApiProperty({ type: RollupLineView }) total: RollupLineView;
  @ApiProperty({ type: [RollupLineView] }) regions: RollupLineView[];
  @ApiProperty({ type: [RollupLineView] }) agencies: RollupLineView[];
}
