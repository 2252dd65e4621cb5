import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Finding, Involvement, KeyFigure } from '../domain/diagnostic.events';

@Entity('diagnostics')
export class DiagnosticRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @Column('text', { nullable: true }) region: string | null;
  @Column('integer') revision: number;
  @Column('boolean') published: boolean;
  @Column('integer', { nullable: true }) publishedRevision: number | null;
  @Column('text') coConstruction: string;
  @Column('jsonb') internalTeams: string[];
  @Column('jsonb') partners: { partnerId: string; involvement: Involvement }[];
  @Column('jsonb') findings: Finding[];
  @Column('jsonb') sections: Record<string, { text: string; keyFigures: KeyFigure[]; revision: number }>;
}

@Entity('diagnostic_revisions')
export class DiagnosticRevisionRow {
  @PrimaryColumn('text') safir: string;
  @PrimaryColumn('integer') year: number;
  @PrimaryColumn('integer') revision: number;
  @Column('text') section: string;
  @Column('text') text: string;
  @Column('jsonb') keyFigures: KeyFigure[];
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text') recordedAt: string;
  @Column('text') recordedBy: string;
}

@Entity('diagnostic_agencies')
export class DiagnosticAgencyRow {
  @PrimaryColumn('text') safir: string;
  @Column('text') region: string;
}
