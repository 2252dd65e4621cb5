import { ApiProperty } from '@nestjs/swagger';
import { InstantProperty } from '@ancrage/platform';
import { IMPORT_KINDS } from '../../import/import-columns';
import { ROW_OUTCOMES } from './imports.dto';

export class ImportColumnView {
  @ApiProperty({ example: 'siret' }) key: string;
  @ApiProperty({ example: 'N° SIRET', description: 'the header as the file writes it' }) header: string;
  @ApiProperty({ example: 'B' }) column: string;
}

export class ImportSheetView {
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: string;
  @ApiProperty({ enum: ['utf-8', 'windows-1252'], required: false }) encoding?: string;
  @ApiProperty({ required: false }) sheetName?: string;
  @ApiProperty({ type: 'integer', description: 'the row of the column headers' }) headerRow: number;
  @ApiProperty({ type: [ImportColumnView] }) columns: ImportColumnView[];
  @ApiProperty({ type: [String], description: 'headers of the file that match no column (ignored)' }) unknownHeaders: string[];
}

export class RowProblemView {
  @ApiProperty({ type: 'string', nullable: true, description: 'the column key' }) column: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'N° SIRET', description: 'its header in the file' }) header: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'B' }) columnLetter: string | null;
  @ApiProperty({ example: 'isSiret', description: 'a validation constraint or a domain error code' }) code: string;
  @ApiProperty() message: string;
}

export class ImportRowView {
  @ApiProperty({ type: 'integer', description: 'the row as the spreadsheet numbers it' }) row: number;
  @ApiProperty({ enum: ROW_OUTCOMES }) outcome: string;
  @ApiProperty({ type: 'string', nullable: true }) partnerId: string | null;
  @ApiProperty({ type: [RowProblemView] }) problems: RowProblemView[];
}

export class ImportCountsView {
  @ApiProperty({ type: 'integer' }) CREATE: number;
  @ApiProperty({ type: 'integer' }) UPDATE: number;
  @ApiProperty({ type: 'integer' }) UNCHANGED: number;
  @ApiProperty({ type: 'integer' }) REFUSED: number;
}

export class ImportReportView {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: string;
  @ApiProperty() file: string;
  @ApiProperty() fileSha256: string;
  @ApiProperty({ description: 'true: what the import would do (nothing was recorded)' }) dryRun: boolean;
  @ApiProperty({ type: ImportSheetView }) sheet: ImportSheetView;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: ImportCountsView }) counts: ImportCountsView;
  @ApiProperty({ type: [ImportRowView], description: 'one page of the rows' }) rows: ImportRowView[];
  @ApiProperty({ type: 'integer', description: 'rows matching the outcome filter' }) rowsTotal: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
}

export class ImportRunView {
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: string;
  @ApiProperty({ example: 'partenaires.xlsx' }) fileName: string;
  @ApiProperty() fileSha256: string;
  @ApiProperty({
    enum: ['REHEARSING', 'REHEARSED', 'APPLYING', 'APPLIED', 'FAILED'],
    description: 'REHEARSING: the dry run is under way; REHEARSED: its report is ready; APPLYING; APPLIED; FAILED: apply again to resume',
  })
  status: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'rows to go through (once known)' }) total: number | null;
  @ApiProperty({ type: 'integer', description: 'rows gone through so far' }) done: number;
  @ApiProperty({ type: 'string', nullable: true }) error: string | null;
  @InstantProperty() createdAt: string;
  @InstantProperty() updatedAt: string;
  @ApiProperty({ type: ImportReportView, nullable: true, description: 'the import’s report once applied, else the dry run’s' })
  report: ImportReportView | null;
}

export class TemplateColumnView {
  @ApiProperty({ example: 'siret' }) key: string;
  @ApiProperty({ example: 'SIRET', description: 'the header the template writes' }) header: string;
  @ApiProperty({ type: [String], description: 'other headers recognised (accents and case aside)' }) synonyms: string[];
  @ApiProperty() required: boolean;
  @ApiProperty({ description: 'what the column takes, in French' }) help: string;
}

export class ImportTemplateView {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: string;
  @ApiProperty({ example: 'Partenaires de l’agence' }) title: string;
  @ApiProperty({ type: [TemplateColumnView] }) columns: TemplateColumnView[];
}
