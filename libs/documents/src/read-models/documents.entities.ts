import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A document attached to an agreement, as it stands: withdrawn ones stay, with their day and reason. */
@Entity('documents_agreement_documents')
export class AgreementDocumentRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') partnerId: string;
  @PrimaryColumn('text') agreementId: string;
  @PrimaryColumn('text') documentId: string;
  @Column('text') title: string;
  @Column('text') fileName: string;
  @Column('text') mediaType: string;
  @Column('integer') sizeBytes: number;
  @Column('text') attachedOn: string;
  /** Who attached it (the user id of the event's metadata). */
  @Column('text') attachedBy: string;
  @Column('text', { nullable: true }) withdrawnOn: string | null;
  @Column('text', { nullable: true }) withdrawReason: string | null;
}
