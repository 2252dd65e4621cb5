import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import { AsOfQueryDto, FactDate, MAX_SAFE, CLIENT_ID } from '@ancrage/platform';
import { FINDING_KINDS, FindingKind, INVOLVEMENTS, Involvement, Section, SECTIONS } from '../../domain/diagnostic.events';

export class DiagnosticParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
  @ApiProperty({ example: 2018 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}
export class SectionParams extends DiagnosticParams {
  @ApiProperty({ enum: SECTIONS }) @IsIn(SECTIONS) section: Section;
}

export class KeyFigureDto {
  @ApiProperty({ example: 'taux de chômage' }) @IsString() @Length(1, 200) label: string;
  @ApiProperty({ example: 11.8 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value: number;
  @ApiProperty({ example: '%' }) @IsString() @Length(1, 40) unit: string;
  @ApiProperty({ example: 'INSEE 2017' }) @IsString() @Length(1, 200) source: string;
}

export class DraftDiagnosticDto {
  @FactDate('the day the diagnostic was drafted: from 1 January of the year before to the end of its year') draftedOn?: string;
}

export class ReviseSectionDto {
  @ApiProperty() @IsString() @Length(1, 20000) text: string;
  @ApiProperty({ type: [KeyFigureDto] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => KeyFigureDto)
  keyFigures: KeyFigureDto[];
  @ApiPropertyOptional({ description: 'required once the diagnostic is published' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
  @FactDate('the day the section was revised: not before the draft') revisedOn?: string;
}

export class PartnerInvolvementDto {
  @ApiProperty() @Matches(CLIENT_ID, { message: 'partnerId must be a partner id' }) partnerId: string;
  @ApiProperty({ enum: INVOLVEMENTS }) @IsIn(INVOLVEMENTS) involvement: Involvement;
}

export class ParticipationDto {
  @ApiProperty({ type: [String], example: ['équipe entreprises', 'conseillers DE'] })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  internalTeams: string[];
  @ApiProperty({ type: [PartnerInvolvementDto] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PartnerInvolvementDto)
  partners: PartnerInvolvementDto[];
  @FactDate('the day the participation was settled: not before the draft') recordedOn?: string;
}

export class FindingDto {
  @ApiProperty({ example: 'f-mobilite' })
  @Matches(CLIENT_ID, { message: 'findingId must be 1-64 lower-case letters, digits, - or _' })
  findingId: string;
  @ApiProperty({ enum: FINDING_KINDS }) @IsIn(FINDING_KINDS) kind: FindingKind;
  @ApiProperty({ example: 'Mobilité des saisonniers' }) @IsString() @Length(1, 300) title: string;
}

export class PublishDto {
  @ApiProperty({ type: [FindingDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FindingDto)
  findings: FindingDto[];
  @FactDate('the day the diagnostic was published: not before the draft') publishedOn?: string;
}

export class RevisionsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ description: 'compare from this revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SAFE)
  from?: number;
  @ApiPropertyOptional({ description: 'compare to this revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SAFE)
  to?: number;
}

export class RegionQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ example: '32', description: 'a region; the country when absent' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  region?: string;
}
