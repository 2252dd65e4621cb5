import { ApiProperty } from '@nestjs/swagger';
import { DateProperty, InstantProperty, PageOf } from '@ancrage/platform';
import { ALERT_KINDS } from '@ancrage/shared-kernel';

export class AlertView {
  @ApiProperty({ enum: ALERT_KINDS }) kind: string;
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ type: 'string', nullable: true, example: '32' }) region: string | null;
  @DateProperty({
    description:
      "the day that makes it an alert: the agreement's end, the envelope's forecast exhaustion, the action's due date, the day the expectation or request was recorded",
  })
  on: string;
  @ApiProperty({ type: 'string', nullable: true, description: "the partner's name or the action's title" }) subject: string | null;
  @ApiProperty({ description: 'partnerId, actionId or requestId; the year for an envelope' }) ref: string;
  @ApiProperty({ type: 'integer', nullable: true }) year: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: "the request's amount, or what is left of the envelope" })
  amountCents: number | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the expectation, as its code' }) code: string | null;
  @ApiProperty({ example: '/agence/62001/partenaires/ml-berck', description: 'where in the page it is acted on' }) path: string;
}

export class AlertCountsView {
  @ApiProperty({ type: 'integer' }) OVER_COMMITMENT_PENDING: number;
  @ApiProperty({ type: 'integer' }) AGREEMENT_EXPIRING: number;
  @ApiProperty({ type: 'integer' }) ENVELOPE_RUNNING_OUT: number;
  @ApiProperty({ type: 'integer' }) ACTION_LATE: number;
  @ApiProperty({ type: 'integer' }) EXPECTATION_OPEN: number;
}

export class AlertPage extends PageOf(AlertView) {
  @DateProperty({ description: 'the day alerts are judged on (asOf, or today in Paris)' }) on: string;
  @ApiProperty({ type: 'integer' }) agreementDays: number;
  @ApiProperty({ type: 'integer' }) expectationDays: number;
  @ApiProperty({ type: AlertCountsView, description: 'alerts of each kind (before the kind filter)' }) counts: AlertCountsView;
}

export class DigestRunView {
  @ApiProperty({ example: '2026-W50' }) period: string;
  @ApiProperty({ example: 'WEEKLY' }) cadence: string;
}

export class DeliveryView {
  @ApiProperty({ example: 'claire-martin' }) userId: string;
  @ApiProperty({ example: '2026-12-07' }) period: string;
  @ApiProperty({ enum: ['DAILY', 'WEEKLY'] }) cadence: string;
  @ApiProperty({
    enum: ['PENDING', 'SENT', 'EMPTY', 'NOT_DUE'],
    description: 'SENT: mailed; EMPTY: no alert, nothing sent; NOT_DUE: the user no longer takes this digest',
  })
  status: string;
  @ApiProperty({ type: 'string', nullable: true }) email: string | null;
  @ApiProperty({ type: 'integer' }) alertCount: number;
  @ApiProperty({ type: 'string', nullable: true }) messageId: string | null;
  @InstantProperty({ nullable: true }) decidedAt: string | null;
}

export class DeliveryPage extends PageOf(DeliveryView) {}
