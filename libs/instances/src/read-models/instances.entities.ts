import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An instance the agency takes part in, with its members as they stand. */
@Entity('instances_instances')
export class InstanceRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') instanceId: string;
  @Column('text') kind: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) convenorPartnerId: string | null;
  @Column('jsonb') memberPartnerIds: string[];
  @Column('text') joinedOn: string;
  @Column('text', { nullable: true }) leftOn: string | null;
  @Column('text', { nullable: true }) leaveReason: string | null;
}

/** One meeting of an instance, and whether the agency was represented at it. */
@Entity('instances_meetings')
export class InstanceMeetingRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') instanceId: string;
  @PrimaryColumn('text') meetingId: string;
  @Column('text') date: string;
  @Column('boolean') attended: boolean;
  @Column('jsonb') attendedBy: string[];
  @Column('text') topic: string;
  @Column('text', { nullable: true }) note: string | null;
}
