import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A registered employment basin. Its agencies are those of the agency directory in it. */
@Entity('territory_basins')
export class BasinRow {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') region: string;
  @Column('jsonb') departments: string[];
  @Column('text') registeredOn: string;
}

/** That an agency works with a partner, since the day of its first recorded fact with it. */
@Entity('territory_partner_links')
export class PartnerLinkRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') partnerId: string;
  @Column('text') since: string;
}

/** Partners' names as the shared register has them, for the basin view. */
@Entity('territory_partner_names')
export class PartnerNameRow {
  @PrimaryColumn('text') partnerId: string;
  @Column('text') name: string;
  @Column('text') category: string;
}

/** The agency that leads a basin's partnership with a partner, from its day. */
@Entity('territory_basin_leads')
export class BasinLeadRow {
  @PrimaryColumn('text') code: string;
  @PrimaryColumn('text') partnerId: string;
  @Column('text') safir: string;
  @Column('text') since: string;
  @Column('text', { nullable: true }) note: string | null;
}

/** An instance an agency sits in, for the basin view. */
@Entity('territory_agency_instances')
export class AgencyInstanceRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('text') instanceId: string;
  @Column('text') kind: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) leftOn: string | null;
}

/** A campaign or multi-agency project with the agencies taking part, for the basin view. */
@Entity('territory_campaigns')
export class TerritoryCampaignRow {
  @PrimaryColumn('text') campaignId: string;
  @Column('text') name: string;
  @Column('text') leadSafir: string;
  /** The lead first, then the agencies that joined. */
  @Column('jsonb') agencies: string[];
  @Column('text', { nullable: true }) closedOn: string | null;
}
