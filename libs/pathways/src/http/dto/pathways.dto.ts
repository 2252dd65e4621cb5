import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { AsOfQueryDto, FactDate, IsCalendarDate, CLIENT_ID, IsClientId, SafirParam } from '@ancrage/platform';
import { SERVICE_OFFER, ServiceOffer } from '@ancrage/shared-kernel';

export class PathwayParams extends SafirParam {
  @ApiProperty({ example: 'parcours-senior' }) @IsClientId('pathwayId') pathwayId: string;
}

export class CohortParams extends PathwayParams {
  @ApiProperty({ example: '2018-01' }) @IsClientId('cohortId') cohortId: string;
}

export class OpenPathwayDto {
  @ApiProperty({ example: 'parcours-senior' }) @IsClientId('pathwayId') pathwayId: string;
  @ApiProperty({ example: 'Parcours senior' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ type: [String], example: ['seniors'], description: 'the publics it is for (data·inclusion vocabulary or free words)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  publics: string[];
  @ApiProperty({ type: [String], description: 'partners of the register it is run with' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CLIENT_ID, { each: true, message: 'each of partnerIds must be a partner id' })
  partnerIds: string[];
  @ApiProperty({ enum: SERVICE_OFFER, isArray: true, description: 'the service offer it mobilises' })
  @IsArray()
  @ArrayMaxSize(SERVICE_OFFER.length)
  @IsIn(SERVICE_OFFER, { each: true })
  services: ServiceOffer[];
  @ApiProperty({ example: 60, description: 'people to reach in a year' }) @IsInt() @Min(1) @Max(1_000_000) yearlyReachTarget: number;
  @ApiProperty({ example: 0.6, description: 'share of those who left it to be in work, above 0 and at most 1' })
  @IsNumber()
  @Min(0.001)
  @Max(1)
  employmentRateTarget: number;
  @ApiPropertyOptional({ example: 'a-parcours-seniors', description: 'the plan action it serves' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  planActionId?: string;
  @FactDate('the day the pathway opened') openedOn?: string;
}

export class StartCohortDto {
  @ApiProperty({ example: '2018-01' }) @IsClientId('cohortId') cohortId: string;
  @ApiProperty({ example: 14, description: 'people who entered' }) @IsInt() @Min(1) @Max(100_000) entries: number;
  @FactDate('the day the cohort started: not before the pathway opened') startedOn?: string;
}

export class RecordOutcomesDto {
  @ApiProperty({ example: '2018-05-31', description: 'the day the figures stand at' }) @IsCalendarDate() on: string;
  @ApiProperty({ example: 12, description: 'people who have left the pathway so far' }) @IsInt() @Min(0) @Max(100_000) exits: number;
  @ApiProperty({ example: 7, description: 'of whom in employment' }) @IsInt() @Min(0) @Max(100_000) employment: number;
  @ApiProperty({ example: 2, description: 'of whom in training' }) @IsInt() @Min(0) @Max(100_000) training: number;
}

export class ClosePathwayDto {
  @ApiProperty() @IsString() @Length(1, 1000) reason: string;
  @FactDate('the day the pathway closed: not before it opened') closedOn?: string;
}

export class PathwaysQueryDto extends AsOfQueryDto {
  @ApiProperty({ example: 2018, description: 'the year whose cohorts are counted' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
