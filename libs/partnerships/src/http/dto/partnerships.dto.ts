import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
  registerDecorator,
} from 'class-validator';
import { AsOfQueryDto, BooleanQuery, FactDate, IsCalendarDate, CLIENT_ID, IsClientId, SafirParam } from '@ancrage/platform';
import { SERVICE_OFFER, ServiceOffer } from '@ancrage/shared-kernel';
import { PARTNER_CATEGORIES, PartnerCategory, Scale, SCALES, validSiret } from '../../domain/categories';
import {
  AGREEMENT_OBJECTIVES,
  AgreementObjective,
  CONTACT_KINDS,
  ContactKind,
  EXPECTATIONS,
  Expectation,
  JOINT_EVENT_KINDS,
  JointEventKind,
  PUBLICS,
} from '../../domain/partnerships.events';

/** A SIRET the register accepts: 14 digits and the domain's key check (Luhn; La Poste's digit sum). */
function IsSiret(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSiret',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'siret must be 14 digits passing the Luhn check (La Poste: digit sum divisible by 5)', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && validSiret(value) },
    });
}

/** The service offer a joint event or an agreement mobilises, from the shared kernel's one list. */
const ServicesMobilised = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: SERVICE_OFFER,
      isArray: true,
      description: 'the service offer it mobilises (MRS, PMSMP, POE…); none by default',
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(SERVICE_OFFER.length),
    IsIn(SERVICE_OFFER, { each: true }),
  );

export class PartnerParam {
  @ApiProperty({ example: 'ml-berck' }) @IsClientId('partnerId') partnerId: string;
}
export class PartnershipParams extends SafirParam {
  @ApiProperty({ example: 'ml-berck' }) @IsClientId('partnerId') partnerId: string;
}
export class AgreementParams extends PartnershipParams {
  @ApiProperty() @IsClientId('agreementId') agreementId: string;
}
export class ExpectationParams extends PartnershipParams {
  @ApiProperty() @IsClientId('expectationId') expectationId: string;
}
export class JointEventParams extends SafirParam {
  @ApiProperty() @IsClientId('jointEventId') jointEventId: string;
}

export class RegisterPartnerDto {
  @ApiProperty({ example: 'ml-berck' }) @IsClientId('partnerId') partnerId: string;
  @ApiProperty({ example: 'Mission locale du Montreuillois' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: PARTNER_CATEGORIES }) @IsIn(PARTNER_CATEGORIES) category: PartnerCategory;
  @ApiPropertyOptional({ example: 'ETTI', description: 'SIAE kind (ACI, AI, EI, ETTI, EITI), training body kind…' })
  @IsOptional()
  @IsString()
  subkind?: string;
  @ApiPropertyOptional({ example: '73282932000074', description: '14 digits, Luhn (La Poste: digit sum mod 5)' })
  @IsOptional()
  @Matches(/^\d{14}$/, { message: 'siret must be 14 digits' })
  @IsSiret()
  siret?: string;
  @ApiProperty({ enum: SCALES }) @IsIn(SCALES) scale: Scale;
  @ApiPropertyOptional({ description: 'the national network this partner is a branch of' })
  @IsOptional()
  @IsClientId('parentPartnerId')
  parentPartnerId?: string;
  @FactDate('the day the partner entered the register') registeredOn?: string;
}

/** A partial update: only the fields sent change; `siret: null` removes the SIRET. */
export class UpdatePartnerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: SCALES }) @IsOptional() @IsIn(SCALES) scale?: Scale;
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    example: '73282932000074',
    description: '14 digits and the key check; null removes it',
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @Matches(/^\d{14}$/, { message: 'siret must be 14 digits' })
  @IsSiret()
  siret?: string | null;
  @FactDate('the day the change took effect: not before the registration') updatedOn?: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class ClosePartnerDto extends ReasonDto {
  @FactDate('the day the partner closed: not before the registration') closedOn?: string;
}

export class CancelJointEventDto extends ReasonDto {
  @FactDate('the day the event was cancelled: not before it was planned') cancelledOn?: string;
}

export class SignAgreementDto {
  @ApiProperty({ example: 'conv-2016-cap' }) @IsClientId('agreementId') agreementId: string;
  @ApiProperty({ example: 'CONV-2016-12' }) @IsString() @Length(1, 100) reference: string;
  @ApiProperty({ enum: SCALES }) @IsIn(SCALES) scale: Scale;
  @ApiProperty({ description: 'a signed convention (true) or an informal arrangement' }) @IsBoolean() formal: boolean;
  @ApiProperty({ enum: AGREEMENT_OBJECTIVES, isArray: true })
  @ArrayMaxSize(5)
  @IsIn(AGREEMENT_OBJECTIVES, { each: true })
  objectives: AgreementObjective[];
  @ApiProperty({ example: '2016-01-01' }) @IsCalendarDate() startDate: string;
  @ApiPropertyOptional({ example: '2018-12-31' }) @IsOptional() @IsCalendarDate() endDate?: string;
  @ServicesMobilised() services?: ServiceOffer[];
  @FactDate('the day the agreement was signed') signedOn?: string;
}

export class AmendAgreementDto {
  @ApiProperty() @IsString() @Length(1, 1000) note: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() endDate?: string;
  @FactDate('the day of the amendment: not before the signature') amendedOn?: string;
}

export class RenewAgreementDto {
  @ApiProperty({ example: '2021-12-31' }) @IsCalendarDate() endDate: string;
  @FactDate('the day of the renewal: not before the signature') renewedOn?: string;
}

export class TerminateAgreementDto {
  @ApiProperty({ description: 'the day the termination takes effect (notice may put it ahead)' }) @IsCalendarDate() terminatedOn: string;
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
}

export class AssignCircleDto {
  @ApiProperty({ enum: [1, 2, 3] }) @IsIn([1, 2, 3]) circle: 1 | 2 | 3;
  @ApiPropertyOptional({ description: 'required when the circle differs from the category default' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
  @FactDate('the day the circle was set') assignedOn?: string;
}

export class LogContactDto {
  @ApiProperty({ enum: CONTACT_KINDS }) @IsIn(CONTACT_KINDS) kind: ContactKind;
  @ApiProperty({ example: '2018-03-14' }) @IsCalendarDate() date: string;
  @ApiPropertyOptional({ type: [String], example: ['directrice adjointe', 'référente ML'] })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  participants?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) note?: string;
}

export class RecordExpectationDto {
  @ApiProperty() @IsClientId('expectationId') expectationId: string;
  @ApiProperty({ enum: EXPECTATIONS }) @IsIn(EXPECTATIONS) expectation: Expectation;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) note?: string;
  @FactDate('the day the partner expressed it') recordedOn?: string;
}

export class NoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) note?: string;
  @FactDate('the day it was addressed: not before it was recorded') addressedOn?: string;
}

export class QualityCriteriaDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() mutualKnowledge?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() namedReferents?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() jointActions?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dataSharing?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() communication?: boolean;
}

export class AssessQualityDto {
  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4) score: 1 | 2 | 3 | 4;
  @ApiProperty() @IsCalendarDate() assessedOn: string;
  @ApiPropertyOptional({ type: QualityCriteriaDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QualityCriteriaDto)
  criteria?: QualityCriteriaDto;
}

export class PlanJointEventDto {
  @ApiProperty({ example: 'jd-2018-04' }) @IsClientId('jointEventId') jointEventId: string;
  @ApiProperty({ enum: JOINT_EVENT_KINDS }) @IsIn(JOINT_EVENT_KINDS) kind: JointEventKind;
  @ApiProperty({ example: '2018-04-12' }) @IsCalendarDate() date: string;
  @ApiProperty({ example: 'Job dating saisonniers' }) @IsString() @Length(1, 200) title: string;
  @ApiProperty({ type: [String] })
  @ArrayMaxSize(50)
  @Matches(CLIENT_ID, { each: true, message: 'each partnerId must be a partner id' })
  partnerIds: string[];
  @ApiProperty({ enum: PUBLICS, isArray: true }) @ArrayMaxSize(20) @IsIn(PUBLICS, { each: true }) publics: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) planActionId?: string;
  @ServicesMobilised() services?: ServiceOffer[];
  @FactDate('the day the event was decided (its own date is `date`, which may be ahead)') plannedOn?: string;
}

export class OutcomesDto {
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) jobSeekersPresent: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) employersPresent: number;
  @ApiProperty({ example: 18 }) @IsInt() @Min(0) @Max(1_000_000) candidatesPresented: number;
  @ApiProperty({ example: 12 }) @IsInt() @Min(0) @Max(1_000_000) hires: number;
}

export class HoldJointEventDto {
  @ApiProperty({ type: OutcomesDto }) @IsDefined() @ValidateNested() @Type(() => OutcomesDto) outcomes: OutcomesDto;
}

export class DirectoryQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_CATEGORIES }) @IsOptional() @IsIn(PARTNER_CATEGORIES) category?: PartnerCategory;
  @ApiPropertyOptional({ enum: [1, 2, 3] }) @IsOptional() @Type(() => Number) @IsIn([1, 2, 3]) circle?: number;
  @ApiPropertyOptional() @IsOptional() @BooleanQuery() @IsBoolean() activeAgreement?: boolean;
}

export class PartnersQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_CATEGORIES }) @IsOptional() @IsIn(PARTNER_CATEGORIES) category?: PartnerCategory;
  @ApiPropertyOptional({ description: 'part of the name' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
}

export class QualityQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '2017-01' }) @IsOptional() @Matches(/^\d{4}-\d{2}$/) from?: string;
  @ApiPropertyOptional({ example: '2018-12' }) @IsOptional() @Matches(/^\d{4}-\d{2}$/) to?: string;
}

export class ExpiringQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ default: 60 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3650) days: number = 60;
}

export class RegionExpiringQueryDto extends ExpiringQueryDto {
  @ApiPropertyOptional({ example: '32', description: 'a region; the country when absent' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  region?: string;
}

export class CalendarQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() to?: string;
}

export class MatrixQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '32' }) @IsOptional() @Matches(/^\d{2}$/) region?: string;
}
