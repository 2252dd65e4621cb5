import {
  ACTION_STATUS,
  CONTACT_KIND,
  DIAGNOSTIC_SECTION,
  DIGEST_FREQUENCY,
  EVENT_TYPE,
  EXPECTATION,
  EXPENDITURE_CATEGORY,
  INSTANCE_KIND,
  JOINT_EVENT_KIND,
  LEVER,
  PATHWAY_MEASURE,
  RELAXED_CRITERION,
  ROLE,
  label,
} from './catalogue';
import { date, euros, number, percent } from './format';
import { REGIONS } from '../../../../libs/territory/src/domain/geography';

type Data = Record<string, unknown>;
const s = (d: Data, k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
/** What the events refer to by id, named (the API's `names`, keyed kind:key); the id when unknown. */
export type Names = Record<string, string>;
let names: Names = {};
let scope = '';
const named = (kind: string, key: string, id: string) => names[`${kind}:${key}`] ?? id;
const user = (id: string) => named('user', id, id);
const partner = (d: Data) => named('partner', s(d, 'partnerId'), s(d, 'partnerId'));
const action = (d: Data) => `« ${named('action', `${scope}/${s(d, 'actionId')}`, s(d, 'actionId'))} »`;
const jointEvent = (d: Data) => `« ${named('jointEvent', `${s(d, 'safir')}/${s(d, 'jointEventId')}`, s(d, 'jointEventId'))} »`;
const agreement = (d: Data) => named('agreement', `${s(d, 'safir')}/${s(d, 'partnerId')}/${s(d, 'agreementId')}`, s(d, 'agreementId'));
const instance = (d: Data) => `« ${named('instance', `${s(d, 'safir')}/${s(d, 'instanceId')}`, s(d, 'instanceId'))} »`;
const campaign = (d: Data) => `« ${named('campaign', s(d, 'campaignId'), s(d, 'campaignId'))} »`;
const pathway = (d: Data) => `« ${named('pathway', `${s(d, 'safir')}/${s(d, 'pathwayId')}`, s(d, 'pathwayId'))} »`;
const list = (d: Data, k: string) => (Array.isArray(d[k]) ? (d[k] as unknown[]).length : 0);
const commitment = (d: Data) => `« ${named('commitment', `${scope}/${s(d, 'commitmentId')}`, s(d, 'commitmentId'))} »`;
const n = (d: Data, k: string) => (typeof d[k] === 'number' ? (d[k] as number) : 0);
const quoted = (text: string) => (text ? ` « ${text} »` : '');

/**
 * What an event says, as a sentence a manager or an auditor reads (« Paiement de 777,00 € pour
 * l’engagement eng-… »). The dates it happened and was recorded are shown beside it.
 */
const SENTENCES: Record<string, (d: Data) => string> = {
  UserRegistered: (d) => `Utilisateur ${s(d, 'userId')} (${s(d, 'displayName')}) enregistré`,
  RoleGranted: (d) => {
    const grant = (d.grant ?? {}) as Data;
    const agencies = Array.isArray(grant.agencies) ? (grant.agencies as string[]) : [];
    const regions = Array.isArray(grant.regions) ? (grant.regions as string[]).map((r) => REGIONS[r]?.name ?? r) : [];
    const where = agencies.length
      ? ` pour ${agencies.length > 1 ? 'les agences' : 'l’agence'} ${agencies.join(', ')}`
      : regions.length
        ? ` pour ${regions.join(', ')}`
        : grant.national
          ? ' au niveau national'
          : '';
    return `Rôle « ${label(ROLE, s(grant, 'role'))} » accordé à ${user(s(d, 'userId'))}${where}`;
  },
  RoleRevoked: (d) => `Rôle « ${label(ROLE, s(d, 'role'))} » retiré à ${user(s(d, 'userId'))}`,
  UserDisabled: (d) => `Utilisateur ${user(s(d, 'userId'))} désactivé : ${s(d, 'reason')}`,
  UserEnabled: (d) => `Utilisateur ${user(s(d, 'userId'))} réactivé`,
  ApiTokenIssued: (d) => `Jeton d’accès « ${s(d, 'label')} » émis pour ${user(s(d, 'userId'))}`,
  ApiTokenRevoked: (d) => `Un jeton d’accès de ${user(s(d, 'userId'))} révoqué`,
  DigestPreferenceSet: (d) =>
    `Récapitulatif des alertes de ${user(s(d, 'userId'))} : ${label(DIGEST_FREQUENCY, s(d, 'frequency')).toLowerCase()}${s(d, 'email') ? ` (${s(d, 'email')})` : ''}`,
  AgencyRegistered: (d) => `Agence ${s(d, 'name')} (${s(d, 'safir')}) enregistrée, bassin ${s(d, 'employmentBasin')}`,
  TerritorialContextRevised: (d) => {
    const f = (d.figures ?? {}) as Data;
    return `Contexte territorial au ${date(s(d, 'effectiveDate'))} : chômage ${number(n(f, 'unemploymentRate'))} %, longue durée ${number(n(f, 'longTermUnemploymentShare'))} %, emplois saisonniers ${number(n(f, 'seasonalJobShare'))} %, RSA ${number(n(f, 'rsaShare'))} %`;
  },
  PartnerRegistered: (d) => `Partenaire${quoted(s(d, 'name'))} enregistré dans le registre`,
  PartnerUpdated: (d) => `Partenaire ${partner(d)} modifié : nom${quoted(s(d, 'name'))}`,
  PartnerClosed: (d) => `Partenaire ${partner(d)} clos : ${s(d, 'reason')}`,
  AgreementSigned: (d) =>
    `Convention ${s(d, 'reference')} signée avec ${partner(d)}, du ${date(s(d, 'startDate'))}${d.endDate ? ` au ${date(s(d, 'endDate'))}` : ''}`,
  AgreementAmended: (d) => `Avenant à la convention ${agreement(d)} avec ${partner(d)} : ${s(d, 'note')}`,
  AgreementRenewed: (d) => `Convention ${agreement(d)} avec ${partner(d)} renouvelée jusqu’au ${date(s(d, 'endDate'))}`,
  AgreementTerminated: (d) => `Convention ${agreement(d)} avec ${partner(d)} résiliée au ${date(s(d, 'terminatedOn'))} : ${s(d, 'reason')}`,
  PriorityCircleAssigned: (d) => `${partner(d)} placé dans le cercle ${n(d, 'circle')}${d.reason ? ` : ${s(d, 'reason')}` : ''}`,
  ContactLogged: (d) => `Contact avec ${partner(d)} (${label(CONTACT_KIND, s(d, 'kind'))}) le ${date(s(d, 'date'))}`,
  PartnerExpectationRecorded: (d) => `Attente de ${partner(d)} : ${label(EXPECTATION, s(d, 'expectation')).toLowerCase()}`,
  PartnerExpectationAddressed: (d) => `Attente de ${partner(d)} traitée${d.note ? ` : ${s(d, 'note')}` : ''}`,
  QualityAssessed: (d) => `Qualité du partenariat avec ${partner(d)} évaluée à ${n(d, 'score')} / 4 le ${date(s(d, 'assessedOn'))}`,
  JointEventPlanned: (d) => `${label(JOINT_EVENT_KIND, s(d, 'kind'))}${quoted(s(d, 'title'))} prévu le ${date(s(d, 'date'))}`,
  JointEventHeld: (d) => {
    const o = (d.outcomes ?? {}) as Data;
    return `Événement ${jointEvent(d)} réalisé : ${number(n(o, 'jobSeekersPresent'))} demandeurs d’emploi, ${number(n(o, 'candidatesPresented'))} candidats présentés, ${number(n(o, 'hires'))} recrutements`;
  },
  JointEventCancelled: (d) => `Événement ${jointEvent(d)} annulé : ${s(d, 'reason')}`,
  InstanceJoined: (d) =>
    `Participation à l’instance${quoted(s(d, 'name'))} (${label(INSTANCE_KIND, s(d, 'kind')).toLowerCase()}), avec ${number(list(d, 'memberPartnerIds'))} partenaire(s) membre(s)`,
  InstanceMembersChanged: (d) =>
    `Membres de l’instance ${instance(d)} : ${number(list(d, 'added'))} ajouté(s), ${number(list(d, 'removed'))} retiré(s)`,
  InstanceMeetingRecorded: (d) =>
    `Réunion de l’instance ${instance(d)} du ${date(s(d, 'date'))}${quoted(s(d, 'topic'))} : ${d.attended ? 'agence représentée' : 'agence non représentée'}`,
  InstanceLeft: (d) => `L’agence quitte l’instance ${instance(d)} : ${s(d, 'reason')}`,
  CampaignLaunched: (d) =>
    `Campagne${quoted(s(d, 'name'))} lancée : ${number(n(d, 'posts'))} postes, ${number(n(d, 'dedicatedAdvisers'))} conseiller(s) dédié(s)`,
  CampaignAgencyJoined: (d) => `Agence ${s(d, 'safir')} associée à la campagne ${campaign(d)}`,
  CampaignProgressReported: (d) =>
    `Campagne ${campaign(d)}, agence ${s(d, 'safir')} au ${date(s(d, 'on'))} : ${number(n(d, 'applications'))} candidatures, ${number(n(d, 'hires'))} recrutements`,
  CampaignClosed: (d) => `Campagne ${campaign(d)} close : ${s(d, 'outcome')}`,
  PathwayOpened: (d) =>
    `Parcours${quoted(s(d, 'name'))} ouvert : ${number(n(d, 'yearlyReachTarget'))} personnes par an, ${percent(n(d, 'employmentRateTarget'))} de retour à l’emploi visés`,
  CohortStarted: (d) => `Cohorte ${s(d, 'cohortId')} entrée dans le parcours ${pathway(d)} : ${number(n(d, 'entries'))} personnes`,
  CohortOutcomesRecorded: (d) =>
    `Cohorte ${s(d, 'cohortId')} du parcours ${pathway(d)} au ${date(s(d, 'on'))} : ${number(n(d, 'exits'))} sorties, dont ${number(n(d, 'employment'))} en emploi et ${number(n(d, 'training'))} en formation`,
  PathwayClosed: (d) => `Parcours ${pathway(d)} clos : ${s(d, 'reason')}`,
  BasinRegistered: (d) => `Bassin d’emploi ${s(d, 'code')}${quoted(s(d, 'name'))} enregistré`,
  BasinRenamed: (d) => `Bassin d’emploi ${s(d, 'code')} renommé${quoted(s(d, 'name'))}`,
  BasinLeadAgencyAssigned: (d) => `L’agence ${s(d, 'safir')} est cheffe de file du bassin ${s(d, 'code')} auprès de ${partner(d)}`,
  ReferentNamed: (d) =>
    `${s(d, 'name')} (${s(d, 'role')}) nommé(e) référent(e) ${d.side === 'AGENCY' ? 'de l’agence auprès de' : 'chez'} ${partner(d)}`,
  ReferentContactChanged: (d) => `Coordonnées du référent ${s(d, 'referentId')} chez ${partner(d)} modifiées`,
  ReferentWithdrawn: (d) => `Le référent ${s(d, 'referentId')} chez ${partner(d)} n’est plus en fonction : ${s(d, 'reason')}`,
  AgreementDocumentAttached: (d) =>
    `Document${quoted(s(d, 'title'))} (${s(d, 'fileName')}) joint à la convention ${s(d, 'agreementId')} avec ${partner(d)}`,
  AgreementDocumentWithdrawn: (d) => `Document retiré de la convention ${s(d, 'agreementId')} avec ${partner(d)} : ${s(d, 'reason')}`,
  DiagnosticDrafted: (d) => `Diagnostic territorial ${n(d, 'year')} ouvert`,
  DiagnosticSectionRevised: (d) =>
    `Section « ${label(DIAGNOSTIC_SECTION, s(d, 'section'))} » du diagnostic rédigée${d.reason ? ` (motif : ${s(d, 'reason')})` : ''}`,
  DiagnosticParticipationRecorded: (d) =>
    `Participation au diagnostic : ${Array.isArray(d.partners) ? d.partners.length : 0} partenaire(s) associé(s)`,
  DiagnosticPublished: (d) => `Diagnostic publié avec ${Array.isArray(d.findings) ? d.findings.length : 0} constat(s)`,
  ActionPlanDrafted: (d) => `Plan d’action ${n(d, 'year')} ouvert, en réponse au diagnostic ${n(d, 'diagnosticYear')}`,
  PriorityAdded: (d) => `Priorité${quoted(s(d, 'title'))} ajoutée au plan`,
  ActionAdded: (d) => `Action${quoted(s(d, 'title'))} ajoutée (${label(LEVER, s(d, 'lever')).toLowerCase()})`,
  ActionPlanAdopted: (d) => `Plan d’action adopté le ${date(s(d, 'adoptedOn'))}`,
  ProgressReported: (d) => `Avancement de l’action ${action(d)} : ${number(n(d, 'value'))} au ${date(s(d, 'on'))}`,
  ActionMeasuredByPathway: (d) =>
    `Action ${action(d)} mesurée par le parcours ${s(d, 'pathwayId')} : ${label(PATHWAY_MEASURE, s(d, 'measure'))}`,
  ActionStatusChanged: (d) =>
    `Action ${action(d)} : ${label(ACTION_STATUS, s(d, 'status')).toLowerCase()}${d.reason ? ` (${s(d, 'reason')})` : ''}`,
  MidYearReviewRecorded: (d) => `Revue de mi-parcours du ${date(s(d, 'reviewedOn'))}`,
  ActionPlanClosed: (d) => `Plan d’action clôturé le ${date(s(d, 'closedOn'))}`,
  ClosedPlanAdjusted: (d) => `Ajustement du plan ${n(d, 'planYear')} clos${d.actionId ? `, action ${action(d)}` : ''} : ${s(d, 'note')}`,
  EnvelopeAllocated: (d) => `Enveloppe « 5 % » ${n(d, 'year')} de ${euros(n(d, 'amountCents'))} allouée`,
  EnvelopeAdjusted: (d) => `Enveloppe ajustée de ${euros(n(d, 'deltaCents'))} : ${s(d, 'reason')}`,
  ExpenditureCommitted: (d) => {
    const mobility = (d.mobility ?? null) as Data | null;
    return `Dépense de ${euros(n(d, 'amountCents'))} engagée (${label(EXPENDITURE_CATEGORY, s(d, 'category')).toLowerCase()}${mobility ? `, critère assoupli : ${label(RELAXED_CRITERION, s(mobility, 'relaxedCriterion')).toLowerCase()}` : ''}), pour ${quoted(s(d, 'rationale')).trim() || 'un engagement'}`;
  },
  OverCommitmentRequested: (d) => `Dépassement de ${euros(n(d, 'amountCents'))} demandé à la direction : ${s(d, 'reason')}`,
  OverCommitmentAuthorised: (d) =>
    `Dépassement de ${euros(n(d, 'amountCents'))} autorisé par ${user(s(d, 'authorisedBy'))} : ${s(d, 'reason')}`,
  OverCommitmentRefused: (d) => `Demande de dépassement refusée par ${user(s(d, 'refusedBy'))} : ${s(d, 'reason')}`,
  PaymentRecorded: (d) => `Paiement de ${euros(n(d, 'amountCents'))} pour l’engagement ${commitment(d)}`,
  CommitmentReleased: (d) => `${euros(n(d, 'releasedCents'))} libérés sur l’engagement ${commitment(d)} : ${s(d, 'reason')}`,
  PaymentCorrected: (d) =>
    `Paiement de l’engagement ${commitment(d)} corrigé de ${euros(n(d, 'previousCents'))} à ${euros(n(d, 'correctedCents'))} : ${s(d, 'reason')}`,
  FundYearClosed: (d) => `Exercice du fonds clôturé : ${s(d, 'reason')}`,
};

/** A stream's agency and year (`action-plan-62001-2018` → `62001/2018`), the scope of its ids. */
const scopeOf = (streamId: string) => streamId.split('-').slice(-2).join('/');

/** The sentence of an event, naming what it refers to from `known` (the API's names). */
export function sentence(event: { type: string; data: unknown; streamId: string }, known: Names = {}): string {
  const write = SENTENCES[event.type];
  if (!write) return EVENT_TYPE[event.type] ?? 'Événement non répertorié';
  names = known;
  scope = scopeOf(event.streamId);
  return write((event.data ?? {}) as Data);
}

/** Who recorded an event: their name when known, and their role. */
export function recordedBy(actor: string, role: string, known: Names = {}): string {
  return `${known[`user:${actor}`] ?? actor} (${label(ROLE, role).toLowerCase()})`;
}

export const KNOWN_EVENT_TYPES = Object.keys(SENTENCES);
