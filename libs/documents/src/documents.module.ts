import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextParts } from '@ancrage/platform';
import { ChangeAgreementDocumentsHandler } from './commands/change-agreement-documents.handler';
import { DocumentFiles } from './files/document-files';
import { DocumentsController } from './http/documents.controller';
import { DocumentFiles1764000090000 } from './migrations/1764000090000-document-files';
import { AgreementDocumentRow } from './read-models/documents.entities';
import { documentsProjection } from './read-models/documents.projection';

const ENTITIES = [AgreementDocumentRow];

/** The signed documents of agreements: bytes kept content-addressed, their hashes in the log. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [DocumentsController],
  providers: [ChangeAgreementDocumentsHandler, DocumentFiles],
})
export class DocumentsModule {}

/** What this context brings to a deployment (apps/api/src/contexts.ts). */
export const DOCUMENTS_CONTEXT: ContextParts = {
  name: 'documents',
  entities: ENTITIES,
  migrations: [DocumentFiles1764000090000],
  projections: [documentsProjection],
  module: DocumentsModule,
};
