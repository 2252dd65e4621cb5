/**
 * The study's five anchoring configurations (graphique 4): the basin's context crossed with how
 * proactively the agency mobilises its services and partners. This file is the only place the
 * placement rule is written; the API returns it with the indicator values behind each placement.
 */
export const CONFIGURATIONS = [
  'PROACTIVE_FAVOURABLE',
  'STANDARD_FAVOURABLE',
  'PROACTIVE_INTERMEDIATE',
  'STANDARD_INTERMEDIATE',
  'JOB_SEEKER_FOCUSED_DIFFICULT',
] as const;
export type AnchoringConfiguration = (typeof CONFIGURATIONS)[number];

export const CONFIGURATION_LABELS: Record<AnchoringConfiguration, string> = {
  PROACTIVE_FAVOURABLE: 'Mobilise services and partners proactively, in a favourable context',
  STANDARD_FAVOURABLE: 'Mobilise services and partners in a "standard" way, in a favourable context',
  PROACTIVE_INTERMEDIATE: 'Mobilise services and partners proactively, in an intermediate context',
  STANDARD_INTERMEDIATE: 'Mobilise services and partners in a "standard" way, in an intermediate context',
  JOB_SEEKER_FOCUSED_DIFFICULT: 'Focus on job-seeker services and the partnerships that serve them, in a difficult context',
};

export type ContextClass = 'FAVOURABLE' | 'INTERMEDIATE' | 'DIFFICULT';

/** What the events say of an agency's year, as of a reference date. */
export interface AnchoringIndicators {
  /** Joint events the agency planned in the year and did not cancel (forums, job datings…). */
  jointEventsInitiated: number;
  /** Circle-1 and circle-2 partnerships with an agreement active on the reference date and a last quality score ≥ 3. */
  strongPriorityPartnerships: number;
  /** The year's diagnostic had at least one partner at the CO_CONSTRUCTED level. */
  diagnosticCoConstructed: boolean;
  /** Share of the year's 5% commitments (net of releases) on specific public actions or innovative projects. */
  specificOrInnovativeFundShare: number;
  /** Actions of the year's plan on the employer-prospecting lever that were not abandoned. */
  employerProspectingActions: number;
  /**
   * Share of the year's meetings of the agency's local instances (SPE de proximité, cercle de
   * l'alternance, clubs…) it was represented at; 0 without meetings recorded.
   */
  instanceAttendanceShare: number;
}

export const PROACTIVITY_THRESHOLDS = {
  jointEventsInitiated: 3,
  strongPriorityPartnerships: 3,
  specificOrInnovativeFundShare: 0.25,
  employerProspectingActions: 1,
  instanceAttendanceShare: 0.75,
} as const;

/**
 * How many of the six criteria make an agency proactive. Instance attendance joined the five
 * first criteria as a sixth point without raising this: the study describes it as one more sign
 * of proactivity ("particulièrement présents et actifs dans les instances partenariales"), and
 * the standard agency as one present in most instances but not at every meeting.
 */
export const PROACTIVE_FROM = 3;

export const PLACEMENT_RULE =
  `Proactivity: one point each for ≥ ${PROACTIVITY_THRESHOLDS.jointEventsInitiated} joint events initiated and held in the year; ` +
  `≥ ${PROACTIVITY_THRESHOLDS.strongPriorityPartnerships} circle-1/2 partnerships with an active agreement and quality ≥ 3; ` +
  'a co-constructed diagnostic; ' +
  `≥ ${PROACTIVITY_THRESHOLDS.specificOrInnovativeFundShare * 100}% of the 5% committed on specific or innovative actions; ` +
  `≥ ${PROACTIVITY_THRESHOLDS.employerProspectingActions} employer-prospecting action in the plan; ` +
  `represented at ≥ ${PROACTIVITY_THRESHOLDS.instanceAttendanceShare * 100}% of the year's meetings of its local instances. ` +
  `${PROACTIVE_FROM} points or more: proactive. The basin context (territory classification) gives the column; ` +
  'a difficult context is always the fifth configuration (the study cannot rule out a proactive agency there: it is flagged).';

export interface Criterion {
  criterion: keyof AnchoringIndicators;
  value: number | boolean;
  threshold: string;
  met: boolean;
  /** What would meet it, when it is not met. */
  lever: string | null;
}

export interface Placement {
  configuration: AnchoringConfiguration | null;
  context: ContextClass | null;
  proactive: boolean;
  proactivityScore: number;
  criteria: Criterion[];
  /** Why the agency sits where it does, or why it cannot be placed. */
  explanation: string;
  rule: string;
}

function criteria(i: AnchoringIndicators): Criterion[] {
  const t = PROACTIVITY_THRESHOLDS;
  const count = (
    criterion: 'jointEventsInitiated' | 'strongPriorityPartnerships' | 'employerProspectingActions',
    lever: (gap: number) => string,
  ): Criterion => {
    const gap = t[criterion] - i[criterion];
    return { criterion, value: i[criterion], threshold: `≥ ${t[criterion]}`, met: gap <= 0, lever: gap > 0 ? lever(gap) : null };
  };
  const share = i.specificOrInnovativeFundShare;
  return [
    count(
      'jointEventsInitiated',
      (gap) => `initiate ${gap} more joint event${gap > 1 ? 's' : ''} with partners (forum, job dating, recruitment session)`,
    ),
    count(
      'strongPriorityPartnerships',
      (gap) => `bring ${gap} more circle-1/2 partnership${gap > 1 ? 's' : ''} under an active agreement with quality ≥ 3`,
    ),
    {
      criterion: 'diagnosticCoConstructed',
      value: i.diagnosticCoConstructed,
      threshold: 'true',
      met: i.diagnosticCoConstructed,
      lever: i.diagnosticCoConstructed ? null : 'co-construct the territorial diagnostic with at least one partner',
    },
    {
      criterion: 'specificOrInnovativeFundShare',
      value: Math.round(share * 1000) / 1000,
      threshold: `≥ ${t.specificOrInnovativeFundShare}`,
      met: share >= t.specificOrInnovativeFundShare,
      lever: share >= t.specificOrInnovativeFundShare ? null : 'commit more of the 5% to specific public actions or an innovative project',
    },
    count('employerProspectingActions', () => 'add an employer-prospecting and profile-promotion action to the plan'),
    {
      criterion: 'instanceAttendanceShare',
      value: Math.round(i.instanceAttendanceShare * 1000) / 1000,
      threshold: `≥ ${t.instanceAttendanceShare}`,
      met: i.instanceAttendanceShare >= t.instanceAttendanceShare,
      lever:
        i.instanceAttendanceShare >= t.instanceAttendanceShare
          ? null
          : 'be represented at more meetings of the local instances (SPE de proximité, cercle de l’alternance, clubs)',
    },
  ];
}

/** Places an agency-year among the five configurations, with the criteria that decided it. */
export function placeAgency(context: ContextClass | null, indicators: AnchoringIndicators): Placement {
  const list = criteria(indicators);
  const proactivityScore = list.filter((c) => c.met).length;
  const proactive = proactivityScore >= PROACTIVE_FROM;
  const base = { context, proactive, proactivityScore, criteria: list, rule: PLACEMENT_RULE };
  if (context === null) {
    return {
      ...base,
      configuration: null,
      explanation: 'no territorial context recorded for the basin yet: record one to place the agency',
    };
  }
  const configuration: AnchoringConfiguration =
    context === 'DIFFICULT'
      ? 'JOB_SEEKER_FOCUSED_DIFFICULT'
      : context === 'FAVOURABLE'
        ? proactive
          ? 'PROACTIVE_FAVOURABLE'
          : 'STANDARD_FAVOURABLE'
        : proactive
          ? 'PROACTIVE_INTERMEDIATE'
          : 'STANDARD_INTERMEDIATE';
  const met = `${proactivityScore} of ${list.length} proactivity criteria met (${PROACTIVE_FROM} needed)`;
  const explanation =
    context === 'DIFFICULT'
      ? `difficult basin context; ${met}${proactive ? ': a proactive agency in a difficult context, which the study did not observe' : ''}`
      : `${context.toLowerCase()} basin context; ${met}`;
  return { ...base, configuration, explanation };
}
