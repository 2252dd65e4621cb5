import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The page envelope of every list: `{ items, total, limit, offset }`. */
export function PageOf<T>(item: Type<T>) {
  class Page {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ type: 'integer', description: 'items matching, across all pages' }) total: number;
    @ApiProperty({ type: 'integer' }) limit: number;
    @ApiProperty({ type: 'integer' }) offset: number;
  }
  return Page;
}
