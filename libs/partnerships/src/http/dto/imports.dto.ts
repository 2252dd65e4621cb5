import { applyDecorators, NotFoundException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@ancrage/platform';
import { IMPORT_KINDS, type ImportKind } from '../../import/import-columns';
import type { RowOutcome } from '../../import/spreadsheet-import';

export const ROW_OUTCOMES = ['CREATE', 'UPDATE', 'UNCHANGED', 'REFUSED'] as const;

/** An import's kind in a path: an unknown one is a 404 (no such import), not a malformed request. */
const KindProperty = () =>
  applyDecorators(
    ApiProperty({ enum: IMPORT_KINDS }),
    Matches(/^[a-z]{1,30}$/, { message: 'kind must be partners, agreements or contacts' }),
  );

export class ImportKindParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
  @KindProperty() kind: ImportKind;
}

export class ImportParams {
  @ApiProperty({ example: '62001' }) @Matches(/^\d{5}$/, { message: 'safir must be a 5-digit SAFIR code' }) safir: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'importId must be a UUID' }) importId: string;
}

export class TemplateParams {
  @KindProperty() kind: ImportKind;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'xlsx', 'csv'],
    default: 'json',
    description: 'json: the columns and what each takes; xlsx: the template workbook; csv: its header in French Excel’s dialect',
  })
  @IsOptional()
  @IsIn(['json', 'xlsx', 'csv'])
  format?: 'json' | 'xlsx' | 'csv';
}

/** An unknown kind in a path: no such import. */
export function knownKind(kind: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new NotFoundException({ code: 'IMPORT_KIND_NOT_FOUND', message: `no import of ${kind}: partners, agreements or contacts` });
  }
  return kind as ImportKind;
}

export class ImportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROW_OUTCOMES, description: 'only the rows of this outcome (REFUSED: what to correct)' })
  @IsOptional()
  @IsIn(ROW_OUTCOMES)
  outcome?: RowOutcome;
}
