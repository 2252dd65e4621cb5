import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, NotEquals, ValidateNested } from 'class-validator';
import {
  AsOfQueryDto,
  CsvLocale,
  CsvLocaleProperty,
  ExportFormat,
  ExportFormatProperty,
  IsCalendarDate,
  FactDate,
} from '@ancrage/platform';
import {
  EXPENDITURE_CATEGORIES,
  ExpenditureCategory,
  FUNDING_ROUTES,
  FundingRoute,
  RELAXED_CRITERIA,
  RelaxedCriterion,
} from '../../domain/fund.events';

const MAX_CENTS = 1_000_000_000_00; // a billion euros: far above any 5% envelope

export class FundPathParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
  @ApiProperty({ example: 2018 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class CommitmentPathParams extends FundPathParams {
  @ApiProperty() @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'commitmentId must be 1-64 letters, digits, - or _' }) commitmentId: string;
}

export class AllocateEnvelopeDto {
  @ApiProperty({ example: 120_000_00, description: 'euro cents, positive integer' })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1)
  @Max(MAX_CENTS)
  amountCents: number;

  @ApiPropertyOptional({
    example: '2018-01-02',
    description: 'when the envelope was notified: from 1 January of the year before to the end of the fund year (default: now)',
  })
  @IsOptional()
  @IsCalendarDate()
  allocatedOn?: string;
}

export class AdjustEnvelopeDto {
  @ApiProperty({ example: -10_000_00, description: 'euro cents, up or down, not zero' })
  @IsInt({ message: 'deltaCents must be a whole number of cents' })
  @NotEquals(0)
  @Min(-MAX_CENTS)
  @Max(MAX_CENTS)
  deltaCents: number;

  @ApiProperty({ example: 'redéploiement régional' }) @IsString() @Length(1, 500) reason: string;
  @FactDate('the day of the adjustment: within the fund year') adjustedOn?: string;
}

export class MobilityDto {
  @ApiProperty({ enum: RELAXED_CRITERIA }) @IsIn(RELAXED_CRITERIA) relaxedCriterion: RelaxedCriterion;
  @ApiProperty({ description: 'the move takes the person out of the employment basin' }) @IsBoolean() leavesEmploymentBasin: boolean;
}

export class CommitExpenditureDto {
  @ApiProperty({ example: 'c-2018-014', description: 'your reference for the commitment' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'commitmentId must be 1-64 letters, digits, - or _' })
  commitmentId: string;

  @ApiProperty({ enum: EXPENDITURE_CATEGORIES }) @IsIn(EXPENDITURE_CATEGORIES) category: ExpenditureCategory;
  @ApiProperty({ enum: FUNDING_ROUTES }) @IsIn(FUNDING_ROUTES) route: FundingRoute;

  @ApiProperty({ example: 4_500_00, description: 'euro cents, positive integer' })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1)
  @Max(MAX_CENTS)
  amountCents: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) beneficiaryPartnerId?: string;
  @ApiPropertyOptional({ description: 'the action-plan action it serves' }) @IsOptional() @IsString() @Length(1, 100) planActionId?: string;
  @ApiProperty({ example: 'aides au permis pour saisonniers' }) @IsString() @Length(1, 2000) rationale: string;

  @ApiPropertyOptional({ type: MobilityDto, description: 'required for DEROGATORY_MOBILITY_AID, refused otherwise' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MobilityDto)
  mobility?: MobilityDto;

  @ApiPropertyOptional({ example: '2018-03-14', description: 'date of the commitment, within the fund year (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  committedOn?: string;
}

const REF = /^[A-Za-z0-9_-]{1,64}$/;

export class AuthoriseOverCommitmentDto {
  @ApiProperty({ example: 5_000_00 })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1)
  @Max(MAX_CENTS)
  amountCents: number;
  @ApiProperty({ example: 'afflux de saisonniers' }) @IsString() @Length(1, 1000) reason: string;
  @ApiPropertyOptional({ example: 'r-2018-02', description: 'the pending request it answers, if any' })
  @IsOptional()
  @Matches(REF, { message: 'requestId must be 1-64 letters, digits, - or _' })
  requestId?: string;
  @ApiPropertyOptional({ example: '2018-02-22', description: 'when it was authorised (default: now)' })
  @IsOptional()
  @IsCalendarDate()
  authorisedOn?: string;
}

export class RequestOverCommitmentDto {
  @ApiProperty({ example: 'r-2018-02', description: 'your reference for the request' })
  @Matches(REF, { message: 'requestId must be 1-64 letters, digits, - or _' })
  requestId: string;
  @ApiProperty({ example: 3_000_00, description: 'euro cents asked beyond the envelope' })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1)
  @Max(MAX_CENTS)
  amountCents: number;
  @ApiProperty({ example: 'afflux de saisonniers : aides au permis' }) @IsString() @Length(1, 1000) reason: string;
  @ApiPropertyOptional({ example: '2018-02-20', description: 'when it was asked (default: now)' })
  @IsOptional()
  @IsCalendarDate()
  requestedOn?: string;
}

export class RefuseOverCommitmentDto {
  @ApiProperty({ example: 'enveloppe régionale épuisée' }) @IsString() @Length(1, 1000) reason: string;
  @ApiPropertyOptional({ example: '2018-02-22', description: 'when it was refused (default: now)' })
  @IsOptional()
  @IsCalendarDate()
  refusedOn?: string;
}

export class RequestPathParams extends FundPathParams {
  @ApiProperty({ example: 'r-2018-02' }) @Matches(REF, { message: 'requestId must be 1-64 letters, digits, - or _' }) requestId: string;
}

export class RequestsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: 2018, description: 'a fund year; every year when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ example: '32', description: 'a region; national when absent' }) @IsOptional() @Matches(/^\d{2}$/) region?: string;
  @ApiPropertyOptional({ enum: ['PENDING', 'AUTHORISED', 'REFUSED'] }) @IsOptional() @IsIn(['PENDING', 'AUTHORISED', 'REFUSED']) status?:
    'PENDING' | 'AUTHORISED' | 'REFUSED';
}

export class RecordPaymentDto {
  @ApiProperty({ example: 'p-001' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'paymentId must be 1-64 letters, digits, - or _' })
  paymentId: string;
  @ApiProperty({ example: 1_500_00 })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1)
  @Max(MAX_CENTS)
  amountCents: number;
  @ApiPropertyOptional({ example: '2018-04-02' }) @IsOptional() @IsCalendarDate() paidOn?: string;
}

export class PaymentPathParams extends CommitmentPathParams {
  @ApiProperty() @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'paymentId must be 1-64 letters, digits, - or _' }) paymentId: string;
}

export class CorrectPaymentDto {
  @ApiProperty({ example: 1_200_00, description: 'what the payment should have been, in cents (0 cancels it)' })
  @IsInt({ message: 'correctedCents must be a whole number of cents' })
  @Min(0)
  @Max(MAX_CENTS)
  correctedCents: number;

  @ApiProperty({ example: 'montant saisi deux fois' }) @IsString() @Length(1, 1000) reason: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class ReleaseDto extends ReasonDto {
  @FactDate('the day the commitment was cancelled or its unpaid part released: not before the commitment') releasedOn?: string;
}

export class CloseFundDto extends ReasonDto {
  @FactDate('the day the fund year was closed') closedOn?: string;
}

export class FundQueryDto extends AsOfQueryDto {}

export class RollupQueryDto extends AsOfQueryDto {
  @ApiProperty({ example: 2018 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: '32', description: 'a region; national when absent' }) @IsOptional() @Matches(/^\d{2}$/) region?: string;
  @ExportFormatProperty() format?: ExportFormat;
  @CsvLocaleProperty() locale?: CsvLocale;
}
