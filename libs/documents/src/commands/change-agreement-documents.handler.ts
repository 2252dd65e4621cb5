import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { agreementFacts } from '@ancrage/partnerships';
import { CommandOutcome, DeciderRunner, logFor } from '@ancrage/platform';
import { AgreementDocumentsCommand, agreementDocumentsDecider } from '../domain/agreement-document.decider';
import { agreementDocumentsStream } from '../domain/documents.events';
import { DocumentFiles, sha256Of } from '../files/document-files';
import { ChangeAgreementDocuments } from './change-agreement-documents.command';

@CommandHandler(ChangeAgreementDocuments)
export class ChangeAgreementDocumentsHandler implements ICommandHandler<ChangeAgreementDocuments> {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly files: DocumentFiles,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({
    safir,
    partnerId,
    agreementId,
    change,
    context,
  }: ChangeAgreementDocuments): Promise<CommandOutcome & { documentId: string }> {
    const target = { safir, partnerId, agreementId };
    let command: AgreementDocumentsCommand;
    if (change.kind === 'attach') {
      const agreement = await agreementFacts(logFor(context, this.store), safir, partnerId, agreementId);
      // The bytes are kept only for an agreement that exists, and before the event that names them.
      const documentId = agreement.exists ? await this.files.put(change.bytes) : sha256Of(change.bytes);
      const { title, fileName, mediaType, attachedOn } = change;
      const file = { title, fileName, mediaType, sizeBytes: change.bytes.length };
      command = { kind: 'attach', ...target, documentId, file, attachedOn, agreement };
    } else {
      command = { ...change, ...target };
    }
    const outcome = await this.runner.run({
      streamId: agreementDocumentsStream(safir, partnerId),
      agency: safir,
      decider: agreementDocumentsDecider,
      command,
      context,
    });
    return { ...outcome, documentId: command.documentId };
  }
}
