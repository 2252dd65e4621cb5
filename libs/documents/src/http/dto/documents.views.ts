import { ApiProperty } from '@nestjs/swagger';
import { CommandResponse, DateProperty, PageOf } from '@ancrage/platform';
import { DOCUMENT_MEDIA_TYPES } from '../../domain/documents.events';

export class DocumentAttachedView extends CommandResponse {
  @ApiProperty({ description: 'the SHA-256 of the file: its id, and the proof of which bytes were attached' }) documentId: string;
}

export class AgreementDocumentView {
  @ApiProperty({ example: '62002' }) safir: string;
  @ApiProperty({ example: 'ml-berck' }) partnerId: string;
  @ApiProperty({ example: 'conv-ml-2017' }) agreementId: string;
  @ApiProperty({ description: 'the SHA-256 of the file' }) documentId: string;
  @ApiProperty({ example: 'Convention signée' }) title: string;
  @ApiProperty({ example: 'convention-ml-berck-2017.pdf' }) fileName: string;
  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES }) mediaType: string;
  @ApiProperty({ example: 182_344 }) sizeBytes: number;
  @DateProperty({ description: 'the day it was attached' }) attachedOn: string;
  @ApiProperty({ example: 'claire-martin', description: 'who attached it' }) attachedBy: string;
  @DateProperty({ nullable: true, description: 'the day it was withdrawn (null: attached)' }) withdrawnOn: string | null;
  @ApiProperty({ type: 'string', nullable: true }) withdrawReason: string | null;
}

export class AgreementDocumentsPage extends PageOf(AgreementDocumentView) {}
