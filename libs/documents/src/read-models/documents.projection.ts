import { dayOf } from '@ancrage/shared-kernel';
import { defineProjection } from '@ancrage/projections';
import { DOCUMENT_EVENT_TYPES, DocumentEvent } from '../domain/documents.events';
import { AgreementDocumentRow } from './documents.entities';

export type DocumentTables = { documents: AgreementDocumentRow };

type Key = Pick<AgreementDocumentRow, 'safir' | 'partnerId' | 'agreementId' | 'documentId'>;
const keyOf = ({ safir, partnerId, agreementId, documentId }: Key): Key => ({ safir, partnerId, agreementId, documentId });

/** The documents of every agreement, each row versioned at the day it was attached or withdrawn. */
export const documentsProjection = defineProjection<DocumentTables>({
  name: 'documents',
  version: 1,
  eventTypes: DOCUMENT_EVENT_TYPES,
  tables: { documents: { entity: AgreementDocumentRow, key: ['safir', 'partnerId', 'agreementId', 'documentId'] } },
  touches: (e) => [{ table: 'documents', key: keyOf(e.data as Key) }],
  apply(e, rows) {
    const event = { type: e.type, data: e.data } as DocumentEvent;
    const key = keyOf(event.data);
    switch (event.type) {
      case 'AgreementDocumentAttached': {
        const { title, fileName, mediaType, sizeBytes } = event.data;
        const attachedOn = dayOf(e.metadata.occurredAt)!;
        const row = { ...key, title, fileName, mediaType, sizeBytes, attachedOn, attachedBy: e.metadata.actor };
        return rows.put('documents', { ...row, withdrawnOn: null, withdrawReason: null });
      }
      case 'AgreementDocumentWithdrawn': {
        const row = rows.get('documents', key);
        return row && rows.put('documents', { ...row, withdrawnOn: dayOf(e.metadata.occurredAt), withdrawReason: event.data.reason });
      }
    }
  },
});
