import type { WhenItHappened } from '@ancrage/shared-kernel';
/** The yearly territorial diagnostic: its sections, how it was built, and the findings it publishes. */
export const SECTIONS = ['LABOUR_DEMAND', 'LABOUR_SUPPLY', 'MATCHING', 'RISK_FACTORS', 'ASSETS', 'PARTNER_ISSUES'] as const;
export type Section = (typeof SECTIONS)[number];
export const INVOLVEMENTS = ['INFORMED', 'SHARED', 'CO_CONSTRUCTED'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];
export const FINDING_KINDS = ['NEED', 'RISK', 'ASSET'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface KeyFigure {
  label: string;
  value: number;
  unit: string;
  source: string;
}

export interface Finding {
  findingId: string;
  kind: FindingKind;
  title: string;
}

export type DiagnosticEvent = WhenItHappened<
  | { type: 'DiagnosticDrafted'; data: { safir: string; year: number } }
  | {
      type: 'DiagnosticSectionRevised';
      data: {
        safir: string;
        year: number;
        revision: number;
        section: Section;
        text: string;
        keyFigures: KeyFigure[];
        reason: string | null;
      };
    }
  | {
      type: 'DiagnosticParticipationRecorded';
      data: { safir: string; year: number; internalTeams: string[]; partners: { partnerId: string; involvement: Involvement }[] };
    }
  | { type: 'DiagnosticPublished'; data: { safir: string; year: number; revision: number; findings: Finding[] } }
>;

export const DIAGNOSTIC_EVENT_TYPES = [
  'DiagnosticDrafted',
  'DiagnosticSectionRevised',
  'DiagnosticParticipationRecorded',
  'DiagnosticPublished',
] as const;
export const diagnosticStream = (safir: string, year: number) => `diagnostic-${safir}-${year}`;

/** The highest involvement of any partner: the study finds fewer than a quarter go beyond SHARED. */
export function coConstructionLevel(partners: { involvement: Involvement }[]): Involvement | 'NONE' {
  if (partners.some((p) => p.involvement === 'CO_CONSTRUCTED')) return 'CO_CONSTRUCTED';
  if (partners.some((p) => p.involvement === 'SHARED')) return 'SHARED';
  return partners.length ? 'INFORMED' : 'NONE';
}
