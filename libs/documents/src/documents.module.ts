import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig, type ContextParts, PG_POOL } from '@ancrage/platform';
import { ChangeAgreementDocumentsHandler } from './commands/change-agreement-documents.handler';
import { DocumentFiles } from './files/document-files';
import { FolderDocumentFiles } from './files/folder-document-files';
import { PostgresDocumentFiles } from './files/postgres-document-files';
import { DocumentsController } from './http/documents.controller';
import { DocumentFiles1764000090000 } from './migrations/1764000090000-document-files';
import { AgreementDocumentRow } from './read-models/documents.entities';
import { documentsProjection } from './read-models/documents.projection';

const ENTITIES = [AgreementDocumentRow];

/** The signed documents of agreements: bytes kept content-addressed, their hashes in the log. */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  controllers: [DocumentsController],
  providers: [
    ChangeAgreementDocumentsHandler,
    {
      // The bytes go to the folder ANCRAGE_DOCUMENTS_DIR names, or beside the log in PostgreSQL.
      provide: DocumentFiles,
      inject: [APP_CONFIG, PG_POOL],
      useFactory: (config: AppConfig, pool: Pool) =>
        config.documentsDir ? new FolderDocumentFiles(config.documentsDir) : new PostgresDocumentFiles(pool),
    },
  ],
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
