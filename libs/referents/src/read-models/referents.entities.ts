import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named person of a partnership, and how to reach them as it stands. */
@Entity('referents_referents')
export class ReferentRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') partnerId: string;
  @PrimaryColumn('text') referentId: string;
  @Column('text') side: string;
  @Column('text') name: string;
  @Column('text') role: string;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text') namedOn: string;
  @Column('text', { nullable: true }) withdrawnOn: string | null;
  @Column('text', { nullable: true }) withdrawReason: string | null;
}
