import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested, IsDefined } from 'class-validator';
import { IsInstant, IsDateOrInstant, MAX_SAFE } from '@ancrage/platform';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export class HistoryQueryDto {
  @ApiPropertyOptional({ example: 'fund-62001-2018' }) @IsOptional() @IsString() @Length(1, 300) stream?: string;
  @ApiPropertyOptional({ example: '62001' }) @IsOptional() @Matches(/^\d{5}$/) agency?: string;
  @ApiPropertyOptional({ example: 'ExpenditureCommitted,PaymentRecorded', description: 'comma-separated event types' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  type?: string[];
  @ApiPropertyOptional({ example: 'claire' }) @IsOptional() @IsString() actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOrInstant() occurredFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOrInstant() occurredTo?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() recordedFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() recordedTo?: string;
  @ApiPropertyOptional({ description: 'page after this position (the previous page’s nextAfter)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SAFE)
  after?: number;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
}

export class ProjectionParams {
  @ApiProperty({ example: 'fund-consumption' }) @Matches(/^[a-z0-9-]{1,80}$/) name: string;
}

export class RowsQueryDto {
  @ApiPropertyOptional({ description: 'occurredAt ≤ asOf (date or instant)' }) @IsOptional() @IsDateOrInstant() asOf?: string;
  @ApiPropertyOptional({ description: 'recordedAt ≤ knownAt' }) @IsOptional() @IsInstant() knownAt?: string;
  @ApiPropertyOptional({ description: 'events up to this position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SAFE)
  position?: number;
  @ApiPropertyOptional({ example: '62001' }) @IsOptional() @Matches(/^\d{5}$/) agency?: string;
  @ApiPropertyOptional({ description: 'one table of the projection (its name in the projection list)' })
  @IsOptional()
  @Matches(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, { message: 'table must be a table name of the projection' })
  table?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_SAFE) offset: number = 0;
}

export class DriftQueryDto {
  @ApiPropertyOptional({ description: 'compare as of this date or instant (occurredAt ≤ asOf); default: live' })
  @IsOptional()
  @IsDateOrInstant()
  asOf?: string;
  @ApiPropertyOptional({ description: 'compare as known at this instant (recordedAt ≤ knownAt)' })
  @IsOptional()
  @IsInstant()
  knownAt?: string;
}

export class ChangesQueryDto {
  @ApiPropertyOptional({ example: '62001' }) @IsOptional() @Matches(/^\d{5}$/) agency?: string;
  @ApiPropertyOptional({ description: 'start: a date (occurredAt)' }) @IsOptional() @IsDateOrInstant() fromDate?: string;
  @ApiPropertyOptional({ description: 'end: a date (occurredAt)' }) @IsOptional() @IsDateOrInstant() toDate?: string;
  @ApiPropertyOptional({ description: 'start: a position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SAFE)
  fromPosition?: number;
  @ApiPropertyOptional({ description: 'end: a position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SAFE)
  toPosition?: number;
}

export class SignedTreeHeadDto {
  @ApiProperty({ enum: ['ancrage-tree-head/1'] }) @IsIn(['ancrage-tree-head/1']) format: 'ancrage-tree-head/1';
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_SAFE) treeSize: number;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) rootHash: string;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_SAFE) lastPosition: number;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) agencyIndexRoot: string;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_SAFE) agencyCount: number;
  @ApiProperty() @IsInstant() signedAt: string;
  @ApiProperty() @IsString() @Length(1, 64) keyId: string;
  @ApiProperty({ enum: ['Ed25519'] }) @IsIn(['Ed25519']) algorithm: 'Ed25519';
  @ApiProperty() @IsString() @Length(1, 200) signature: string;
}

export class VerifyHeadDto {
  @ApiProperty({ type: SignedTreeHeadDto, description: 'a signed tree head kept earlier' })
  @IsDefined()
  @ValidateNested()
  @Type(() => SignedTreeHeadDto)
  head: SignedTreeHeadDto;
}

export class InclusionQueryDto {
  @ApiProperty({ type: 'integer', example: 17492, description: 'the position of the event' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SAFE)
  position: number;
  @ApiPropertyOptional({ type: 'integer', description: 'the size of a signed tree head (default: the latest, after sealing)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SAFE)
  treeSize?: number;
}

export class ConsistencyQueryDto {
  @ApiProperty({ type: 'integer', description: 'the size of the earlier signed head' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SAFE)
  first: number;
  @ApiProperty({ type: 'integer', description: 'the size of the later signed head' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SAFE)
  second: number;
}

export class TreeHeadsQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
  @ApiPropertyOptional({ type: 'integer', description: 'heads smaller than this size (the next page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SAFE)
  before?: number;
}

export class TimelineParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
}

export class TimelineQueryDto {
  @ApiPropertyOptional({ description: 'events that had happened by then (occurredAt ≤ asOf)' })
  @IsOptional()
  @IsDateOrInstant()
  asOf?: string;
  @ApiPropertyOptional({ description: 'events that had been recorded by then (recordedAt ≤ knownAt)' })
  @IsOptional()
  @IsInstant()
  knownAt?: string;
  @ApiPropertyOptional({ example: 'ExpenditureCommitted,PaymentCorrected', description: 'comma-separated event types' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  type?: string[];
  @ApiPropertyOptional({ description: 'page of older events: before this position (the previous page’s nextBefore)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SAFE)
  before?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit: number = 50;
}
