/**
 * The one French catalogue: every code the API returns has its label here, and nothing English
 * reaches the screen. A test checks it against the OpenAPI document's enums, the event types and
 * the error codes of the back end (test/web/catalogue.spec.ts).
 */
import { PLAN_STATUS_FR } from '../../../../libs/action-plans/src/domain/labels.fr';
import { CONFIGURATION_SHORT_FR } from '../../../../libs/anchoring/src/domain/labels.fr';
import { BASIN_ERROR_FR, CONTEXT_CLASS_FR } from '../../../../libs/territory/src/domain/labels.fr';
import { CAMPAIGN_ERROR_FR, CAMPAIGN_ROLE_FR, CAMPAIGN_STATUS_FR } from '../../../../libs/campaigns/src/domain/labels.fr';
import { PATHWAY_ERROR_FR } from '../../../../libs/pathways/src/domain/labels.fr';
import { REFERENT_ERROR_FR, REFERENT_SIDE_FR } from '../../../../libs/referents/src/domain/labels.fr';
import { DOCUMENT_ERROR_FR, DOCUMENT_MEDIA_TYPE_FR } from '../../../../libs/documents/src/domain/labels.fr';
import { SERVICE_OFFER_FR } from '../../../../libs/shared-kernel/src/service-offer';
import { PATHWAY_MEASURE_FR } from '../../../../libs/shared-kernel/src/pathway-measure';
import { ATTENDEE_ROLE_FR, INSTANCE_ERROR_FR, INSTANCE_KIND_FR } from '../../../../libs/instances/src/domain/labels.fr';
import {
  AGREEMENT_OBJECTIVE_FR,
  CONTACT_KIND_FR,
  EXPECTATION_FR,
  PARTNER_CATEGORY_FR,
  PARTNERSHIP_ERROR_FR,
  SCALE_FR,
} from '../../../../libs/partnerships/src/domain/labels.fr';

export const PARTNER_CATEGORY: Record<string, string> = { ...PARTNER_CATEGORY_FR, UNKNOWN: 'Hors registre' };

export const SCALE: Record<string, string> = SCALE_FR;

export const AGREEMENT_OBJECTIVE: Record<string, string> = AGREEMENT_OBJECTIVE_FR;

export const AGREEMENT_STATUS: Record<string, string> = {
  ACTIVE: 'En vigueur',
  EXPIRED: 'Échue',
  TERMINATED: 'Résiliée',
  NONE: 'Sans convention',
  NOT_STARTED: 'Pas encore en vigueur',
};

export const CONTACT_KIND: Record<string, string> = CONTACT_KIND_FR;

export const EXPECTATION: Record<string, string> = EXPECTATION_FR;

export const QUALITY_CRITERION: Record<string, string> = {
  mutualKnowledge: 'Connaissance mutuelle',
  namedReferents: 'Référents identifiés',
  jointActions: 'Actions communes',
  dataSharing: 'Partage de données',
  communication: 'Communication régulière',
};

export const QUALITY_SCORE: Record<string, string> = {
  '1': '1 — insuffisante',
  '2': '2 — à améliorer',
  '3': '3 — bonne',
  '4': '4 — très bonne',
};

export const INSTANCE_KIND: Record<string, string> = INSTANCE_KIND_FR;

export const ATTENDEE_ROLE: Record<string, string> = ATTENDEE_ROLE_FR;

export const REFERENT_SIDE: Record<string, string> = REFERENT_SIDE_FR;
export const DOCUMENT_MEDIA_TYPE: Record<string, string> = DOCUMENT_MEDIA_TYPE_FR;

export const SERVICE_OFFER: Record<string, string> = SERVICE_OFFER_FR;

export const PATHWAY_MEASURE: Record<string, string> = PATHWAY_MEASURE_FR;

export const CAMPAIGN_STATUS: Record<string, string> = CAMPAIGN_STATUS_FR;

export const CAMPAIGN_ROLE: Record<string, string> = CAMPAIGN_ROLE_FR;

export const JOINT_EVENT_KIND: Record<string, string> = {
  FORUM: 'Forum',
  JOB_DATING: 'Job dating',
  SALON_PHYSICAL: 'Salon (physique)',
  SALON_VIRTUAL: 'Salon (virtuel)',
  INFORMATION_COLLECTIVE: 'Information collective',
  ATELIER: 'Atelier',
  RECRUITMENT_SESSION: 'Session de recrutement en agence',
  MRS_SESSION: 'Session MRS (méthode de recrutement par simulation)',
  CO_ANIMATION: 'Co-animation',
};

export const JOINT_EVENT_STATUS: Record<string, string> = { PLANNED: 'Prévu', HELD: 'Réalisé', CANCELLED: 'Annulé' };

export const PUBLIC: Record<string, string> = {
  jeunes: 'Jeunes',
  seniors: 'Seniors',
  'demandeurs-emploi': 'Demandeurs d’emploi',
  'personnes-en-situation-de-handicap': 'Personnes en situation de handicap',
  'residents-qpv-frr': 'Résidents QPV / FRR',
  'beneficiaires-rsa': 'Bénéficiaires du RSA',
  femmes: 'Femmes',
  familles: 'Familles',
};

export const EXPENDITURE_CATEGORY: Record<string, string> = {
  DEROGATORY_MOBILITY_AID: 'Aide dérogatoire à la mobilité',
  LOCAL_SERVICE_PURCHASE: 'Achat de prestation locale',
  SPECIFIC_PUBLIC_ACTION: 'Action pour un public spécifique',
  INNOVATIVE_PROJECT: 'Projet innovant',
  PARTNER_SUBSIDY: 'Subvention à un partenaire',
};

export const FUNDING_ROUTE: Record<string, string> = { PUBLIC_PROCUREMENT: 'Marché public', SUBSIDY: 'Subvention' };

export const RELAXED_CRITERION: Record<string, string> = {
  RESOURCES: 'Condition de ressources',
  CONTRACT_LENGTH: 'Durée du contrat',
  MINIMUM_DISTANCE: 'Distance minimale',
  NATURE_OF_EXPENSES: 'Nature des dépenses',
};

export const LEVER: Record<string, string> = {
  INTERNAL_MOBILISATION: 'Mobilisation interne des agents',
  PARTNER_CO_CONSTRUCTION: 'Association des partenaires au diagnostic et au plan d’action',
  COMBINING_SERVICE_OFFER_SEGMENTS: 'Association des segments de l’offre de services (parcours)',
  INTENSIVE_SUPPORT: 'Accompagnement intensif',
  TRAINING: 'Recours accru à la formation',
  EMPLOYER_PROSPECTING_AND_PROFILE_PROMOTION: 'Prospection des employeurs et promotion de profils',
  SPECIFIC_INITIATIVES_FUNDED_BY_5_PERCENT: 'Initiatives spécifiques financées sur le « 5 % »',
  COMMUNICATION_TO_EMPLOYERS_AND_PARTNERS: 'Communication vers les entreprises et les partenaires',
  MANAGER_PROACTIVITY: 'Proactivité des responsables vis-à-vis des partenaires',
  JOB_SEEKER_EMPLOYER_ADVISER_SYNERGY: 'Synergie conseillers « demandeurs d’emploi » et « entreprises »',
  OPEN_PREMISES: 'Locaux animés, ouverts sur le territoire',
};

export const ACTION_STATUS: Record<string, string> = {
  PLANNED: 'Prévue',
  IN_PROGRESS: 'En cours',
  DONE: 'Réalisée',
  PAUSED: 'Suspendue',
  ABANDONED: 'Abandonnée',
  BLOCKED: 'Bloquée',
  CARRIED_OVER: 'Reportée sur l’année suivante',
};

export const PLAN_STATUS: Record<string, string> = PLAN_STATUS_FR;

export const DIAGNOSTIC_SECTION: Record<string, string> = {
  LABOUR_DEMAND: 'Demande de travail (besoins des employeurs)',
  LABOUR_SUPPLY: 'Offre de travail (demandeurs d’emploi)',
  MATCHING: 'Rapprochement de l’offre et de la demande',
  RISK_FACTORS: 'Facteurs de risque',
  ASSETS: 'Atouts du territoire',
  PARTNER_ISSUES: 'Enjeux partenariaux',
};

export const FINDING_KIND: Record<string, string> = { NEED: 'Besoin', RISK: 'Risque', ASSET: 'Atout' };

export const INVOLVEMENT: Record<string, string> = { INFORMED: 'Informé', SHARED: 'Partagé', CO_CONSTRUCTED: 'Co-construit' };

export const CO_CONSTRUCTION: Record<string, string> = { NONE: 'Aucun partenaire associé', ...INVOLVEMENT };

export const AREA_TYPE: Record<string, string> = { RURAL: 'Rural', PERI_URBAN: 'Périurbain', URBAN: 'Urbain' };

export const CONTEXT_CLASS: Record<string, string> = CONTEXT_CLASS_FR;

export const CONFIGURATION: Record<string, string> = {
  PROACTIVE_FAVOURABLE: 'Agences qui mobilisent les services et les partenaires de façon proactive dans un contexte favorable',
  STANDARD_FAVOURABLE: 'Agences qui mobilisent les services et les partenaires de façon « standard » dans un contexte favorable',
  PROACTIVE_INTERMEDIATE: 'Agences qui mobilisent les services et les partenaires de façon proactive dans un contexte intermédiaire',
  STANDARD_INTERMEDIATE: 'Agences qui mobilisent les services et les partenaires de façon « standard » dans un contexte intermédiaire',
  JOB_SEEKER_FOCUSED_DIFFICULT:
    'Agences centrées sur l’offre de services aux demandeurs d’emploi et les partenariats associés, dans un contexte difficile',
};

export const CONFIGURATION_SHORT: Record<string, string> = CONFIGURATION_SHORT_FR;

/** The six proactivity criteria of the anchoring profile, and the lever that meets each. */
export const ANCHORING_CRITERION: Record<string, { label: string; lever: string }> = {
  jointEventsInitiated: {
    label: 'Événements communs initiés et tenus dans l’année',
    lever: 'Initier davantage d’événements communs avec les partenaires (forum, job dating, session de recrutement)',
  },
  strongPriorityPartnerships: {
    label: 'Partenariats des cercles 1 et 2 conventionnés et de bonne qualité',
    lever: 'Conventionner davantage de partenariats des cercles 1 et 2 et porter leur qualité à 3 ou plus',
  },
  diagnosticCoConstructed: {
    label: 'Diagnostic territorial co-construit',
    lever: 'Co-construire le diagnostic territorial avec au moins un partenaire',
  },
  specificOrInnovativeFundShare: {
    label: 'Part du « 5 % » engagée sur des actions spécifiques ou innovantes',
    lever: 'Engager davantage du « 5 % » sur des actions pour des publics spécifiques ou un projet innovant',
  },
  employerProspectingActions: {
    label: 'Actions de prospection des employeurs au plan',
    lever: 'Ajouter au plan une action de prospection des employeurs et de promotion de profils',
  },
  instanceAttendanceShare: {
    label: 'Présence aux réunions des instances partenariales (trois sur quatre au moins)',
    lever: 'Être représenté à davantage de réunions des instances locales (SPE de proximité, cercle de l’alternance, clubs d’entreprises)',
  },
};

export const ROLE: Record<string, string> = {
  manager: 'Responsable d’agence',
  director: 'Directeur ou directrice',
  auditor: 'Auditeur ou auditrice',
  admin: 'Administrateur ou administratrice',
  operator: 'Exploitation (ligne de commande)',
};

/** The figures that classify a basin's context (territory's rule), and a service's state. */
export const CONTEXT_CRITERION: Record<string, string> = {
  unemploymentRate: 'Taux de chômage',
  longTermUnemploymentShare: 'Chômage de longue durée',
  rsaShare: 'Ménages au RSA',
  seasonalJobShare: 'Emplois saisonniers',
  qpv: 'Quartier prioritaire',
};

export const IMPORT_KIND: Record<string, string> = { partners: 'Partenaires', agreements: 'Conventions', contacts: 'Contacts' };

export const IMPORT_STATUS: Record<string, string> = {
  REHEARSING: 'Essai en cours',
  REHEARSED: 'Essai terminé : rien n’est encore enregistré',
  APPLYING: 'Import en cours',
  APPLIED: 'Import terminé',
  FAILED: 'Import interrompu',
};

export const ROW_OUTCOME: Record<string, string> = {
  CREATE: 'À créer',
  UPDATE: 'À modifier',
  UNCHANGED: 'Inchangée',
  REFUSED: 'Refusée',
};

export const ALERT_KIND: Record<string, string> = {
  OVER_COMMITMENT_PENDING: 'Demande de dépassement en attente',
  AGREEMENT_EXPIRING: 'Convention à renouveler',
  ENVELOPE_RUNNING_OUT: 'Enveloppe épuisée avant la fin de l’année',
  ACTION_LATE: 'Action en retard',
  EXPECTATION_OPEN: 'Attente d’un partenaire sans réponse',
};

export const DIGEST_FREQUENCY: Record<string, string> = {
  NONE: 'Aucun courriel',
  DAILY: 'Chaque matin',
  WEEKLY: 'Chaque lundi matin',
};

export const DIGEST_STATUS: Record<string, string> = {
  PENDING: 'En cours d’envoi',
  SENT: 'Envoyé',
  EMPTY: 'Rien à signaler, pas d’envoi',
  NOT_DUE: 'Plus abonné à ce récapitulatif',
};

export const OVER_COMMITMENT_REQUEST_STATUS: Record<string, string> = {
  PENDING: 'En attente',
  AUTHORISED: 'Autorisée',
  REFUSED: 'Refusée',
};

export const SERVICE_STATUS: Record<string, string> = {
  ok: 'En service',
  degraded: 'Dégradé',
  error: 'Hors service',
  shutting_down: 'En cours d’arrêt',
};

/** One check of the liveness and readiness answers (base de données, projections, mémoire). */
export const HEALTH_CHECK_STATUS: Record<string, string> = { up: 'Disponible', down: 'Indisponible', degraded: 'Dégradé' };

export const PROJECTION_STATE: Record<string, string> = {
  live: 'À jour',
  behind: 'En retard',
  stopped: 'Arrêtée',
  rebuilding: 'En reconstruction',
};

export const PROJECTION: Record<string, string> = {
  'user-directory': 'Utilisateurs et droits',
  'agency-directory': 'Agences',
  partnerships: 'Partenariats',
  diagnostics: 'Diagnostics territoriaux',
  'action-plans': 'Plans d’action',
  'fund-consumption': 'Fonds « 5 % »',
  anchoring: 'Profils d’ancrage',
};

/** Event types, as nouns for lists and filters (the history's sentences are in history.ts). */
export const EVENT_TYPE: Record<string, string> = {
  UserRegistered: 'Utilisateur enregistré',
  RoleGranted: 'Droit accordé',
  RoleRevoked: 'Droit retiré',
  UserDisabled: 'Utilisateur désactivé',
  UserEnabled: 'Utilisateur réactivé',
  ApiTokenIssued: 'Jeton d’accès émis',
  ApiTokenRevoked: 'Jeton d’accès révoqué',
  DigestPreferenceSet: 'Récapitulatif par courriel choisi',
  AgencyRegistered: 'Agence enregistrée',
  TerritorialContextRevised: 'Contexte territorial mis à jour',
  PartnerRegistered: 'Partenaire enregistré',
  PartnerUpdated: 'Partenaire modifié',
  PartnerClosed: 'Partenaire clos',
  AgreementSigned: 'Convention signée',
  AgreementAmended: 'Convention modifiée par avenant',
  AgreementRenewed: 'Convention renouvelée',
  AgreementTerminated: 'Convention résiliée',
  PriorityCircleAssigned: 'Cercle de priorité attribué',
  ContactLogged: 'Contact enregistré',
  PartnerExpectationRecorded: 'Attente du partenaire enregistrée',
  PartnerExpectationAddressed: 'Attente du partenaire traitée',
  QualityAssessed: 'Qualité du partenariat évaluée',
  JointEventPlanned: 'Événement commun prévu',
  JointEventHeld: 'Événement commun réalisé',
  JointEventCancelled: 'Événement commun annulé',
  InstanceJoined: 'Participation à une instance enregistrée',
  InstanceMembersChanged: 'Membres d’une instance modifiés',
  InstanceMeetingRecorded: 'Réunion d’instance enregistrée',
  InstanceLeft: 'Départ d’une instance enregistré',
  CampaignLaunched: 'Campagne de recrutement lancée',
  CampaignAgencyJoined: 'Agence associée à une campagne',
  CampaignProgressReported: 'Chiffres d’une campagne déclarés',
  CampaignClosed: 'Campagne de recrutement close',
  PathwayOpened: 'Parcours ouvert',
  CohortStarted: 'Cohorte entrée en parcours',
  CohortOutcomesRecorded: 'Résultats d’une cohorte enregistrés',
  PathwayClosed: 'Parcours clos',
  BasinRegistered: 'Bassin d’emploi enregistré',
  BasinRenamed: 'Bassin d’emploi renommé',
  BasinLeadAgencyAssigned: 'Agence cheffe de file désignée',
  ReferentNamed: 'Référent nommé',
  ReferentContactChanged: 'Coordonnées d’un référent modifiées',
  ReferentWithdrawn: 'Référent plus en fonction',
  AgreementDocumentAttached: 'Document joint à une convention',
  AgreementDocumentWithdrawn: 'Document retiré d’une convention',
  DiagnosticDrafted: 'Diagnostic ouvert',
  DiagnosticSectionRevised: 'Section du diagnostic rédigée',
  DiagnosticParticipationRecorded: 'Participation au diagnostic enregistrée',
  DiagnosticPublished: 'Diagnostic publié',
  ActionPlanDrafted: 'Plan d’action ouvert',
  PriorityAdded: 'Priorité ajoutée',
  ActionAdded: 'Action ajoutée',
  ActionPlanAdopted: 'Plan d’action adopté',
  ProgressReported: 'Avancement déclaré',
  ActionMeasuredByPathway: 'Action mesurée par un parcours',
  ActionStatusChanged: 'Statut d’action modifié',
  MidYearReviewRecorded: 'Revue de mi-parcours enregistrée',
  ActionPlanClosed: 'Plan d’action clôturé',
  ClosedPlanAdjusted: 'Ajustement d’un plan clôturé',
  EnvelopeAllocated: 'Enveloppe allouée',
  EnvelopeAdjusted: 'Enveloppe ajustée',
  ExpenditureCommitted: 'Dépense engagée',
  OverCommitmentRequested: 'Dépassement demandé',
  OverCommitmentAuthorised: 'Dépassement autorisé',
  OverCommitmentRefused: 'Dépassement refusé',
  PaymentRecorded: 'Paiement enregistré',
  CommitmentReleased: 'Engagement libéré',
  PaymentCorrected: 'Paiement corrigé',
  FundYearClosed: 'Exercice du fonds clôturé',
};

/** Error codes of the API, as the sentence a user reads. */
export const ERROR_CODE: Record<string, string> = {
  VALIDATION_FAILED: 'Certains champs sont à corriger.',
  FILE_REQUIRED: 'Choisissez un fichier à importer.',
  NOT_A_SPREADSHEET: 'Ce fichier n’est pas un tableur : envoyez un classeur Excel (.xlsx) ou un fichier CSV.',
  LEGACY_XLS: 'Les fichiers .xls (Excel 97-2003) ne sont pas lus : enregistrez le classeur au format .xlsx ou CSV.',
  EMPTY_FILE: 'Le fichier est vide.',
  NO_HEADER_ROW: 'Aucune ligne d’en-têtes reconnue : partez du modèle à télécharger.',
  MISSING_COLUMNS: 'Des colonnes obligatoires manquent : partez du modèle à télécharger.',
  TOO_MANY_ROWS: 'Le fichier a trop de lignes : découpez-le.',
  TOO_LARGE: 'Le classeur est trop volumineux une fois décompressé : découpez-le ou enregistrez-le en CSV.',
  PAYLOAD_TOO_LARGE: 'Le fichier dépasse 10 Mo.',
  IMPORT_KIND_NOT_FOUND: 'Ce type d’import n’existe pas.',
  IMPORT_NOT_FOUND: 'Cet import n’existe pas pour cette agence.',
  IMPORT_BUSY: 'Cet import est déjà en cours : attendez qu’il se termine.',
  INVALID_CELL: 'La valeur de cette cellule n’est pas lisible.',
  AMBIGUOUS_PARTNER: 'Plusieurs partenaires portent ce nom : indiquez l’identifiant ou le SIRET.',
  EMAIL_REQUIRED: 'Un récapitulatif a besoin d’une adresse électronique : indiquez-en une.',
  DIGESTS_OFF: 'L’envoi des récapitulatifs est désactivé : aucun serveur de messagerie n’est configuré.',
  MALFORMED_BODY: 'La requête est mal formée.',
  INVALID_EVENT: 'L’enregistrement a été refusé : une valeur n’est pas acceptable.',
  INTERNAL: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, transmettez le numéro de suivi au support.',
  CONCURRENT_CHANGE: 'Quelqu’un a modifié ces données au même moment : rechargez la page et recommencez.',
  IDEMPOTENCY_KEY_REUSED: 'Cette demande a déjà été envoyée avec un autre contenu : rechargez la page et recommencez.',
  IDEMPOTENCY_KEY_MISMATCH: 'Cette demande a déjà été envoyée avec un autre contenu : rechargez la page et recommencez.',
  IDEMPOTENCY_KEY_IN_USE: 'Cette demande est encore en cours d’enregistrement : réessayez dans un instant.',
  BODY_TOO_LARGE: 'La demande est trop volumineuse.',
  UNSUPPORTED_ENCODING: 'La demande doit être envoyée en UTF-8.',
  PROJECTION_BEHIND: 'L’enregistrement est fait, mais l’affichage n’est pas encore à jour : actualisez dans un instant.',
  FORBIDDEN: 'Vos droits ne permettent pas cette action.',
  FUTURE_DATE: 'Cette date est postérieure à aujourd’hui : enregistrez ce qui a eu lieu.',
  MISSING_TOKEN: 'Vous n’êtes pas connecté.',
  MALFORMED_TOKEN: 'Ce jeton d’accès est mal formé.',
  INVALID_TOKEN: 'Ce jeton d’accès n’est pas valide.',
  EXPIRED_TOKEN: 'Ce jeton d’accès a expiré.',
  REVOKED_TOKEN: 'Ce jeton d’accès a été révoqué.',
  UNKNOWN_USER: 'Cet utilisateur n’est pas connu d’Ancrage.',
  USER_DISABLED: 'Ce compte est désactivé.',
  TOO_MANY_AUTH_FAILURES: 'Trop de tentatives de connexion échouées : patientez une minute.',
  NO_DEMO: 'Les utilisateurs de démonstration ne sont proposés qu’avec la base embarquée.',
  UNKNOWN_PROJECTION: 'Cette vue n’existe pas.',
  EMPTY_LOG: 'Le journal est vide : aucune tête d’arbre ne peut encore être signée.',
  NOT_IN_TREE: 'Aucun événement à cette position n’est couvert par cette tête d’arbre signée.',
  UNKNOWN_TREE_HEAD: 'Aucune tête d’arbre signée de cette taille.',
  NO_SIGNING_KEY: 'Aucune clé de signature n’est configurée sur le serveur.',
  // territory
  AGENCY_EXISTS: 'Une agence porte déjà ce code SAFIR.',
  AGENCY_NOT_FOUND: 'Agence inconnue.',
  UNKNOWN_REGION: 'Région inconnue.',
  DEPARTMENT_NOT_IN_REGION: 'Ce département n’appartient pas à la région choisie.',
  BASIN_NOT_IN_REGION: 'Ce bassin d’emploi n’appartient pas à la région choisie.',
  ...BASIN_ERROR_FR,
  NOT_A_PERCENTAGE: 'La valeur doit être un pourcentage entre 0 et 100.',
  // access
  USER_EXISTS: 'Cet identifiant d’utilisateur est déjà pris.',
  USER_NOT_FOUND: 'Utilisateur inconnu.',
  INVALID_USER_ID: 'Identifiant d’utilisateur non valide.',
  INVALID_ROLE: 'Rôle inconnu.',
  INVALID_SCOPE: 'Le périmètre ne convient pas à ce rôle.',
  ROLE_NOT_GRANTED: 'Ce rôle n’est pas accordé à cet utilisateur.',
  TOKEN_NOT_FOUND: 'Jeton inconnu.',
  EXPIRY_IN_PAST: 'La date d’expiration est déjà passée.',
  // partnerships
  ...PARTNERSHIP_ERROR_FR,
  // instances
  ...INSTANCE_ERROR_FR,
  // campaigns
  ...CAMPAIGN_ERROR_FR,
  // pathways
  ...PATHWAY_ERROR_FR,
  // referents
  ...REFERENT_ERROR_FR,
  // documents
  ...DOCUMENT_ERROR_FR,
  // diagnostics
  DIAGNOSTIC_EXISTS: 'Le diagnostic de cette année est déjà ouvert.',
  DIAGNOSTIC_NOT_FOUND: 'Aucun diagnostic pour cette année.',
  DIAGNOSTIC_NOT_PUBLISHED: 'Le diagnostic de cette année n’est pas publié.',
  ALREADY_PUBLISHED: 'Le diagnostic est déjà publié.',
  EMPTY_DIAGNOSTIC: 'Rédigez au moins une section avant de publier.',
  NO_FINDINGS: 'Nommez au moins un constat pour publier.',
  DUPLICATE_FINDING: 'Deux constats portent le même identifiant.',
  // action plans
  PLAN_EXISTS: 'Le plan d’action de cette année est déjà ouvert.',
  PLAN_NOT_FOUND: 'Aucun plan d’action pour cette année.',
  PLAN_CLOSED: 'Le plan est clôturé : enregistrez un ajustement à la place.',
  PLAN_NOT_CLOSED: 'Les ajustements concernent les plans clôturés : déclarez plutôt un avancement.',
  PRIORITY_EXISTS: 'Une priorité porte déjà cet identifiant.',
  PRIORITY_NOT_FOUND: 'Priorité inconnue.',
  NO_FINDING_CITED: 'Une priorité doit répondre à au moins un constat du diagnostic.',
  UNKNOWN_FINDING: 'Ce constat n’appartient pas au diagnostic lié.',
  ACTION_EXISTS: 'Une action porte déjà cet identifiant.',
  ACTION_NOT_FOUND: 'Action inconnue.',
  ACTION_ABANDONED: 'Cette action est abandonnée : aucun avancement ne peut être déclaré.',
  ACTION_MEASURED_BY_PATHWAY: 'Cette action est mesurée par un parcours : ses valeurs viennent des cohortes, déclarez-les sur le parcours.',
  UNKNOWN_PATHWAY: 'Ce parcours n’existe pas dans l’agence.',
  DUE_BEFORE_START: 'L’échéance précède le début.',
  DUE_OUTSIDE_YEAR: 'L’échéance sort de l’année du plan : indiquez pourquoi.',
  TARGET_EQUALS_BASELINE: 'La cible doit différer de la valeur de départ.',
  ALREADY_ADOPTED: 'Le plan est déjà adopté.',
  EMPTY_PLAN: 'Ajoutez au moins une action avant d’adopter le plan.',
  NOT_ADOPTED: 'La revue de mi-parcours suppose un plan adopté.',
  INVALID_VALUE: 'La valeur doit être un nombre.',
  // fund
  ENVELOPE_EXISTS: 'L’enveloppe de cette année est déjà allouée : ajustez-la.',
  NO_ENVELOPE: 'Aucune enveloppe n’est allouée pour cette année.',
  YEAR_CLOSED: 'L’exercice est clôturé : plus rien ne peut y être enregistré.',
  INVALID_AMOUNT: 'Le montant doit être un nombre entier de centimes, positif.',
  NEGATIVE_ENVELOPE: 'L’enveloppe deviendrait négative.',
  BELOW_COMMITTED: 'L’enveloppe ne peut descendre sous le montant déjà engagé.',
  COMMITMENT_EXISTS: 'Un engagement porte déjà cette référence.',
  COMMITMENT_NOT_FOUND: 'Engagement inconnu.',
  AUTHORISED_EXCEEDS_REQUEST: 'Le montant autorisé ne peut pas dépasser le montant demandé par l’agence.',
  ENVELOPE_EXCEEDED: 'Ce montant dépasse ce qui reste de l’enveloppe. Votre direction peut autoriser un dépassement.',
  MOBILITY_DETAILS_REQUIRED: 'Pour une aide à la mobilité, précisez le critère assoupli et si la personne quitte le bassin.',
  MOBILITY_DETAILS_UNEXPECTED: 'Les précisions de mobilité ne concernent que les aides dérogatoires à la mobilité.',
  PAYMENT_EXISTS: 'Un paiement porte déjà cette référence.',
  PAYMENT_NOT_FOUND: 'Paiement inconnu.',
  PAYMENT_EXCEEDS_COMMITMENT: 'Ce paiement dépasse ce qui reste à payer sur l’engagement.',
  PAYMENT_BEFORE_COMMITMENT: 'Un paiement ne peut pas précéder la date de l’engagement.',
  OUTSIDE_PLAN_PERIOD:
    'Cette date sort de la période du plan : il se prépare à partir du 1er janvier de l’année précédente et se construit au plus tard dans son année.',
  OUTSIDE_PLAN_YEAR: 'Cette date doit tomber dans l’année du plan.',
  DATE_BEFORE_DRAFT: 'Cette date précède l’ouverture : indiquez une date postérieure, ou corrigez d’abord la date d’ouverture.',
  DATE_BEFORE_ADOPTION: 'Cette date précède l’adoption du plan.',
  DATE_BEFORE_CLOSE: 'Un ajustement se date après la clôture du plan.',
  OPEN_ACTIONS:
    'Des actions ne sont ni réalisées ni abandonnées : terminez-les, ou dites si la clôture les abandonne ou les reporte sur l’année suivante.',
  OUTSIDE_DIAGNOSTIC_PERIOD:
    'Cette date sort de la période du diagnostic : il se prépare à partir du 1er janvier de l’année précédente et au plus tard dans son année.',
  DATE_OUTSIDE_FUND_YEAR: 'Cette date doit tomber dans l’année du fonds « 5 % » : pour une année passée, indiquez la date réelle.',
  DATE_BEFORE_ENVELOPE: 'Cette date précède la notification de l’enveloppe.',
  DATE_BEFORE_REQUEST: 'La réponse ne peut pas précéder la demande.',
  DATE_BEFORE_COMMITMENT: 'Cette date précède celle de l’engagement.',
  UNKNOWN_AGENCY: 'Aucune agence ne porte ce code SAFIR : enregistrez-la d’abord.',
  SIRET_REGISTERED: 'Ce SIRET figure déjà au registre des partenaires : utilisez la fiche existante.',
  DATE_BEFORE_REGISTRATION: 'Cette date précède l’inscription du partenaire au registre.',
  DATE_BEFORE_SIGNATURE: 'Cette date précède la signature de la convention.',
  DATE_BEFORE_EXPECTATION: 'Une attente ne peut pas être traitée avant d’avoir été exprimée.',
  DATE_BEFORE_PLANNING: 'Un événement ne peut pas être annulé avant d’avoir été programmé.',
  NOTHING_TO_RELEASE: 'Rien ne reste à libérer sur cet engagement.',
  INSUFFICIENT: 'Montant insuffisant.',
  REQUEST_EXISTS: 'Une demande porte déjà cette référence.',
  REQUEST_NOT_FOUND: 'Demande de dépassement inconnue.',
  REQUEST_ANSWERED: 'Cette demande a déjà reçu une réponse.',
};

/** class-validator constraint codes, as what the user must change. `{x}` takes the schema's bound. */
export const VALIDATION_CODE: Record<string, string> = {
  isDefined: 'Ce champ est obligatoire.',
  isNotEmpty: 'Ce champ est obligatoire.',
  isString: 'Saisissez un texte.',
  isInt: 'Saisissez un nombre entier.',
  isNumber: 'Saisissez un nombre.',
  isBoolean: 'Choisissez oui ou non.',
  isUUID: 'Identifiant mal formé.',
  isIn: 'Choisissez une valeur de la liste.',
  isEnum: 'Choisissez une valeur de la liste.',
  min: 'La valeur est trop petite.',
  max: 'La valeur est trop grande.',
  notEquals: 'Cette valeur n’est pas acceptée.',
  length: 'La longueur du texte ne convient pas.',
  minLength: 'Le texte est trop court.',
  maxLength: 'Le texte est trop long.',
  matches: 'Le format ne convient pas.',
  isEmail: 'Saisissez une adresse électronique valide.',
  isIso8601: 'Saisissez une date valide.',
  isISO8601: 'Saisissez une date valide.',
  arrayMinSize: 'Choisissez au moins un élément.',
  arrayMaxSize: 'Trop d’éléments.',
  nestedValidation: 'Ce bloc est incomplet.',
  whitelistValidation: 'Ce champ n’est pas attendu.',
  isObject: 'Ce bloc est mal formé.',
  isArray: 'Une liste est attendue.',
  noNulCharacter: 'Ce texte contient un caractère invisible interdit.',
  wellFormedUnicode: 'Ce texte contient un caractère mal codé.',
  maxDepth: 'La demande est trop imbriquée.',
  pathEncoding: 'L’adresse est mal formée.',
  beyondHead: 'Cette position n’existe pas encore dans le journal.',
  unknownTable: 'Cette table n’existe pas dans cette vue.',
  isCalendarDate: 'Saisissez une date du calendrier (jj/mm/aaaa).',
  isInstant: 'Saisissez une date et une heure.',
  isDateOrInstant: 'Saisissez une date, ou une date et une heure.',
  IDEMPOTENCY_KEY_MISMATCH: 'Cette demande a déjà été envoyée avec un autre contenu.',
  isSiret: 'Ce SIRET n’est pas valide : vérifiez les 14 chiffres (clé de contrôle).',
};

/** A catalogue map as the options of a select, radio or checkboxes, in the catalogue's order. */
export function options(map: Record<string, string>, only?: readonly string[]): { value: string; label: string }[] {
  return Object.entries(map)
    .filter(([value]) => (only ? only.includes(value) : true))
    .map(([value, label]) => ({ value, label }));
}

/** The label of a code, or a neutral French placeholder when the catalogue does not know it. */
export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '—';
  return map[code] ?? 'Valeur non répertoriée';
}
