import type { WhenItHappened } from '@ancrage/shared-kernel';

/**
 * The signed document of an agreement (the convention as signed, an amendment, an annex): the
 * event names the file by its SHA-256, so that the log, and any evidence bundle, proves which
 * bytes were attached, and a file changed since cannot pass for the one that was signed.
 */
export interface AgreementDocumentAttachedData {
  safir: string;
  partnerId: string;
  agreementId: string;
  /** The SHA-256 of the file, hex: the document's identity. */
  documentId: string;
  /** What the document is: « convention signée », « avenant n° 1 »… */
  title: string;
  fileName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
}

export type DocumentEvent = WhenItHappened<
  | { type: 'AgreementDocumentAttached'; data: AgreementDocumentAttachedData }
  | {
      type: 'AgreementDocumentWithdrawn';
      data: { safir: string; partnerId: string; agreementId: string; documentId: string; reason: string };
    }
>;

export const DOCUMENT_EVENT_TYPES = ['AgreementDocumentAttached', 'AgreementDocumentWithdrawn'] as const;

/** The kinds of file a signed agreement comes as: a scan or an export (PDF, image) or an office document. */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** One stream per agency and partner: the documents of one partnership's agreements. */
export const agreementDocumentsStream = (safir: string, partnerId: string) => `agreement-documents-${safir}-${partnerId}`;
