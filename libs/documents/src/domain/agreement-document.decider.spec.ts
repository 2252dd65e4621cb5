import { refusalOf } from '@ancrage/testing/refusal';
import { fold } from '@ancrage/shared-kernel';
import { AgreementDocumentsCommand, agreementDocumentsDecider } from './agreement-document.decider';
import { documentKind } from './document-kind';
import type { DocumentEvent } from './documents.events';

const ctx = { now: new Date('2018-05-01T08:00:00Z'), actor: 'm', role: 'manager' };
const target = { safir: '62002', partnerId: 'ml-berck', agreementId: 'conv-2017', documentId: 'a'.repeat(64) };
type Variant = AgreementDocumentsCommand extends infer C
  ? C extends AgreementDocumentsCommand
    ? Omit<C, keyof typeof target>
    : never
  : never;

const decide = (given: DocumentEvent[], c: Variant, documentId = target.documentId) =>
  agreementDocumentsDecider.decide({ ...target, documentId, ...c }, fold(agreementDocumentsDecider, given), ctx);
const refusal = (given: DocumentEvent[], c: Variant) => refusalOf(() => decide(given, c));

const file = { title: 'Convention signée', fileName: 'convention.pdf', mediaType: 'application/pdf' as const, sizeBytes: 1234 };
const attach: Variant = { kind: 'attach', file, attachedOn: '2017-03-02', agreement: { exists: true, signedOn: '2017-03-01' } };
const attached = decide([], attach);

describe('the documents of an agreement', () => {
  it('attaches a file by its hash on the day given', () => {
    expect(attached).toEqual([{ type: 'AgreementDocumentAttached', data: { ...target, ...file }, occurredAt: '2017-03-02T12:00:00.000Z' }]);
  });

  it('records nothing when the same bytes are attached to the same agreement again', () => {
    expect(decide(attached, attach)).toEqual([]);
    expect(decide(attached, attach, 'b'.repeat(64))).toHaveLength(1);
  });

  it('refuses an unknown agreement, a day before its signature, and a day after today', () => {
    expect(refusal([], { ...attach, agreement: { exists: false, signedOn: null } })).toMatchObject({
      code: 'AGREEMENT_NOT_FOUND',
      field: 'agreementId',
    });
    expect(refusal([], { ...attach, attachedOn: '2017-02-28' })).toMatchObject({ code: 'DATE_BEFORE_SIGNATURE', field: 'attachedOn' });
    expect(refusal([], { ...attach, attachedOn: '2018-05-03' })).toMatchObject({ code: 'FUTURE_DATE' });
  });

  it('withdraws a document once, and attaches it again after', () => {
    const withdraw: Variant = { kind: 'withdraw', reason: 'mauvais fichier', withdrawnOn: '2017-03-05' };
    const withdrawn = [...attached, ...decide(attached, withdraw)];
    expect(withdrawn[1]).toMatchObject({ type: 'AgreementDocumentWithdrawn', data: { reason: 'mauvais fichier' } });
    expect(refusal(withdrawn, withdraw)).toMatchObject({ code: 'DOCUMENT_WITHDRAWN' });
    expect(refusal([], withdraw)).toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    expect(decide(withdrawn, attach)).toHaveLength(1);
  });
});

describe('what a file is', () => {
  const bytes = (text: string) => Buffer.from(text, 'latin1');
  it('knows a PDF, a PNG and a JPEG by their first bytes', () => {
    expect(documentKind(bytes('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(documentKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(documentKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('tells a Word or OpenDocument text from any other zip', () => {
    const local = (name: string) => `PK\u0003\u0004${'\u0000'.repeat(26)}${name}`;
    expect(documentKind(bytes(local('mimetypeapplication/vnd.oasis.opendocument.text')))).toBe('application/vnd.oasis.opendocument.text');
    expect(documentKind(bytes(`${local('[Content_Types].xml')}…PK\u0001\u0002word/document.xml`))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(documentKind(bytes(`${local('[Content_Types].xml')}…xl/workbook.xml`))).toBeNull();
  });

  it('refuses what is not a document: a script, an executable, an empty file', () => {
    expect(documentKind(bytes('<script>alert(1)</script>'))).toBeNull();
    expect(documentKind(bytes('MZ\u0090\u0000'))).toBeNull();
    expect(documentKind(new Uint8Array())).toBeNull();
  });
});
