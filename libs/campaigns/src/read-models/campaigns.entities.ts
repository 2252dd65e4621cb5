import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('campaigns_campaigns')
export class CampaignRow {
  @PrimaryColumn('text') campaignId: string;
  @Column('text') leadSafir: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) employerPartnerId: string | null;
  @Column('text') startedOn: string;
  @Column('text', { nullable: true }) plannedEndOn: string | null;
  @Column('text', { nullable: true }) closedOn: string | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('integer') posts: number;
  @Column('integer') dedicatedAdvisers: number;
  @Column('jsonb') services: string[];
}

/** An agency's part in a campaign (the lead's included), with its latest figures to date. */
@Entity('campaigns_participations')
export class CampaignParticipationRow {
  @PrimaryColumn('text') campaignId: string;
  @PrimaryColumn('text') safir: string;
  @Column('text', { nullable: true }) region: string | null;
  @Column('text') role: 'LEAD' | 'PARTICIPANT';
  @Column('text') joinedOn: string;
  @Column('integer') applications: number;
  @Column('integer') hires: number;
  @Column('text', { nullable: true }) lastReportOn: string | null;
}

/** Each report of an agency's figures, so the campaign's progress can be drawn over time. */
@Entity('campaigns_reports')
export class CampaignReportRow {
  @PrimaryColumn('text') campaignId: string;
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') on: string;
  @Column('integer') applications: number;
  @Column('integer') hires: number;
}

/** Agencies' regions, so a director finds the campaigns their agencies take part in. */
@Entity('campaigns_agencies')
export class CampaignAgencyRow {
  @PrimaryColumn('text') safir: string;
  @Column('text') region: string;
}
