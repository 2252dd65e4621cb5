import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Cut } from '@ancrage/projections';
import { IsInstant, IsDateOrInstant } from './validators';

/** The largest integer a query takes (positions, offsets): beyond it, JavaScript loses precision. */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** `limit` / `offset` on every list; answers are `{ items, total, limit, offset }`. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SAFE)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function paginate<T>(all: T[], q: { limit: number; offset: number }): Page<T> {
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, limit: q.limit, offset: q.offset };
}

/** `consistentWith`: a position a command returned, which the answer must include (bounded wait). */
export const ConsistentWithProperty = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'A position a command returned: wait (bounded) until the read model includes it' }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_SAFE),
  );

/**
 * Bitemporal query parameters: `asOf` what had happened by then (occurredAt), `knownAt` what had
 * been recorded by then (recordedAt). Both read the same tables as a live answer, at another cut.
 */
export class AsOfQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'ISO date or instant: the view as things stood then (occurredAt ≤ asOf)' })
  @IsOptional()
  @IsDateOrInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'ISO instant: the view as it was known then (recordedAt ≤ knownAt)' })
  @IsOptional()
  @IsInstant()
  knownAt?: string;

  @ConsistentWithProperty() consistentWith?: number;
}

/** An `asOf` date without a time means the end of that day (UTC). */
export function endOfDay(asOf: string | undefined): string | undefined {
  if (!asOf) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : new Date(asOf).toISOString();
}

/** Where a query stands in the log's two clocks (no asOf and no knownAt: live). */
export function cutOf(q: { asOf?: string; knownAt?: string }): Cut {
  return { validAt: endOfDay(q.asOf), knownAt: q.knownAt === undefined ? undefined : new Date(q.knownAt).toISOString() };
}
