import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);

export class TimelineParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
}

export class TimelineQueryDto {
  @ApiPropertyOptional({ description: 'events that had happened by then (occurredAt ≤ asOf)' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ example: 'ExpenditureCommitted,PaymentCorrected', description: 'comma-separated event types' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  type?: string[];
  @ApiPropertyOptional({ description: 'page of older events: before this position (the previous page’s nextBefore)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit: number = 50;
}
