import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Classification, TerritorialFigures } from '../domain/context-classification';

/** The agency directory: identity, geography and the latest territorial context with its class. */
@Entity('territory_agencies')
export class AgencyRow {
  @PrimaryColumn('text') safir: string;
  @Column('text') name: string;
  @Column('text') region: string;
  @Column('text') department: string;
  @Column('text') employmentBasin: string;
  @Column('text') areaType: string;
  @Column('text') registeredAt: string;
  @Column('text', { nullable: true }) contextEffectiveDate: string | null;
  @Column('jsonb', { nullable: true }) figures: TerritorialFigures | null;
  @Column('text', { nullable: true }) contextClass: string | null;
  @Column('jsonb', { nullable: true }) classification: Classification | null;
}
