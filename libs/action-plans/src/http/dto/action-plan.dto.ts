import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  ArrayMinSize,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AsOfQueryDto,
  CsvLocale,
  CsvLocaleProperty,
  ExportFormat,
  ExportFormatProperty,
  FactDate,
  IsCalendarDate,
  CLIENT_ID,
  IsClientId,
} from '@ancrage/platform';
import { PATHWAY_MEASURES, PathwayMeasure, SERVICE_OFFER, ServiceOffer } from '@ancrage/shared-kernel';
import { ACTION_STATUSES, ActionStatus, Lever, LEVERS, OPEN_ACTION_DECISIONS, OpenActionDecision } from '../../domain/action-plan.events';

export class PlanParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
  @ApiProperty({ example: 2018 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}
export class ActionParams extends PlanParams {
  @ApiProperty() @IsClientId('actionId') actionId: string;
}

export class DraftPlanDto {
  @ApiProperty({ example: 2018, description: 'year of the published diagnostic it answers' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  diagnosticYear: number;
  @FactDate('the day the plan was drafted: from 1 January of the year before the plan to its end') draftedOn?: string;
}

export class AddPriorityDto {
  @ApiProperty({ example: 'p-seniors' }) @IsClientId('priorityId') priorityId: string;
  @ApiProperty({ example: 'Retour à l’emploi des seniors' }) @IsString() @Length(1, 300) title: string;
  @ApiProperty({ type: [String], example: ['f-seniors'] })
  @ArrayMinSize(1, { message: 'findingIds must cite at least one finding' })
  @ArrayMaxSize(20)
  @Matches(CLIENT_ID, { each: true, message: 'each findingId must be a finding id' })
  findingIds: string[];
  @FactDate('the day the priority was set: not before the draft') addedOn?: string;
}

export class IndicatorDto {
  @ApiProperty({ example: 'seniors accompagnés' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'personnes' }) @IsString() @Length(1, 40) unit: string;
  @ApiProperty({ example: 0 }) @IsNumber({ allowNaN: false, allowInfinity: false }) baseline: number;
  @ApiProperty({ example: 60 }) @IsNumber({ allowNaN: false, allowInfinity: false }) target: number;
}

export class AddActionDto {
  @ApiProperty({ example: 'a-parcours-seniors' }) @IsClientId('actionId') actionId: string;
  @ApiProperty() @IsClientId('priorityId') priorityId: string;
  @ApiProperty({ example: 'Parcours d’accompagnement seniors' }) @IsString() @Length(1, 300) title: string;
  @ApiProperty({ enum: LEVERS }) @IsIn(LEVERS) lever: Lever;
  @ApiProperty({ example: 'équipe accompagnement' }) @IsString() @Length(1, 200) owner: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(CLIENT_ID, { each: true, message: 'each partnerId must be a partner id' })
  partnerIds?: string[];
  @ApiPropertyOptional({
    enum: SERVICE_OFFER,
    isArray: true,
    description: 'the service offer it mobilises (AIF, POE, PMSMP…); none by default',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SERVICE_OFFER.length)
  @IsIn(SERVICE_OFFER, { each: true })
  services?: ServiceOffer[];
  @ApiProperty({ example: '2018-02-01' }) @IsCalendarDate() startDate: string;
  @ApiProperty({ example: '2018-12-31' }) @IsCalendarDate() dueDate: string;
  @ApiPropertyOptional({ description: 'required when the due date falls outside the plan year' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  dueDateReason?: string;
  @ApiProperty({ type: IndicatorDto }) @IsDefined() @ValidateNested() @Type(() => IndicatorDto) indicator: IndicatorDto;
  @FactDate('the day the action was added to the plan: not before the draft') addedOn?: string;
}

export class DateDto {
  @ApiProperty({ example: '2018-02-15', description: 'the day it happened: not before the draft, never after today' })
  @IsCalendarDate()
  date: string;
}

export class CloseDto extends DateDto {
  @ApiPropertyOptional({
    enum: OPEN_ACTION_DECISIONS,
    description:
      'what becomes of actions that are not done or abandoned: ABANDONED, or CARRIED_OVER to next year; required when there are any',
  })
  @IsOptional()
  @IsIn(OPEN_ACTION_DECISIONS)
  openActions?: OpenActionDecision;
}

export class ProgressDto {
  @ApiProperty({ example: 24 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value: number;
  @ApiProperty({ example: '2018-06-30', description: 'the day the value was measured: within the plan year, never after today' })
  @IsCalendarDate()
  on: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

export class MeasureDto {
  @ApiProperty({
    example: 'parcours-senior',
    description: 'a pathway of the agency, whose cohorts started in the plan year give the values',
  })
  @IsClientId('pathwayId')
  pathwayId: string;
  @ApiProperty({
    enum: PATHWAY_MEASURES,
    description: 'REACH: people who entered; EMPLOYMENT: of them, in work; EMPLOYMENT_RATE: in work among those who left, in percent',
  })
  @IsIn(PATHWAY_MEASURES)
  measure: PathwayMeasure;
  @FactDate('the day the plan chose this measure: not before the draft, within the plan year') linkedOn?: string;
}

export class StatusDto {
  @ApiProperty({ enum: ACTION_STATUSES }) @IsIn(ACTION_STATUSES) status: ActionStatus;
  @ApiPropertyOptional({ description: 'required for PAUSED, BLOCKED, ABANDONED' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
  @FactDate('the day the status changed: not before the draft') changedOn?: string;
}

export class ReviewDto {
  @ApiProperty({ description: 'within the plan year, after its adoption, never after today' }) @IsCalendarDate() reviewedOn: string;
  @ApiProperty() @IsString() @Length(1, 5000) summary: string;
}

export class AdjustmentDto {
  @ApiPropertyOptional() @IsOptional() @IsClientId('actionId') actionId?: string;
  @ApiProperty() @IsString() @Length(1, 2000) note: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) value?: number;
  @FactDate('the day of the adjustment: not before the close') adjustedOn?: string;
}

export class ExecutionQueryDto extends AsOfQueryDto {
  @ApiProperty({ example: 2018 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: '32' }) @IsOptional() @Matches(/^\d{2}$/) region?: string;
  @ApiPropertyOptional({ enum: ['safir', 'reached', 'lateActions'] }) @IsOptional() @IsIn(['safir', 'reached', 'lateActions']) sort?:
    'safir' | 'reached' | 'lateActions';
  @ExportFormatProperty() format?: ExportFormat;
  @CsvLocaleProperty() locale?: CsvLocale;
}
