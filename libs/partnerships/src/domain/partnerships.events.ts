import type { ServiceOffer, WhenItHappened } from '@ancrage/shared-kernel';
import type { Circle, PartnerCategory, Scale } from './categories';

export const AGREEMENT_OBJECTIVES = [
  'COMPLEMENTARY_SERVICES',
  'ACCESSIBILITY_RELAY_POINT',
  'BRAND_IMAGE',
  'LINKS_WITH_ECONOMIC_ACTORS',
  'ANTICIPATION_OF_NEEDS',
] as const;
export type AgreementObjective = (typeof AGREEMENT_OBJECTIVES)[number];
export const CONTACT_KINDS = ['MEETING', 'PHONE', 'SPEP_INSTANCE', 'CO_ANIMATION', 'REFERRAL', 'DATA_SHARED'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const EXPECTATIONS = [
  'SHARED_KEY_DATA',
  'CO_CONSTRUCTED_DIAGNOSTIC',
  'REGULAR_COMMUNICATION_ON_SERVICE_OFFER',
  'CONCERTED_RESPONSES',
  /** « une articulation plus claire … des stratégies entre la Direction territoriale et l’agence » */
  'CLEARER_DT_AGENCY_STRATEGY',
] as const;
export type Expectation = (typeof EXPECTATIONS)[number];
export const QUALITY_CRITERIA = ['mutualKnowledge', 'namedReferents', 'jointActions', 'dataSharing', 'communication'] as const;
export type QualityCriterion = (typeof QUALITY_CRITERIA)[number];
export const JOINT_EVENT_KINDS = [
  'FORUM',
  'JOB_DATING',
  'SALON_PHYSICAL',
  'SALON_VIRTUAL',
  'INFORMATION_COLLECTIVE',
  'ATELIER',
  'RECRUITMENT_SESSION',
  'MRS_SESSION',
  'CO_ANIMATION',
] as const;
export type JointEventKind = (typeof JOINT_EVENT_KINDS)[number];
/** data·inclusion "publics" vocabulary (subset). */
export const PUBLICS = [
  'jeunes',
  'seniors',
  'demandeurs-emploi',
  'personnes-en-situation-de-handicap',
  'residents-qpv-frr',
  'beneficiaires-rsa',
  'femmes',
  'familles',
] as const;

export interface PartnerData {
  partnerId: string;
  name: string;
  category: PartnerCategory;
  subkind: string | null;
  dataInclusionCode: string | null;
  siret: string | null;
  scale: Scale;
  parentPartnerId: string | null;
}

export interface Outcomes {
  jobSeekersPresent: number;
  employersPresent: number;
  candidatesPresented: number;
  hires: number;
}

export type PartnerEvent = WhenItHappened<
  | { type: 'PartnerRegistered'; data: PartnerData }
  | { type: 'PartnerUpdated'; data: { partnerId: string; name: string; scale: Scale; siret: string | null } }
  | { type: 'PartnerClosed'; data: { partnerId: string; reason: string } }
>;

export type PartnershipEvent = WhenItHappened<
  | {
      type: 'AgreementSigned';
      data: {
        safir: string;
        partnerId: string;
        agreementId: string;
        reference: string;
        scale: Scale;
        formal: boolean;
        objectives: AgreementObjective[];
        startDate: string;
        endDate: string | null;
        /** The service offer the agreement mobilises (absent from agreements signed before it was asked: none). */
        services?: ServiceOffer[];
      };
    }
  | { type: 'AgreementAmended'; data: { safir: string; partnerId: string; agreementId: string; note: string; endDate: string | null } }
  | { type: 'AgreementRenewed'; data: { safir: string; partnerId: string; agreementId: string; endDate: string } }
  | { type: 'AgreementTerminated'; data: { safir: string; partnerId: string; agreementId: string; terminatedOn: string; reason: string } }
  | {
      type: 'PriorityCircleAssigned';
      data: { safir: string; partnerId: string; circle: Circle; defaultCircle: Circle; reason: string | null };
    }
  | {
      type: 'ContactLogged';
      data: { safir: string; partnerId: string; kind: ContactKind; date: string; participants: string[]; note: string | null };
    }
  | {
      type: 'PartnerExpectationRecorded';
      data: { safir: string; partnerId: string; expectationId: string; expectation: Expectation; note: string | null };
    }
  | { type: 'PartnerExpectationAddressed'; data: { safir: string; partnerId: string; expectationId: string; note: string | null } }
  | {
      type: 'QualityAssessed';
      data: {
        safir: string;
        partnerId: string;
        score: 1 | 2 | 3 | 4;
        criteria: Partial<Record<QualityCriterion, boolean>>;
        assessedOn: string;
      };
    }
>;

export type JointEventEvent = WhenItHappened<
  | {
      type: 'JointEventPlanned';
      data: {
        safir: string;
        jointEventId: string;
        kind: JointEventKind;
        date: string;
        title: string;
        partnerIds: string[];
        publics: string[];
        planActionId: string | null;
        /** The service offer the event mobilises (MRS, PMSMP…); absent from events recorded before it was asked. */
        services?: ServiceOffer[];
      };
    }
  | { type: 'JointEventHeld'; data: { safir: string; jointEventId: string; date: string; partnerIds: string[]; outcomes: Outcomes } }
  | { type: 'JointEventCancelled'; data: { safir: string; jointEventId: string; reason: string } }
>;

export const partnerStream = (partnerId: string) => `partner-${partnerId}`;
export const partnershipStream = (safir: string, partnerId: string) => `partnership-${safir}-${partnerId}`;
export const jointEventStream = (safir: string, id: string) => `joint-event-${safir}-${id}`;
