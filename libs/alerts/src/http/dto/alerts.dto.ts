import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AsOfQueryDto, PageQueryDto } from '@ancrage/platform';
import { ALERT_KINDS, type AlertKind } from '@ancrage/shared-kernel';

export class AlertsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 60, description: 'agreements ending within this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  agreementDays: number = 60;

  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 30, description: 'expectations open for longer than this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  expectationDays: number = 30;

  @ApiPropertyOptional({ enum: ALERT_KINDS, description: 'only alerts of this kind' })
  @IsOptional()
  @IsIn(ALERT_KINDS)
  kind?: AlertKind;
}

export const CADENCES = ['DAILY', 'WEEKLY'] as const;

export class DigestRunDto {
  @ApiProperty({ enum: CADENCES, description: 'whose digests: the users who chose this cadence' })
  @IsIn(CADENCES)
  cadence: (typeof CADENCES)[number];
}

export class DeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-W50', description: 'a day (daily digests) or an ISO week (weekly digests)' })
  @IsOptional()
  @Matches(/^\d{4}-(\d{2}-\d{2}|W\d{2})$/, { message: 'period must be a day (2026-12-07) or an ISO week (2026-W50)' })
  period?: string;
}
