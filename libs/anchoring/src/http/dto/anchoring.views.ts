import { ApiProperty } from '@nestjs/swagger';
import { DateProperty, IntegerProperty, IntegersByKeyProperty, PageOf } from '@ancrage/platform';
import { AnchoringIndicators, CONFIGURATIONS, ContextClass } from '../../domain/anchoring-profile';

// The domain has these as types only: the lists below are checked against them.
export const CONTEXT_CLASSES = ['FAVOURABLE', 'INTERMEDIATE', 'DIFFICULT'] as const satisfies readonly ContextClass[];
export const CRITERIA = [
  'jointEventsInitiated',
  'strongPriorityPartnerships',
  'diagnosticCoConstructed',
  'specificOrInnovativeFundShare',
  'employerProspectingActions',
  'instanceAttendanceShare',
] as const satisfies readonly (keyof AnchoringIndicators)[];

export class AnchoringIndicatorsView {
  @IntegerProperty({ description: 'joint events the agency planned in the year and did not cancel, by the reference date' })
  jointEventsInitiated: number;
  @IntegerProperty({ description: 'circle-1/2 partnerships with an agreement active on the reference date and a last quality score ≥ 3' })
  strongPriorityPartnerships: number;
  @ApiProperty({ description: "the year's diagnostic had a partner at the CO_CONSTRUCTED level" }) diagnosticCoConstructed: boolean;
  @ApiProperty({
    type: 'number',
    minimum: 0,
    maximum: 1,
    description:
      "share of the year's 5% commitments (net of releases) on specific public actions or innovative projects (0 to 1, not rounded)",
  })
  specificOrInnovativeFundShare: number;
  @IntegerProperty({ description: 'employer-prospecting actions of the year’s plan, not abandoned' }) employerProspectingActions: number;
  @ApiProperty({
    type: 'number',
    minimum: 0,
    maximum: 1,
    description: "share of the year's meetings of the agency's local instances it was represented at (0 without meetings; not rounded)",
  })
  instanceAttendanceShare: number;
}

export class CriterionView {
  @ApiProperty({ enum: CRITERIA, description: 'the indicator it reads' }) criterion: string;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'boolean' }],
    description: 'the indicator value (a boolean for diagnosticCoConstructed; shares rounded to 3 decimals)',
  })
  value: number | boolean;
  @ApiProperty({ example: '≥ 3', description: 'what meets it, in words' }) threshold: string;
  @ApiProperty() met: boolean;
  @ApiProperty({ type: 'string', nullable: true, description: 'what would meet it (null: met)' }) lever: string | null;
}

/** One agency placed among the five configurations, with what decided it. */
export class AnchoringPlacementView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '32' }) region: string;
  @ApiProperty() employmentBasin: string;
  @IntegerProperty({ example: 2018 }) year: number;
  @DateProperty({ description: 'the date the year is read at: its last day, or asOf / today when earlier' }) referenceDate: string;
  @ApiProperty({ type: AnchoringIndicatorsView }) indicators: AnchoringIndicatorsView;
  @ApiProperty({ type: 'string', enum: [...CONFIGURATIONS, null], nullable: true, description: 'null: no basin context recorded yet' })
  configuration: string | null;
  @ApiProperty({
    type: 'string',
    enum: [...CONTEXT_CLASSES, null],
    nullable: true,
    description: 'the basin context in force on the reference date',
  })
  context: string | null;
  @ApiProperty({ description: 'at least 3 of the 6 criteria met' }) proactive: boolean;
  @IntegerProperty({ minimum: 0, maximum: CRITERIA.length, description: 'criteria met, of the six' }) proactivityScore: number;
  @ApiProperty({ type: [CriterionView] }) criteria: CriterionView[];
  @ApiProperty({ description: 'why the agency sits where it does, or why it cannot be placed' }) explanation: string;
}

export class AgencyAnchoringView extends AnchoringPlacementView {
  @ApiProperty({ description: 'the placement rule, in words' }) rule: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'the configuration in words (null: not placed)' }) label: string | null;
}

export class AnchoringProfilesPage extends PageOf(AnchoringPlacementView) {
  @IntegerProperty({ example: 2018 }) year: number;
  @DateProperty({ description: 'the date the year is read at: its last day, or asOf / today when earlier' }) referenceDate: string;
  @IntegersByKeyProperty(`agencies placed in each configuration (${CONFIGURATIONS.join(', ')}), before the configuration filter`)
  byConfiguration: Record<string, number>;
  @IntegerProperty({ description: 'agencies that could not be placed (no basin context), before the configuration filter' })
  unplaced: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'each configuration code with its label' })
  configurations: Record<string, string>;
  @ApiProperty({ description: 'the placement rule, in words' }) rule: string;
}
