import { Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiExtension, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentPrincipal, type Principal } from '@ancrage/access';
import { Access, ApiErrors, ApiView, type CommandContext, fileProblem, tableCsv, XLSX_TYPE } from '@ancrage/platform';
import { SpreadsheetError, writeWorkbook } from '@ancrage/spreadsheets';
import { ImportRuns } from '../import/import-runs';
import { importTemplate, templateColumns } from '../import/import-template';
import { ImportKindParams, ImportParams, ImportQueryDto, knownKind, TemplateParams, TemplateQueryDto } from './dto/imports.dto';
import { ImportRunView, ImportTemplateView } from './dto/imports.views';

/** The largest spreadsheet an import takes (a 50,000-row file is well under it). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const UPLOAD = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'an XLSX workbook or a CSV file, at most 10 MB' } },
  },
};

@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(private readonly runs: ImportRuns) {}

  @ApiOperation({
    summary:
      'Upload a spreadsheet of partners, agreements or contacts (XLSX or CSV, French headers): it is kept and rehearsed at once; the dry run says per row what the import would create, update, leave unchanged or refuse (and why, at which column); nothing is recorded until it is applied',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD)
  @ApiResponse({ status: 202, description: 'taken; its dry run is under way (follow it with GET)', type: ImportRunView })
  @ApiExtension('x-records-nothing', true)
  @ApiErrors([400, 404, 413, 415], {
    404: 'IMPORT_KIND_NOT_FOUND',
    400: 'no file; NO_HEADER_ROW, MISSING_COLUMNS, TOO_MANY_ROWS, EMPTY_FILE: the sheet cannot be read as this kind (`fields` names `file`)',
    413: 'PAYLOAD_TOO_LARGE (the upload), TOO_LARGE (a workbook that unpacks to more than 256 MiB)',
    415: 'NOT_A_SPREADSHEET, LEGACY_XLS',
  })
  @Post('agencies/:safir/imports/:kind')
  @HttpCode(202)
  @Access('agency.write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }))
  async upload(
    @Param() p: ImportKindParams,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentPrincipal() principal: Principal,
    @Actor() ctx: CommandContext,
  ): Promise<ImportRunView> {
    if (!file) throw fileProblem(400, 'FILE_REQUIRED', 'envoyez le fichier dans le champ « file » (multipart/form-data)');
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 200) || 'fichier';
    try {
      const importId = await this.runs.start({
        kind: knownKind(p.kind),
        safir: p.safir,
        fileName,
        bytes: file.buffer,
        principal,
        context: ctx,
      });
      return await this.runs.get(p.safir, importId, { limit: 0, offset: 0 });
    } catch (e) {
      if (e instanceof SpreadsheetError) {
        const status = e.code === 'NOT_A_SPREADSHEET' || e.code === 'LEGACY_XLS' ? 415 : e.code === 'TOO_LARGE' ? 413 : 400;
        throw fileProblem(status, e.code, e.message);
      }
      throw e;
    }
  }

  @ApiView({
    summary: 'An import: where its dry run or its application stands (rows done of total), and its report, one page of rows at a time',
    response: ImportRunView,
    notFound: 'IMPORT_NOT_FOUND',
    consistent: false,
  })
  @Get('agencies/:safir/imports/:importId')
  @Access('agency.write')
  get(@Param() p: ImportParams, @Query() q: ImportQueryDto): Promise<ImportRunView> {
    return this.runs.get(p.safir, p.importId, q);
  }

  @ApiOperation({
    summary:
      'Apply an import that was rehearsed: every row goes through the same commands as the API, with its file and row in the events’ metadata; applying again records nothing new and resumes an import that stopped',
  })
  @ApiResponse({ status: 202, description: 'under way (follow it with GET)', type: ImportRunView })
  @ApiExtension('x-records-nothing', true)
  @ApiErrors([400, 404, 409], { 404: 'IMPORT_NOT_FOUND', 409: 'IMPORT_BUSY: its dry run or its application is under way' })
  @Post('agencies/:safir/imports/:importId/apply')
  @HttpCode(202)
  @Access('agency.write')
  async apply(@Param() p: ImportParams, @CurrentPrincipal() principal: Principal, @Actor() ctx: CommandContext): Promise<ImportRunView> {
    await this.runs.apply(p.safir, p.importId, principal, ctx);
    return this.runs.get(p.safir, p.importId, { limit: 0, offset: 0 });
  }

  @ApiView({
    summary:
      'The template of an import: its columns and what each takes (JSON); the workbook to fill in, with an example line and a help sheet (xlsx); its header as CSV (csv)',
    response: ImportTemplateView,
    file: true,
    notFound: 'IMPORT_KIND_NOT_FOUND',
    consistent: false,
  })
  @Get('imports/templates/:kind')
  @Access('scoped')
  async template(
    @Param() p: TemplateParams,
    @Query() q: TemplateQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportTemplateView | StreamableFile | string> {
    const kind = knownKind(p.kind);
    if (!q.format || q.format === 'json') return templateColumns(kind);
    const [table] = importTemplate(kind);
    if (q.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="modele-${kind}.csv"`);
      return tableCsv(table, 'fr');
    }
    const bytes = await writeWorkbook(importTemplate(kind), null);
    return new StreamableFile(bytes, { type: XLSX_TYPE, disposition: `attachment; filename="modele-${kind}.xlsx"`, length: bytes.length });
  }
}
