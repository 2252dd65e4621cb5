import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CommandResponse, DateProperty, IntegerProperty, PageOf, ShareProperty } from '@ancrage/platform';
import { SERVICE_OFFER } from '@ancrage/shared-kernel';
import { PARTNER_CATEGORIES, SCALES } from '../../domain/categories';
import type { JointEventState } from '../../domain/joint-event.decider';
import { AGREEMENT_OBJECTIVES, EXPECTATIONS, JOINT_EVENT_KINDS, PUBLICS } from '../../domain/partnerships.events';
import type { AgreementStatus } from '../../read-models/partnership-views';

const CIRCLES = [1, 2, 3];

/** Every agreement status, with what it means (a Record, so a new status cannot be forgotten here). */
const AGREEMENT_STATUS_MEANING: Record<AgreementStatus, string> = {
  ACTIVE: 'signed, started, not ended nor terminated',
  EXPIRED: 'its end date has passed',
  TERMINATED: 'terminated on or before that date',
  NONE: 'no agreement was ever signed',
  NOT_STARTED: 'signed, starting later',
};
const AGREEMENT_STATUSES = Object.keys(AGREEMENT_STATUS_MEANING);
const agreementStatusDescription = Object.entries(AGREEMENT_STATUS_MEANING)
  .map(([k, v]) => `${k}: ${v}`)
  .join('; ');

const JOINT_EVENT_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const satisfies readonly NonNullable<JointEventState['status']>[];

export class PartnerRecordedView extends CommandResponse {
  @ApiProperty({ example: 'ml-berck' }) partnerId: string;
}

export class JointEventRecordedView extends CommandResponse {
  @ApiProperty({ example: 'jd-2018-04' }) jointEventId: string;
}

/** A partner of the shared register. */
export class PartnerView {
  @ApiProperty({ example: 'ml-berck' }) partnerId: string;
  @ApiProperty({ example: 'Mission locale du Montreuillois' }) name: string;
  @ApiProperty({ enum: PARTNER_CATEGORIES }) category: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'ETTI',
    description: 'SIAE kind, training body kind… (a data·inclusion code of the category)',
  })
  subkind: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'ML',
    description: 'the data·inclusion v0 typology code (null: the category has none)',
  })
  dataInclusionCode: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '73282932000074' }) siret: string | null;
  @ApiProperty({ enum: SCALES }) scale: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'the national network this partner is a branch of' }) parentPartnerId:
    string | null;
  @IntegerProperty({ enum: CIRCLES, description: "the priority circle of the partner's category" }) defaultCircle: number;
  @ApiProperty({ description: 'closed: no more contacts or assessments can be recorded with it' }) closed: boolean;
}

export class PartnerPage extends PageOf(PartnerView) {}

/** The criteria ticked at the latest assessment (only those given). */
export class QualityCriteriaView {
  @ApiProperty({ required: false }) mutualKnowledge?: boolean;
  @ApiProperty({ required: false }) namedReferents?: boolean;
  @ApiProperty({ required: false }) jointActions?: boolean;
  @ApiProperty({ required: false }) dataSharing?: boolean;
  @ApiProperty({ required: false }) communication?: boolean;
}

export class PartnerExpectationView {
  @ApiProperty({ example: 'exp-2018-01' }) expectationId: string;
  @ApiProperty({ enum: EXPECTATIONS }) expectation: string;
  @ApiProperty({ type: 'string', nullable: true }) note: string | null;
  @ApiProperty({ example: '2018-03-14T12:00:00.000Z', description: 'when it was recorded (occurredAt)' }) recordedAt: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'when it was addressed (null: still open)' }) addressedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true }) addressedNote: string | null;
}

/** One agency with one partner: circle, current (latest signed) agreement, latest assessment, activity counts. */
export class PartnershipView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ example: 'ml-berck' }) partnerId: string;
  @ApiProperty({ type: 'string', nullable: true, example: '32' }) region: string | null;
  @IntegerProperty({
    enum: [...CIRCLES, null],
    nullable: true,
    description: 'the circle assigned to this partnership (null: none assigned, the category default applies)',
  })
  circle: number | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'why the assigned circle differs from the category default' }) circleReason:
    string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the latest agreement signed (null: none)' }) agreementId: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'CONV-2016-12' }) agreementReference: string | null;
  @ApiProperty({ type: 'boolean', nullable: true, description: 'a signed convention (true) or an informal arrangement' }) agreementFormal:
    boolean | null;
  @ApiProperty({ enum: AGREEMENT_OBJECTIVES, isArray: true, nullable: true }) agreementObjectives: string[] | null;
  @ApiProperty({ enum: SERVICE_OFFER, isArray: true, nullable: true, description: 'the service offer the agreement mobilises' })
  agreementServices: string[] | null;
  @DateProperty({ nullable: true }) agreementStart: string | null;
  @DateProperty({ nullable: true, description: 'null: open-ended' }) agreementEnd: string | null;
  @DateProperty({ nullable: true }) agreementTerminatedOn: string | null;
  @IntegerProperty({ nullable: true, minimum: 1, maximum: 4, description: 'the latest quality score, 1 to 4 (null: never assessed)' })
  lastScore: number | null;
  @DateProperty({ nullable: true }) lastAssessedOn: string | null;
  @ApiProperty({ type: QualityCriteriaView, nullable: true }) lastCriteria: QualityCriteriaView | null;
  @IntegerProperty({ description: 'contacts logged, ever' }) contacts: number;
  @IntegerProperty({ description: 'expectations recorded and not yet addressed' }) openExpectations: number;
  @IntegerProperty() addressedExpectations: number;
  @ApiProperty({ type: [PartnerExpectationView], description: 'every expectation recorded, oldest first' })
  expectations: PartnerExpectationView[];
}

/** A directory line: the partnership, its partner, the circle that applies and the agreement status on the date read. */
export class DirectoryEntryView extends PartnershipView {
  @ApiProperty({ type: PartnerView, nullable: true, description: 'the partner (null: not in the register at that date)' })
  partner: PartnerView | null;
  @IntegerProperty({ enum: CIRCLES, description: "the assigned circle, else the category's default (3 without a partner)" })
  effectiveCircle: number;
  @ApiProperty({ enum: AGREEMENT_STATUSES, description: `on the date read (asOf, or today): ${agreementStatusDescription}` })
  agreementStatus: string;
}

export class DirectoryPage extends PageOf(DirectoryEntryView) {}

export class ExpiringAgreementsView extends PageOf(DirectoryEntryView) {
  @DateProperty({ description: 'the date read (asOf, or today)' }) on: string;
  @IntegerProperty({ description: 'the window: agreements ending by `on` + days' }) days: number;
}

/** The parts of the composite index, rounded to 0.1. */
export class QualityIndexPartsView {
  @ApiProperty({ minimum: 0, maximum: 50, description: '50 × (latest score − 1) ÷ 3 (0 without an assessment)' }) score: number;
  @ApiProperty({ minimum: 0, maximum: 25, description: '25 × min(contacts in the trailing 12 months ÷ 6, 1)' }) contacts: number;
  @ApiProperty({ minimum: 0, maximum: 15, description: '15 × min(joint events held in the trailing 12 months ÷ 2, 1)' })
  jointEvents: number;
  @ApiProperty({ minimum: 0, maximum: 10, description: '10 when an agreement is active at the month end' }) agreement: number;
}

export class QualityMonthView {
  @ApiProperty({ example: '2018-06' }) month: string;
  @IntegerProperty({ nullable: true, minimum: 1, maximum: 4, description: 'the latest score given by the month end (null: none yet)' })
  latestScore: number | null;
  @IntegerProperty({ description: 'contacts in the 12 months ending with this one' }) contactsTrailing12: number;
  @IntegerProperty({ description: 'joint events held with the partner in the 12 months ending with this one' })
  jointEventsTrailing12: number;
  @IntegerProperty() contactsInMonth: number;
  @ApiProperty({ enum: AGREEMENT_STATUSES, description: 'at the month end' }) agreementStatus: string;
  @IntegerProperty({ minimum: 0, maximum: 100, description: 'the composite quality index, 0 to 100 (see `formula`)' }) index: number;
  @ApiProperty({ type: QualityIndexPartsView }) parts: QualityIndexPartsView;
}

export class PartnershipQualityView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ example: 'ml-berck' }) partnerId: string;
  @ApiProperty({ description: 'how the index is computed, in words' }) formula: string;
  @ApiProperty({ type: [QualityMonthView], description: 'month by month, from `from` to `to`' }) series: QualityMonthView[];
}

export class PriorityCircleView {
  @IntegerProperty({ enum: CIRCLES }) circle: number;
  @IntegerProperty({ description: 'partners in this circle' }) partners: number;
  @ApiProperty({ type: [String] }) partnerIds: string[];
}

export class MatrixCircleView {
  @IntegerProperty({ enum: CIRCLES }) circle: number;
  @IntegerProperty({ description: 'partnerships in this circle whose latest score is 3 or 4' }) good: number;
  @IntegerProperty({ description: 'partnerships in this circle whose latest score is 1 or 2' }) poor: number;
  @IntegerProperty({ description: 'partnerships in this circle never assessed' }) notAssessed: number;
}

export class MatrixCategoryView {
  @ApiProperty({
    enum: [...PARTNER_CATEGORIES, 'UNKNOWN'],
    description: "the partner's category (UNKNOWN: the partner is not in the register)",
  })
  category: string;
  @IntegerProperty({ description: 'agencies with a partnership in this category' }) agencies: number;
  @ShareProperty('agencies that put a partner of this category in circle 1') priorityShare: number;
  @ShareProperty('agencies with a circle-1 partner of this category assessed 3 or 4') priorityAndGoodQualityShare: number;
  @ApiProperty({ type: [MatrixCircleView], description: 'circles 1 to 3' }) byCircle: MatrixCircleView[];
}

export class CircleQualityMatrixView {
  @ApiProperty({ type: 'string', nullable: true, example: '32', description: 'the region read (null: the country)' }) region: string | null;
  @ApiProperty({ type: [MatrixCategoryView], description: 'categories with at least one partnership, by code' })
  categories: MatrixCategoryView[];
}

export class JointEventOutcomesView {
  @IntegerProperty() jobSeekersPresent: number;
  @IntegerProperty() employersPresent: number;
  @IntegerProperty() candidatesPresented: number;
  @IntegerProperty({ description: 'never above candidatesPresented' }) hires: number;
}

export class JointEventView {
  @ApiProperty({ example: '62001' }) safir: string;
  @ApiProperty({ example: 'jd-2018-04' }) jointEventId: string;
  @ApiProperty({ enum: JOINT_EVENT_KINDS }) kind: string;
  @DateProperty() date: string;
  @ApiProperty({ example: 'Job dating saisonniers' }) title: string;
  @ApiProperty({ type: [String] }) partnerIds: string[];
  @ApiProperty({ enum: PUBLICS, isArray: true, description: 'data·inclusion publics' }) publics: string[];
  @ApiProperty({ type: 'string', nullable: true }) planActionId: string | null;
  @ApiProperty({ enum: SERVICE_OFFER, isArray: true, description: 'the service offer it mobilises' }) services: string[];
  @ApiProperty({ enum: JOINT_EVENT_STATUSES }) status: string;
  @ApiProperty({ type: JointEventOutcomesView, nullable: true, description: 'set once held' }) outcomes: JointEventOutcomesView | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'set once cancelled' }) cancelReason: string | null;
}

/** Outcomes summed over held joint events. */
export class JointEventTotalsView {
  @IntegerProperty({ description: 'held events counted' }) events: number;
  @IntegerProperty() jobSeekersPresent: number;
  @IntegerProperty() employersPresent: number;
  @IntegerProperty() candidatesPresented: number;
  @IntegerProperty() hires: number;
}

const totalsByKey = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(JointEventTotalsView) }, description });

export class JointEventOutcomeTotalsView {
  @ApiProperty({ type: JointEventTotalsView, description: 'every held event between from and to, not only those of this page' })
  all: JointEventTotalsView;
  @totalsByKey('keyed by joint event kind (FORUM, JOB_DATING…): the kinds held') byKind: Record<string, JointEventTotalsView>;
  @totalsByKey('keyed by partner id: the partners of the held events (an event counts for each of its partners)') byPartner: Record<
    string,
    JointEventTotalsView
  >;
}

export class JointEventCalendarView extends PageOf(JointEventView) {
  @ApiProperty({ type: JointEventOutcomeTotalsView }) totals: JointEventOutcomeTotalsView;
}
