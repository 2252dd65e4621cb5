import { Decider, DomainError, factOn } from '@ancrage/shared-kernel';
import type { AgreementDocumentAttachedData, DocumentEvent } from './documents.events';

/** Keyed by agreement and document, in a Map: ids chosen by clients (`constructor`…) are just ids. */
export interface AgreementDocumentsState {
  documents: Map<string, { withdrawn: boolean }>;
}

const keyOf = (agreementId: string, documentId: string) => `${agreementId}\u0000${documentId}`;

type Target = { safir: string; partnerId: string; agreementId: string; documentId: string };

export type AgreementDocumentsCommand = Target &
  (
    | {
        kind: 'attach';
        file: Pick<AgreementDocumentAttachedData, 'title' | 'fileName' | 'mediaType' | 'sizeBytes'>;
        attachedOn?: string;
        /** Read by the handler from the partnership's stream. */
        agreement: { exists: boolean; signedOn: string | null };
      }
    | { kind: 'withdraw'; reason: string; withdrawnOn?: string }
  );

export const agreementDocumentsDecider: Decider<AgreementDocumentsCommand, DocumentEvent, AgreementDocumentsState> = {
  initialState: () => ({ documents: new Map() }),
  evolve(s, e) {
    const documents = new Map(s.documents);
    documents.set(keyOf(e.data.agreementId, e.data.documentId), { withdrawn: e.type === 'AgreementDocumentWithdrawn' });
    return { documents };
  },
  decide(c, s, { now }) {
    const target: Target = { safir: c.safir, partnerId: c.partnerId, agreementId: c.agreementId, documentId: c.documentId };
    const current = s.documents.get(keyOf(c.agreementId, c.documentId));
    if (c.kind === 'attach') {
      if (!c.agreement.exists)
        throw new DomainError('AGREEMENT_NOT_FOUND', `no agreement ${c.agreementId} in this partnership`, 'not_found', 'agreementId');
      // The same bytes on the same agreement are already there: a second upload records nothing.
      if (current && !current.withdrawn) return [];
      const when = factOn(c.attachedOn, now, 'attachedOn', {
        notBefore: { day: c.agreement.signedOn, code: 'DATE_BEFORE_SIGNATURE', why: 'the day the agreement was signed' },
      });
      return [{ type: 'AgreementDocumentAttached', data: { ...target, ...c.file }, ...when }];
    }
    if (!current) throw new DomainError('DOCUMENT_NOT_FOUND', 'no such document on this agreement', 'not_found', 'documentId');
    if (current.withdrawn) throw new DomainError('DOCUMENT_WITHDRAWN', 'this document was already withdrawn', 'rule', 'documentId');
    return [{ type: 'AgreementDocumentWithdrawn', data: { ...target, reason: c.reason }, ...factOn(c.withdrawnOn, now, 'withdrawnOn') }];
  },
};
