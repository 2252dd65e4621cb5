import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ancrage/platform';
import type { AgreementDocumentAttachedData } from '../domain/documents.events';

export type AgreementDocumentChange =
  | {
      kind: 'attach';
      bytes: Buffer;
      title: string;
      fileName: string;
      mediaType: AgreementDocumentAttachedData['mediaType'];
      attachedOn?: string;
    }
  | { kind: 'withdraw'; documentId: string; reason: string; withdrawnOn?: string };

/** Attach the signed document of an agreement (its bytes are kept, its hash recorded), or withdraw one attached by mistake. */
export class ChangeAgreementDocuments extends Command<CommandOutcome & { documentId: string }> {
  constructor(
    readonly safir: string,
    readonly partnerId: string,
    readonly agreementId: string,
    readonly change: AgreementDocumentChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
