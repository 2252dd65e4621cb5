import { ACTION_STATUS, CONTACT_KIND, DIAGNOSTIC_SECTION, EVENT_TYPE, EXPECTATION, EXPENDITURE_CATEGORY, JOINT_EVENT_KIND, LEVER, RELAXED_CRITERION, ROLE, label } from './catalogue';
import { date, euros, number } from './format';
import { REGIONS } from '../../../../libs/territory/src/domain/geography';

type Data = Record<string, unknown>;
const s = (d: Data, k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
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
    const scope = agencies.length ? ` pour ${agencies.length > 1 ? 'les agences' : 'l’agence'} ${agencies.join(', ')}` : regions.length ? ` pour ${regions.join(', ')}` : grant.national ? ' au niveau national' : '';
    return `Rôle « ${label(ROLE, s(grant, 'role'))} » accordé à ${s(d, 'userId')}${scope}`;
  },
  RoleRevoked: (d) => `Rôle « ${label(ROLE, s(d, 'role'))} » retiré à ${s(d, 'userId')}`,
  UserDisabled: (d) => `Utilisateur ${s(d, 'userId')} désactivé : ${s(d, 'reason')}`,
  UserEnabled: (d) => `Utilisateur ${s(d, 'userId')} réactivé`,
  ApiTokenIssued: (d) => `Jeton d’accès « ${s(d, 'label')} » émis pour ${s(d, 'userId')}`,
  ApiTokenRevoked: (d) => `Jeton d’accès ${s(d, 'tokenId')} de ${s(d, 'userId')} révoqué`,
  AgencyRegistered: (d) => `Agence ${s(d, 'name')} (${s(d, 'safir')}) enregistrée, bassin ${s(d, 'employmentBasin')}`,
  TerritorialContextRevised: (d) => {
    const f = (d.figures ?? {}) as Data;
    return `Contexte territorial au ${date(s(d, 'effectiveDate'))} : chômage ${number(n(f, 'unemploymentRate'))} %, longue durée ${number(n(f, 'longTermUnemploymentShare'))} %, emplois saisonniers ${number(n(f, 'seasonalJobShare'))} %, RSA ${number(n(f, 'rsaShare'))} %`;
  },
  PartnerRegistered: (d) => `Partenaire${quoted(s(d, 'name'))} enregistré dans le registre`,
  PartnerUpdated: (d) => `Partenaire ${s(d, 'partnerId')} modifié : nom${quoted(s(d, 'name'))}`,
  PartnerClosed: (d) => `Partenaire ${s(d, 'partnerId')} clos : ${s(d, 'reason')}`,
  AgreementSigned: (d) => `Convention ${s(d, 'reference')} signée avec ${s(d, 'partnerId')}, du ${date(s(d, 'startDate'))}${d.endDate ? ` au ${date(s(d, 'endDate'))}` : ''}`,
  AgreementAmended: (d) => `Avenant à la convention ${s(d, 'agreementId')} avec ${s(d, 'partnerId')} : ${s(d, 'note')}`,
  AgreementRenewed: (d) => `Convention ${s(d, 'agreementId')} avec ${s(d, 'partnerId')} renouvelée jusqu’au ${date(s(d, 'endDate'))}`,
  AgreementTerminated: (d) => `Convention ${s(d, 'agreementId')} avec ${s(d, 'partnerId')} résiliée le ${date(s(d, 'terminatedOn'))} : ${s(d, 'reason')}`,
  PriorityCircleAssigned: (d) => `${s(d, 'partnerId')} placé dans le cercle ${n(d, 'circle')}${d.reason ? ` : ${s(d, 'reason')}` : ''}`,
  ContactLogged: (d) => `Contact avec ${s(d, 'partnerId')} (${label(CONTACT_KIND, s(d, 'kind'))}) le ${date(s(d, 'date'))}`,
  PartnerExpectationRecorded: (d) => `Attente de ${s(d, 'partnerId')} : ${label(EXPECTATION, s(d, 'expectation')).toLowerCase()}`,
  PartnerExpectationAddressed: (d) => `Attente ${s(d, 'expectationId')} de ${s(d, 'partnerId')} traitée${d.note ? ` : ${s(d, 'note')}` : ''}`,
  QualityAssessed: (d) => `Qualité du partenariat avec ${s(d, 'partnerId')} évaluée à ${n(d, 'score')} / 4 le ${date(s(d, 'assessedOn'))}`,
  JointEventPlanned: (d) => `${label(JOINT_EVENT_KIND, s(d, 'kind'))}${quoted(s(d, 'title'))} prévu le ${date(s(d, 'date'))}`,
  JointEventHeld: (d) => {
    const o = (d.outcomes ?? {}) as Data;
    return `Événement ${s(d, 'jointEventId')} réalisé : ${number(n(o, 'jobSeekersPresent'))} demandeurs d’emploi, ${number(n(o, 'candidatesPresented'))} candidats présentés, ${number(n(o, 'hires'))} recrutements`;
  },
  JointEventCancelled: (d) => `Événement ${s(d, 'jointEventId')} annulé : ${s(d, 'reason')}`,
  DiagnosticDrafted: (d) => `Diagnostic territorial ${n(d, 'year')} ouvert`,
  DiagnosticSectionRevised: (d) => `Section « ${label(DIAGNOSTIC_SECTION, s(d, 'section'))} » du diagnostic rédigée${d.reason ? ` (motif : ${s(d, 'reason')})` : ''}`,
  DiagnosticParticipationRecorded: (d) => `Participation au diagnostic : ${Array.isArray(d.partners) ? d.partners.length : 0} partenaire(s) associé(s)`,
  DiagnosticPublished: (d) => `Diagnostic publié avec ${Array.isArray(d.findings) ? d.findings.length : 0} constat(s)`,
  ActionPlanDrafted: (d) => `Plan d’action ${n(d, 'year')} ouvert, en réponse au diagnostic ${n(d, 'diagnosticYear')}`,
  PriorityAdded: (d) => `Priorité${quoted(s(d, 'title'))} ajoutée au plan`,
  ActionAdded: (d) => `Action${quoted(s(d, 'title'))} ajoutée (${label(LEVER, s(d, 'lever')).toLowerCase()})`,
  ActionPlanAdopted: (d) => `Plan d’action adopté le ${date(s(d, 'adoptedOn'))}`,
  ProgressReported: (d) => `Avancement de l’action ${s(d, 'actionId')} : ${number(n(d, 'value'))} au ${date(s(d, 'on'))}`,
  ActionStatusChanged: (d) => `Action ${s(d, 'actionId')} : ${label(ACTION_STATUS, s(d, 'status')).toLowerCase()}${d.reason ? ` (${s(d, 'reason')})` : ''}`,
  MidYearReviewRecorded: (d) => `Revue de mi-parcours du ${date(s(d, 'reviewedOn'))}`,
  ActionPlanClosed: (d) => `Plan d’action clôturé le ${date(s(d, 'closedOn'))}`,
  ClosedPlanAdjusted: (d) => `Ajustement du plan ${n(d, 'planYear')} clos : ${s(d, 'note')}`,
  EnvelopeAllocated: (d) => `Enveloppe « 5 % » ${n(d, 'year')} de ${euros(n(d, 'amountCents'))} allouée`,
  EnvelopeAdjusted: (d) => `Enveloppe ajustée de ${euros(n(d, 'deltaCents'))} : ${s(d, 'reason')}`,
  ExpenditureCommitted: (d) => {
    const mobility = (d.mobility ?? null) as Data | null;
    return `Dépense de ${euros(n(d, 'amountCents'))} engagée (${label(EXPENDITURE_CATEGORY, s(d, 'category')).toLowerCase()}${mobility ? `, critère assoupli : ${label(RELAXED_CRITERION, s(mobility, 'relaxedCriterion')).toLowerCase()}` : ''}), engagement ${s(d, 'commitmentId')}`;
  },
  OverCommitmentRequested: (d) => `Dépassement de ${euros(n(d, 'amountCents'))} demandé à la direction : ${s(d, 'reason')}`,
  OverCommitmentAuthorised: (d) => `Dépassement de ${euros(n(d, 'amountCents'))} autorisé par ${s(d, 'authorisedBy')} : ${s(d, 'reason')}`,
  OverCommitmentRefused: (d) => `Demande de dépassement ${s(d, 'requestId')} refusée par ${s(d, 'refusedBy')} : ${s(d, 'reason')}`,
  PaymentRecorded: (d) => `Paiement de ${euros(n(d, 'amountCents'))} pour l’engagement ${s(d, 'commitmentId')}`,
  CommitmentReleased: (d) => `${euros(n(d, 'releasedCents'))} libérés sur l’engagement ${s(d, 'commitmentId')} : ${s(d, 'reason')}`,
  PaymentCorrected: (d) => `Paiement ${s(d, 'paymentId')} corrigé de ${euros(n(d, 'previousCents'))} à ${euros(n(d, 'correctedCents'))} : ${s(d, 'reason')}`,
  FundYearClosed: (d) => `Exercice du fonds clôturé : ${s(d, 'reason')}`,
};

/** The sentence of an event; `partnerName` turns partner ids into the names people know. */
export function sentence(type: string, data: unknown, partnerName?: (partnerId: string) => string | undefined): string {
  const write = SENTENCES[type];
  if (!write) return EVENT_TYPE[type] ?? 'Événement non répertorié';
  const d = (data ?? {}) as Data;
  const named = typeof d.partnerId === 'string' && partnerName ? { ...d, partnerId: partnerName(d.partnerId) ?? d.partnerId } : d;
  return write(named);
}

export const KNOWN_EVENT_TYPES = Object.keys(SENTENCES);
