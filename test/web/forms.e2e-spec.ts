import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Harness, startApp } from '../support/app-harness';
import { frenchContext, launchBrowser, open, screenshot, signIn } from '../support/browser';
import { webTerritory } from '../support/web-territory';
import { Entry, expectFieldError, expectFormError, fill, form, submit } from '../support/web-forms';

const Y = new Date().getFullYear();
const today = new Date().toISOString().slice(0, 10);
type Who = 'manager' | 'director' | 'admin';

/** One form: where it is, what a person types, the event it records, and one way it refuses. */
interface Scenario {
  name: string;
  as: Who;
  url: string;
  /** The form's accessible name (its title). */
  form: string;
  /** What opens it (a tab, a disclosure). */
  reveal?: string;
  fill: Record<string, Entry>;
  records: string;
  refuse?: { fill: Record<string, Entry>; field?: string; message: RegExp };
  /** Work done through the API before the scenario (another user's action). */
  before?: (t: Territory) => Promise<unknown>;
}
type Territory = Awaited<ReturnType<typeof webTerritory>>;

const ml = '/agence/62001/partenaires/ml-berck';
const required = /Ce champ est obligatoire/;

const SCENARIOS: Scenario[] = [
  {
    name: 'register a partner',
    as: 'manager',
    url: '/agence/62001/partenaires',
    form: 'Enregistrer un partenaire',
    fill: { Nom: 'Association Parrainage Opale', Catégorie: { select: 'Association' }, Échelle: { radio: 'Locale' } },
    refuse: {
      fill: { Nom: 'X', Catégorie: { select: 'Association' }, SIRET: '12345678901234', Échelle: { radio: 'Locale' } },
      field: 'SIRET',
      message: /SIRET n’est pas valide/,
    },
    records: 'PartnerRegistered',
  },
  {
    name: 'log a contact',
    as: 'manager',
    url: ml,
    form: 'Enregistrer un contact',
    fill: { 'Nature du contact': { select: 'Réunion' }, Date: today, 'Compte rendu': 'Point sur les jeunes orientés' },
    refuse: { fill: { Date: today }, field: 'Nature du contact', message: required },
    records: 'ContactLogged',
  },
  {
    name: 'sign an agreement',
    as: 'manager',
    url: ml,
    form: 'Signer une convention',
    reveal: 'Une convention',
    fill: {
      'Référence de la convention': 'CONV-ML-1',
      Échelle: { radio: 'Locale' },
      Objectifs: { check: ['Complémentarité des offres de services'] },
      'Offre de services mobilisée': { check: ['Période de mise en situation en milieu professionnel (PMSMP)'] },
      Début: `${Y}-01-01`,
      Fin: `${Y}-12-31`,
    },
    refuse: {
      fill: { 'Référence de la convention': 'CONV-X', Échelle: { radio: 'Locale' }, Début: `${Y}-06-01`, Fin: `${Y}-01-01` },
      field: 'Fin',
      message: /La fin précède le début/,
    },
    records: 'AgreementSigned',
  },
  {
    name: 'renew the agreement',
    as: 'manager',
    url: ml,
    form: 'Renouveler la convention',
    reveal: 'Une convention',
    fill: { 'Nouvelle fin': `${Y + 1}-12-31` },
    refuse: { fill: { 'Nouvelle fin': `${Y}-06-30` }, field: 'Nouvelle fin', message: /plus tardive/ },
    records: 'AgreementRenewed',
  },
  {
    name: 'amend the agreement',
    as: 'manager',
    url: ml,
    form: 'Enregistrer un avenant',
    reveal: 'Une convention',
    fill: { 'Objet de l’avenant': 'Ajout d’un objectif de parrainage' },
    refuse: { fill: {}, field: 'Objet de l’avenant', message: required },
    records: 'AgreementAmended',
  },
  {
    name: 'assess the partnership',
    as: 'manager',
    url: ml,
    form: 'Évaluer la qualité du partenariat',
    reveal: 'Une évaluation',
    fill: { Note: { radio: '3 — bonne' }, 'Date de l’évaluation': today, 'Référents identifiés': true },
    refuse: { fill: { 'Date de l’évaluation': today }, field: 'Note', message: required },
    records: 'QualityAssessed',
  },
  {
    name: 'record an expectation',
    as: 'manager',
    url: ml,
    form: 'Enregistrer une attente du partenaire',
    reveal: 'Une attente',
    fill: { Attente: { radio: 'Réponses concertées' }, Précisions: 'Réponses communes aux entreprises' },
    refuse: { fill: { Précisions: 'sans attente choisie' }, field: 'Attente', message: required },
    records: 'PartnerExpectationRecorded',
  },
  {
    name: 'address the expectation',
    as: 'manager',
    url: ml,
    form: 'Marquer l’attente comme traitée',
    reveal: 'Traiter l’attente « Réponses concertées »',
    fill: { 'Réponse apportée': 'Réunion trimestrielle commune' },
    refuse: { fill: { 'Réponse apportée': 'x'.repeat(4001) }, field: 'Réponse apportée', message: /au plus 4\s000 caractères/ },
    records: 'PartnerExpectationAddressed',
  },
  {
    name: 'assign a circle',
    as: 'manager',
    url: ml,
    form: 'Cercle de priorité',
    reveal: 'Le cercle',
    fill: { Cercle: { radio: 'Cercle 2' }, Motif: 'Partenariat centré sur un seul dispositif' },
    refuse: { fill: { Cercle: { radio: 'Cercle 2' } }, field: 'Motif', message: /Indiquez pourquoi/ },
    records: 'PriorityCircleAssigned',
  },
  {
    name: 'terminate the agreement',
    as: 'manager',
    url: ml,
    form: 'Résilier la convention',
    reveal: 'Une convention',
    fill: { 'Date de résiliation': today, Motif: 'Fusion des dispositifs' },
    refuse: { fill: { 'Date de résiliation': today }, field: 'Motif', message: required },
    records: 'AgreementTerminated',
  },
  {
    name: 'update a partner',
    as: 'manager',
    url: ml,
    form: 'Modifier le partenaire',
    reveal: 'Modifier ou clore ce partenaire dans le registre partagé',
    fill: { Nom: 'Mission locale du Montreuillois et de Berck' },
    refuse: { fill: { SIRET: '73282932000075' }, field: 'SIRET', message: /SIRET n’est pas valide/ },
    records: 'PartnerUpdated',
  },
  {
    name: 'close a partner',
    as: 'manager',
    url: '/agence/62001/partenaires/cap-62',
    form: 'Clore le partenaire',
    reveal: 'Modifier ou clore ce partenaire dans le registre partagé',
    fill: { Motif: 'Structure absorbée' },
    refuse: { fill: {}, field: 'Motif', message: required },
    records: 'PartnerClosed',
  },
  {
    name: 'plan a joint event',
    as: 'manager',
    url: `/agence/62001/evenements?annee=${Y}`,
    form: 'Prévoir un événement commun',
    fill: {
      Intitulé: 'Forum de l’alternance',
      'Type d’événement': { select: 'Forum' },
      Date: today,
      'Partenaires associés': { check: ['Mission locale du Montreuillois et de Berck'] },
      'Publics visés': { check: ['Jeunes'] },
    },
    refuse: { fill: { 'Type d’événement': { select: 'Forum' }, Date: today }, field: 'Intitulé', message: required },
    records: 'JointEventPlanned',
  },
  {
    name: 'record a joint event held',
    as: 'manager',
    url: `/agence/62001/evenements?annee=${Y}`,
    form: 'Enregistrer les résultats',
    reveal: '« Forum de l’alternance »',
    fill: { 'Demandeurs d’emploi présents': '120', 'Employeurs présents': '14', 'Candidats présentés': '40', Recrutements: '12' },
    refuse: {
      fill: { 'Demandeurs d’emploi présents': '120', 'Employeurs présents': '14', 'Candidats présentés': '10', Recrutements: '12' },
      field: 'Recrutements',
      message: /ne peuvent dépasser/,
    },
    records: 'JointEventHeld',
  },
  {
    name: 'cancel a joint event',
    as: 'manager',
    url: `/agence/62001/evenements?annee=${Y}`,
    form: 'Annuler l’événement',
    reveal: '« Atelier CV »',
    before: (t) =>
      t.post('/agencies/62001/joint-events', 'manager', {
        jointEventId: 'atelier-cv',
        kind: 'ATELIER',
        date: `${Y}-12-10`,
        title: 'Atelier CV',
        partnerIds: [],
        publics: [],
      }),
    fill: { Motif: 'Salle indisponible' },
    refuse: { fill: {}, field: 'Motif', message: required },
    records: 'JointEventCancelled',
  },
  {
    name: 'name a referent of a partnership',
    as: 'manager',
    url: ml,
    form: 'Nommer un référent',
    reveal: 'Un référent',
    fill: {
      'Prénom et nom': 'Camille Durand',
      Fonction: 'Chargée de relations entreprises',
      Téléphone: '03 21 00 00 00',
    },
    refuse: {
      fill: { 'Prénom et nom': 'Camille Durand', Fonction: 'Directrice', Téléphone: '12 34' },
      field: 'Téléphone',
      message: /Numéro attendu/,
    },
    records: 'ReferentNamed',
  },
  {
    name: 'record an instance the agency sits in',
    as: 'manager',
    url: `/agence/62001/instances?annee=${Y}`,
    form: 'Enregistrer une instance où siège l’agence',
    fill: {
      'Nom de l’instance': 'SPE de proximité du Montreuillois',
      'Type d’instance': { select: 'Service public de l’emploi de proximité (SPEP)' },
      'Partenaires qui y siègent': { check: ['Mission locale du Montreuillois et de Berck'] },
    },
    refuse: {
      fill: { 'Type d’instance': { select: 'Cercle de l’alternance' } },
      field: 'Nom de l’instance',
      message: required,
    },
    records: 'InstanceJoined',
  },
  {
    name: 'record a meeting of an instance',
    as: 'manager',
    url: `/agence/62001/instances?annee=${Y}`,
    form: 'Enregistrer une réunion',
    reveal: '« SPE de proximité du Montreuillois »',
    fill: {
      'Date de la réunion': today,
      'Ordre du jour': 'Plan local pour l’emploi',
      'L’agence était représentée': true,
      'Représentée par': { check: ['Directeur ou directrice d’agence'] },
    },
    refuse: {
      fill: { 'Date de la réunion': today, 'Ordre du jour': 'Bilan', 'L’agence était représentée': true },
      field: 'Représentée par',
      message: /Indiquez qui a représenté/,
    },
    records: 'InstanceMeetingRecorded',
  },
  {
    name: 'launch a recruitment campaign',
    as: 'manager',
    url: '/agence/62001/campagnes',
    form: 'Lancer une campagne de recrutement',
    fill: {
      'Intitulé de la campagne': 'Recrutements de la base logistique',
      'Postes à pourvoir': '120',
      'Conseillers dédiés': '2',
      'Offre de services mobilisée': { check: ['Méthode de recrutement par simulation (MRS)'] },
    },
    refuse: {
      fill: { 'Intitulé de la campagne': 'X', 'Postes à pourvoir': '0', 'Conseillers dédiés': '1' },
      field: 'Postes à pourvoir',
      message: /au moins 1/,
    },
    records: 'CampaignLaunched',
  },
  {
    name: 'report a campaign’s figures',
    as: 'manager',
    url: '/agence/62001/campagnes',
    form: 'Déclarer les chiffres de l’agence',
    reveal: '« Recrutements de la base logistique »',
    fill: { 'Chiffres arrêtés au': today, 'Candidatures traitées': '300', Recrutements: '25' },
    refuse: {
      fill: { 'Chiffres arrêtés au': today, 'Candidatures traitées': '10', Recrutements: '25' },
      field: 'Recrutements',
      message: /ne peuvent dépasser/,
    },
    records: 'CampaignProgressReported',
  },
  {
    name: 'open a pathway',
    as: 'manager',
    url: `/agence/62001/parcours?annee=${Y}`,
    form: 'Ouvrir un parcours',
    fill: {
      'Nom du parcours': 'Parcours senior du Montreuillois',
      Publics: { check: ['Seniors'] },
      'Personnes à accompagner par an': '60',
      'Taux de retour à l’emploi visé': '0,6',
    },
    refuse: {
      fill: { 'Nom du parcours': 'X', 'Personnes à accompagner par an': '60', 'Taux de retour à l’emploi visé': '60' },
      field: 'Taux de retour à l’emploi visé',
      message: /trop grande|au plus 1/,
    },
    records: 'PathwayOpened',
  },
  {
    name: 'start a cohort in a pathway',
    as: 'manager',
    url: `/agence/62001/parcours?annee=${Y}`,
    form: 'Faire entrer une cohorte',
    reveal: '« Parcours senior du Montreuillois »',
    fill: { 'Personnes entrées': '14' },
    refuse: { fill: {}, field: 'Personnes entrées', message: required },
    records: 'CohortStarted',
  },
  {
    name: 'revise the territorial context',
    as: 'manager',
    url: '/agence/62001/territoire',
    form: 'Mettre à jour le contexte territorial',
    fill: {
      'Chiffres au': today,
      'Taux de chômage (%)': '9,6',
      'Part des demandeurs de longue durée (%)': '42',
      'Part des emplois saisonniers (%)': '21',
      'Part des ménages au RSA (%)': '6',
      Source: 'INSEE',
    },
    refuse: {
      fill: {
        'Chiffres au': today,
        'Taux de chômage (%)': '120',
        'Part des demandeurs de longue durée (%)': '42',
        'Part des emplois saisonniers (%)': '21',
        'Part des ménages au RSA (%)': '6',
      },
      field: 'Taux de chômage (%)',
      message: /au plus 100/,
    },
    records: 'TerritorialContextRevised',
  },
  {
    name: 'draft the diagnostic',
    as: 'manager',
    url: `/agence/62001/diagnostic?annee=${Y}`,
    form: 'Ouvrir le diagnostic de l’année',
    fill: {},
    records: 'DiagnosticDrafted',
  },
  {
    name: 'write a diagnostic section',
    as: 'manager',
    url: `/agence/62001/diagnostic?annee=${Y}`,
    form: 'Rédiger la section',
    fill: {
      'Texte de la section': 'Besoins saisonniers forts dans l’hôtellerie-restauration.',
      'Chiffres clés': {
        add: 'Ajouter un chiffre clé',
        rows: [{ Libellé: 'emplois saisonniers', Valeur: '21', Unité: '%', Source: 'INSEE' }],
      },
    },
    refuse: { fill: {}, field: 'Texte de la section', message: required },
    records: 'DiagnosticSectionRevised',
  },
  {
    name: 'record who built the diagnostic',
    as: 'manager',
    url: `/agence/62001/diagnostic?annee=${Y}`,
    form: 'Qui a contribué au diagnostic',
    fill: {
      'Équipes internes associées': 'équipe entreprises',
      'Partenaires associés': {
        add: 'Ajouter un partenaire',
        rows: [
          { Partenaire: { select: 'Mission locale du Montreuillois et de Berck' }, 'Niveau d’association': { select: 'Co-construit' } },
        ],
      },
    },
    refuse: {
      fill: {
        'Partenaires associés': {
          add: 'Ajouter un partenaire',
          rows: [{ Partenaire: { select: 'Mission locale du Montreuillois et de Berck' } }],
        },
      },
      field: 'Partenaires associés',
      message: /niveau d’association : Ce champ est obligatoire/,
    },
    records: 'DiagnosticParticipationRecorded',
  },
  {
    name: 'publish the diagnostic',
    as: 'manager',
    url: `/agence/62001/diagnostic?annee=${Y}`,
    form: 'Publier le diagnostic',
    fill: {
      Constats: { add: 'Ajouter un constat', rows: [{ Nature: { select: 'Besoin' }, Intitulé: 'Mobilité des jeunes saisonniers' }] },
    },
    refuse: { fill: {}, field: 'Constats', message: /obligatoire|au moins 1/ },
    records: 'DiagnosticPublished',
  },
  {
    name: 'draft the action plan',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Ouvrir le plan d’action',
    fill: { 'Année du diagnostic publié auquel il répond': String(Y) },
    refuse: {
      fill: { 'Année du diagnostic publié auquel il répond': String(Y - 1) },
      field: 'Année du diagnostic publié auquel il répond',
      message: /n’est pas publié/,
    },
    records: 'ActionPlanDrafted',
  },
  {
    name: 'add a priority',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Ajouter une priorité',
    fill: {
      'Intitulé de la priorité': 'Lever les freins à la mobilité',
      'Constats du diagnostic auxquels elle répond': { check: ['Mobilité des jeunes saisonniers'] },
    },
    refuse: {
      fill: { 'Intitulé de la priorité': 'Sans constat' },
      field: 'Constats du diagnostic auxquels elle répond',
      message: /obligatoire|au moins 1/,
    },
    records: 'PriorityAdded',
  },
  {
    name: 'add an action',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Ajouter une action',
    fill: {
      Priorité: { select: 'Lever les freins à la mobilité' },
      'Intitulé de l’action': 'Aides au permis de conduire',
      'Levier mobilisé': { select: 'Accompagnement intensif' },
      Pilote: 'équipe accompagnement',
      Indicateur: 'jeunes aidés',
      Unité: 'personnes',
      'Valeur de départ': '0',
      Cible: '40',
    },
    refuse: {
      fill: {
        Priorité: { select: 'Lever les freins à la mobilité' },
        'Intitulé de l’action': 'X',
        'Levier mobilisé': { select: 'Accompagnement intensif' },
        Pilote: 'x',
        Indicateur: 'x',
        Unité: 'x',
        'Valeur de départ': '5',
        Cible: '5',
      },
      field: 'Cible',
      message: /doit différer/,
    },
    records: 'ActionAdded',
  },
  {
    name: 'adopt the plan',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Adopter le plan',
    fill: { 'Date d’adoption': today },
    refuse: { fill: {}, field: 'Date d’adoption', message: required },
    records: 'ActionPlanAdopted',
  },
  {
    name: 'report progress',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Déclarer l’avancement',
    reveal: '« Aides au permis de conduire »',
    fill: { 'Valeur atteinte': '12', 'À la date du': today },
    refuse: { fill: { 'Valeur atteinte': 'douze', 'À la date du': today }, field: 'Valeur atteinte', message: /Saisissez un nombre/ },
    records: 'ProgressReported',
  },
  {
    name: "change an action's status",
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Changer le statut',
    reveal: '« Aides au permis de conduire »',
    fill: { Statut: { select: 'En cours' } },
    refuse: { fill: { Statut: { select: 'Suspendue' } }, field: 'Motif', message: /Indiquez pourquoi/ },
    records: 'ActionStatusChanged',
  },
  {
    name: 'measure an action by a pathway',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Mesurer par un parcours',
    reveal: '« Aides au permis de conduire »',
    fill: {
      Parcours: { select: 'Parcours senior du Montreuillois' },
      'Valeur retenue': { radio: 'taux de retour à l’emploi des sortants (%)' },
    },
    refuse: { fill: { 'Date de la décision': '2999-01-01' }, field: 'Date de la décision', message: /postérieure à aujourd’hui/ },
    records: 'ActionMeasuredByPathway',
  },
  {
    name: 'record the mid-year review',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Revue de mi-parcours',
    fill: { 'Date de la revue': today, Synthèse: 'Action mobilité en avance' },
    refuse: { fill: { 'Date de la revue': today }, field: 'Synthèse', message: required },
    records: 'MidYearReviewRecorded',
  },
  {
    name: 'allocate the envelope',
    as: 'director',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Allouer l’enveloppe de l’année',
    fill: { 'Montant (en euros)': '10 000' },
    refuse: { fill: { 'Montant (en euros)': '12,345' }, field: 'Montant (en euros)', message: /montant en euros/ },
    records: 'EnvelopeAllocated',
  },
  {
    name: 'commit an expenditure',
    as: 'manager',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Engager une dépense',
    fill: {
      'Nature de la dépense': { select: 'Achat de prestation locale' },
      'Voie de financement': { radio: 'Marché public' },
      'Montant (en euros)': '1 500',
      Justification: 'Atelier image de soi',
    },
    refuse: {
      fill: {
        'Nature de la dépense': { select: 'Achat de prestation locale' },
        'Voie de financement': { radio: 'Marché public' },
        'Montant (en euros)': '20 000',
        Justification: 'trop',
      },
      field: 'Montant (en euros)',
      message: /dépasse ce qui reste de l’enveloppe/,
    },
    records: 'ExpenditureCommitted',
  },
  {
    name: 'record a payment',
    as: 'manager',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Enregistrer un paiement',
    reveal: 'Achat de prestation locale du',
    fill: { 'Montant payé (en euros)': '1 000' },
    refuse: { fill: { 'Montant payé (en euros)': '2 000' }, field: 'Montant payé (en euros)', message: /dépasse ce qui reste à payer/ },
    records: 'PaymentRecorded',
  },
  {
    name: 'correct a payment',
    as: 'manager',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Corriger le paiement',
    reveal: 'Achat de prestation locale du',
    fill: { 'Montant exact (en euros)': '900', Motif: 'Montant mal saisi' },
    refuse: { fill: { 'Montant exact (en euros)': '900' }, field: 'Motif', message: required },
    records: 'PaymentCorrected',
  },
  {
    name: 'release the unpaid part',
    as: 'manager',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Libérer le reste',
    reveal: 'Achat de prestation locale du',
    fill: { Motif: 'Prestation terminée sous le montant engagé' },
    refuse: { fill: {}, field: 'Motif', message: required },
    records: 'CommitmentReleased',
  },
  {
    name: 'ask for an over-commitment',
    as: 'manager',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Demander un dépassement à la direction',
    fill: { 'Montant demandé au-delà de l’enveloppe (en euros)': '3 000', Motif: 'Afflux de saisonniers' },
    refuse: { fill: { Motif: 'Afflux de saisonniers' }, field: 'Montant demandé au-delà de l’enveloppe (en euros)', message: required },
    records: 'OverCommitmentRequested',
  },
  {
    name: 'refuse the over-commitment from the inbox',
    as: 'director',
    url: `/pilotage?annee=${Y}`,
    form: 'Refuser ce dépassement',
    fill: { Motif: 'Enveloppe régionale épuisée' },
    refuse: { fill: {}, field: 'Motif', message: required },
    records: 'OverCommitmentRefused',
  },
  {
    name: 'adjust the envelope',
    as: 'director',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Ajuster l’enveloppe',
    reveal: 'Enveloppe : ajuster, autoriser un dépassement, clôturer l’exercice',
    fill: { 'Variation (en euros)': '2 000', Motif: 'Redéploiement régional' },
    refuse: {
      fill: { 'Variation (en euros)': '-20 000', Motif: 'Réduction' },
      field: 'Variation (en euros)',
      message: /négative|sous le montant/,
    },
    records: 'EnvelopeAdjusted',
  },
  {
    name: 'authorise an over-commitment',
    as: 'director',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Autoriser un dépassement',
    reveal: 'Enveloppe : ajuster, autoriser un dépassement, clôturer l’exercice',
    fill: { 'Montant autorisé (en euros)': '1 000', Motif: 'Mobilité saisonnière' },
    refuse: { fill: { 'Montant autorisé (en euros)': '1 000' }, field: 'Motif', message: required },
    records: 'OverCommitmentAuthorised',
  },
  {
    name: 'close the fund year',
    as: 'director',
    url: `/agence/62001/fonds?annee=${Y}`,
    form: 'Clôturer l’exercice',
    reveal: 'Enveloppe : ajuster, autoriser un dépassement, clôturer l’exercice',
    fill: { Motif: 'Fin de l’exercice' },
    refuse: { fill: {}, field: 'Motif', message: required },
    records: 'FundYearClosed',
  },
  {
    name: 'close the plan',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Clôturer le plan',
    fill: { 'Date de clôture': today, 'Actions encore ouvertes': { radio: 'Les reporter sur l’année suivante' } },
    refuse: { fill: {}, field: 'Date de clôture', message: required },
    records: 'ActionPlanClosed',
  },
  {
    name: 'adjust the closed plan',
    as: 'manager',
    url: `/agence/62001/plan?annee=${Y}`,
    form: 'Ajuster le plan clos',
    fill: {
      'Action concernée': { select: 'Aides au permis de conduire' },
      Ajustement: 'Bilan consolidé reçu après la clôture',
      'Valeur corrigée': '38',
    },
    refuse: { fill: { 'Valeur corrigée': '38' }, field: 'Ajustement', message: required },
    records: 'ClosedPlanAdjusted',
  },
  {
    name: 'register a basin',
    as: 'admin',
    url: '/administration/agences',
    form: 'Enregistrer un bassin d’emploi',
    fill: { 'Code de la zone d’emploi 2020': '3202', Nom: 'Calais', 'Départements couverts': '62' },
    refuse: {
      fill: { 'Code de la zone d’emploi 2020': '3205', Nom: 'Ailleurs', 'Départements couverts': '75' },
      field: 'Départements couverts',
      message: /Aucun des départements indiqués/,
    },
    records: 'BasinRegistered',
  },
  {
    name: 'register an agency',
    as: 'admin',
    url: '/administration/agences',
    form: 'Enregistrer une agence',
    fill: {
      'Code SAFIR': '62003',
      Nom: 'Montreuil',
      Région: { select: 'Hauts-de-France' },
      Département: '62',
      'Bassin d’emploi': '3213',
      'Type de territoire': { radio: 'Rural' },
    },
    refuse: {
      fill: {
        'Code SAFIR': '62004',
        Nom: 'Ailleurs',
        Région: { select: 'Hauts-de-France' },
        Département: '62',
        'Bassin d’emploi': '3299',
        'Type de territoire': { radio: 'Urbain' },
      },
      field: 'Bassin d’emploi',
      message: /n’est pas enregistré/,
    },
    records: 'AgencyRegistered',
  },
  {
    name: 'give a partner of the basin its lead agency',
    as: 'director',
    url: '/bassin/3213',
    form: 'Désigner l’agence cheffe de file d’un partenaire',
    fill: {
      Partenaire: { select: 'Conseil départemental du Pas-de-Calais' },
      'Agence cheffe de file': { select: 'Berck-sur-Mer' },
      Motif: 'siège à Berck',
    },
    refuse: {
      fill: {
        Partenaire: { select: 'Conseil départemental du Pas-de-Calais' },
        'Agence cheffe de file': { select: 'Berck-sur-Mer' },
        'À partir du': '2099-01-01',
      },
      field: 'À partir du',
      message: /postérieure à aujourd’hui/,
    },
    records: 'BasinLeadAgencyAssigned',
  },
  {
    name: 'allocate an envelope from the envelopes page',
    as: 'admin',
    url: `/administration/enveloppes?annee=${Y}`,
    form: 'Allouer l’enveloppe de l’année',
    reveal: `Allouer l’enveloppe ${Y} de Boulogne-sur-Mer`,
    fill: { 'Montant (en euros)': '8 000' },
    refuse: { fill: {}, field: 'Montant (en euros)', message: required },
    records: 'EnvelopeAllocated',
  },
  {
    name: 'register a user',
    as: 'admin',
    url: '/administration/utilisateurs',
    form: 'Enregistrer un utilisateur',
    fill: { Identifiant: 'paul-durand', 'Nom affiché': 'Paul Durand' },
    refuse: { fill: { Identifiant: 'Paul Durand', 'Nom affiché': 'Paul Durand' }, field: 'Identifiant', message: /format/ },
    records: 'UserRegistered',
  },
  {
    name: 'grant a manager role',
    as: 'admin',
    url: '/administration/utilisateurs/paul-durand',
    form: 'Responsable d’agence',
    fill: { 'Agences (codes SAFIR)': '62002' },
    refuse: { fill: { 'Agences (codes SAFIR)': '6200' }, field: 'Agences (codes SAFIR)', message: /format/ },
    records: 'RoleGranted',
  },
  {
    name: 'grant a director role',
    as: 'admin',
    url: '/administration/utilisateurs/paul-durand',
    form: 'Directeur ou directrice',
    fill: { Régions: { check: ['Hauts-de-France'] } },
    refuse: { fill: {}, message: /périmètre ne convient pas/ },
    records: 'RoleGranted',
  },
  {
    name: 'issue a token',
    as: 'admin',
    url: '/administration/utilisateurs/paul-durand',
    form: 'Émettre un jeton d’accès',
    fill: { Libellé: 'poste de travail' },
    refuse: { fill: {}, field: 'Libellé', message: required },
    records: 'ApiTokenIssued',
  },
  {
    name: 'revoke a token',
    as: 'admin',
    url: '/administration/utilisateurs/paul-durand',
    form: 'Révoquer le jeton « poste de travail »',
    fill: {},
    records: 'ApiTokenRevoked',
  },
  {
    name: 'revoke a role',
    as: 'admin',
    url: '/administration/utilisateurs/paul-durand',
    form: 'Retirer le rôle « Directeur ou directrice »',
    fill: {},
    records: 'RoleRevoked',
  },
  {
    name: 'disable a user',
    as: 'admin',
    url: '/administration/utilisateurs/paul-durand',
    form: 'Désactiver l’utilisateur',
    fill: { Motif: 'Départ de l’agence' },
    refuse: { fill: {}, field: 'Motif', message: required },
    records: 'UserDisabled',
  },
  {
    name: 'enable a user',
    as: 'admin',
    url: '/administration/utilisateurs/paul-durand',
    form: 'Réactiver l’utilisateur',
    fill: {},
    records: 'UserEnabled',
  },
];

/**
 * Every form of the page, in real Chromium against the real API: typed as a person would (labels,
 * lists, radios), it records the event it names; refused, it says why on the field concerned and the
 * log does not move.
 */
describe('every form records its event, and refuses on the field concerned', () => {
  let h: Harness;
  let t: Territory;
  let browser: Browser;
  let base: string;
  const pages = new Map<Who, { context: BrowserContext; page: Page; errors: string[] }>();

  beforeAll(async () => {
    h = await startApp();
    t = await webTerritory(h.app);
    base = await h.app.getUrl();
    browser = await launchBrowser();
    for (const who of ['manager', 'director', 'admin'] as Who[]) {
      const session = await frenchContext(browser);
      await signIn(session.page, base, t.tokens[who]);
      pages.set(who, session);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openForm(page: Page, s: Scenario) {
    await open(page, `${base}${s.url}`);
    if (s.reveal) {
      const tab = page.getByRole('tab', { name: s.reveal });
      if (await tab.count()) await tab.click();
      else await page.locator('summary', { hasText: s.reveal }).first().click();
    }
    const f = form(page, s.form);
    await f.first().waitFor();
    return f.first();
  }

  async function recorded(after: number, type: string): Promise<string[]> {
    for (let i = 0; i < 50; i++) {
      const types = await t.typesAfter(after);
      if (types.includes(type)) return types;
      await new Promise((r) => setTimeout(r, 200));
    }
    return t.typesAfter(after);
  }

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const { page } = pages.get(s.as)!;
    // A failing scenario leaves a screenshot of the page as it was, beside the others.
    await run(s).catch(async (error: unknown) => {
      await screenshot(page, `form-failed-${s.name}`);
      throw error;
    });
  });

  async function run(s: Scenario) {
    const { page, errors } = pages.get(s.as)!;
    await s.before?.(t);
    if (s.refuse) {
      const head = await t.head();
      const f = await openForm(page, s);
      await fill(f, s.refuse.fill);
      await submit(f);
      if (s.refuse.field) await expectFieldError(f, s.refuse.field, s.refuse.message);
      else await expectFormError(f, s.refuse.message);
      await page.waitForLoadState('networkidle');
      expect(await t.head()).toBe(head);
    }
    const head = await t.head();
    const f = await openForm(page, s);
    await fill(f, s.fill);
    await submit(f);
    expect(await recorded(head, s.records)).toContain(s.records);
    await screenshot(page, `form-${s.name}`);
    expect(errors).toEqual([]);
  }
});
