import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@ancrage/access';
import { AgreementParams, PartnershipParams } from '@ancrage/partnerships';
import { ReadModels } from '@ancrage/projections';
import { DomainError } from '@ancrage/shared-kernel';
import {
  Access,
  ApiCommand,
  ApiErrors,
  ApiView,
  CachedView,
  CommandContext,
  CommandResponse,
  commandResponse,
  cutOf,
  fileProblem,
  paginate,
  ReadConsistency,
} from '@ancrage/platform';
import { ChangeAgreementDocuments } from '../commands/change-agreement-documents.command';
import { documentKind } from '../domain/document-kind';
import { DOCUMENT_MEDIA_TYPES } from '../domain/documents.events';
import { DocumentFiles } from '../files/document-files';
import { AgreementDocumentRow } from '../read-models/documents.entities';
import { documentsProjection } from '../read-models/documents.projection';
import { AttachDocumentDto, DocumentParams, DocumentsQueryDto, DownloadQueryDto, WithdrawDocumentDto } from './dto/documents.dto';
import { AgreementDocumentsPage, DocumentAttachedView } from './dto/documents.views';

/** The largest document kept: a scanned convention of a few dozen pages. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const UPLOAD = {
  schema: {
    type: 'object',
    required: ['file', 'title'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'PDF, PNG, JPEG, DOCX or ODT, at most 10 MB' },
      title: { type: 'string', maxLength: 200, example: 'Convention signée' },
      attachedOn: { type: 'string', format: 'date', description: 'default: today; not before the signature, never after today' },
    },
  },
};

@ApiTags('documents')
@Controller('agencies/:safir/partnerships/:partnerId')
export class DocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    private readonly consistency: ReadConsistency,
    private readonly files: DocumentFiles,
  ) {}

  @ApiCommand({
    summary:
      'Attach the signed document of an agreement (multipart/form-data: file, title, attachedOn): its bytes are kept and its SHA-256, the document’s id, recorded; the same file again records nothing',
    response: DocumentAttachedView,
    idempotent: false,
    notFound: 'AGREEMENT_NOT_FOUND',
    rule: 'DATE_BEFORE_SIGNATURE, FUTURE_DATE',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD)
  @ApiErrors([413, 415], { 413: 'PAYLOAD_TOO_LARGE (more than 10 MB)', 415: 'NOT_A_DOCUMENT' })
  @Post('agreements/:agreementId/documents')
  @Access('agency.write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } }))
  async attach(
    @Param() p: AgreementParams,
    @Body() b: AttachDocumentDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Actor() ctx: CommandContext,
  ): Promise<DocumentAttachedView> {
    if (!file) throw fileProblem(400, 'FILE_REQUIRED', 'send the document in the « file » field (multipart/form-data)');
    if (file.size === 0) throw fileProblem(400, 'EMPTY_FILE', 'the file is empty');
    const mediaType = documentKind(file.buffer);
    if (!mediaType) throw fileProblem(415, 'NOT_A_DOCUMENT', 'the file must be a PDF, a PNG or JPEG image, a DOCX or an ODT');
    // Browsers send the name in UTF-8 where multer reads latin1.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 200) || 'document';
    const change = { kind: 'attach' as const, bytes: file.buffer, title: b.title, fileName, mediaType, attachedOn: b.attachedOn };
    const outcome = await this.commands.execute(new ChangeAgreementDocuments(p.safir, p.partnerId, p.agreementId, change, ctx));
    return commandResponse(outcome, { documentId: outcome.documentId });
  }

  @ApiCommand({
    summary: 'Withdraw a document attached by mistake, with a reason (its bytes and its record stay, for the audit)',
    rule: 'DOCUMENT_WITHDRAWN (already), FUTURE_DATE',
    notFound: 'DOCUMENT_NOT_FOUND',
  })
  @Post('agreements/:agreementId/documents/:documentId/withdrawn')
  @Access('agency.write')
  async withdraw(@Param() p: DocumentParams, @Body() b: WithdrawDocumentDto, @Actor() ctx: CommandContext): Promise<CommandResponse> {
    const change = { kind: 'withdraw' as const, documentId: p.documentId, reason: b.reason, withdrawnOn: b.withdrawnOn };
    return commandResponse(await this.commands.execute(new ChangeAgreementDocuments(p.safir, p.partnerId, p.agreementId, change, ctx)));
  }

  @ApiView({
    summary: 'The documents of the partnership’s agreements (attached unless includeWithdrawn); asOf/knownAt as it stood',
    response: AgreementDocumentsPage,
    notFound: 'AGENCY_NOT_FOUND',
  })
  @Get('documents')
  @CachedView()
  @Access('agency.read')
  async list(@Param() { safir, partnerId }: PartnershipParams, @Query() q: DocumentsQueryDto): Promise<AgreementDocumentsPage> {
    await this.consistency.waitFor(q.consistentWith, [documentsProjection.name]);
    const where = { safir, partnerId, ...(q.agreementId && { agreementId: q.agreementId }) };
    const rows = await this.reads.find(AgreementDocumentRow, cutOf(q), where);
    const shown = rows
      .filter((r) => q.includeWithdrawn || r.withdrawnOn === null)
      .sort(
        (a, b) => a.agreementId.localeCompare(b.agreementId) || a.attachedOn.localeCompare(b.attachedOn) || a.title.localeCompare(b.title),
      );
    return paginate(shown, q);
  }

  @ApiOperation({
    summary:
      'Download a document as it was attached: its bytes are checked against the SHA-256 the log recorded (Repr-Digest says it), and a file altered or lost since is refused (409 DOCUMENT_ALTERED)',
  })
  @ApiResponse({
    status: 200,
    description: 'the file, with its media type and name',
    content: Object.fromEntries(DOCUMENT_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiErrors([400, 404, 409], { 404: 'DOCUMENT_NOT_FOUND', 409: 'DOCUMENT_ALTERED' })
  @Get('agreements/:agreementId/documents/:documentId')
  @Access('agency.read')
  async download(
    @Param() p: DocumentParams,
    @Query() q: DownloadQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { safir, partnerId, agreementId, documentId } = p;
    // A client that has just attached the file may ask for it at once, naming the attachment's position.
    await this.consistency.waitFor(q.consistentWith, [documentsProjection.name]);
    const [row] = await this.reads.find(AgreementDocumentRow, cutOf({}), { safir, partnerId, agreementId, documentId });
    if (!row) throw new DomainError('DOCUMENT_NOT_FOUND', 'no such document on this agreement', 'not_found', 'documentId');
    const stored = await this.files.get(documentId);
    if (!stored.found || !stored.intact)
      throw new DomainError(
        'DOCUMENT_ALTERED',
        'the stored file no longer matches the hash the log recorded for it',
        'conflict',
        'documentId',
      );
    // RFC 9530: the client may check the bytes itself against the hash the log holds.
    res.setHeader('repr-digest', `sha-256=:${Buffer.from(documentId, 'hex').toString('base64')}:`);
    return new StreamableFile(stored.bytes, {
      type: row.mediaType,
      length: stored.bytes.length,
      disposition: `attachment; filename="${asciiName(row.fileName)}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    });
  }
}

/** The ASCII fallback of a file name, for clients that do not read `filename*` (RFC 6266). */
const asciiName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_') || 'document';
