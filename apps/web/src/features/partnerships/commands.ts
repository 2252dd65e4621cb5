import { validSiret } from '../../../../../libs/partnerships/src/domain/categories';
import {
  AGREEMENT_OBJECTIVE,
  CONTACT_KIND,
  EXPECTATION,
  JOINT_EVENT_KIND,
  PARTNER_CATEGORY,
  PUBLIC,
  SERVICE_OFFER,
  QUALITY_CRITERION,
  QUALITY_SCORE,
  SCALE,
  options,
} from '../../i18n/catalogue';
import { defineCommand, newReference, slugReference, type Option, factDate, notAfterToday } from '../../forms/command';

// The partner register's forms and a partnership's: what a manager records with partners.

const categories = options(PARTNER_CATEGORY).filter((o) => o.value !== 'UNKNOWN');
const siret = (value: unknown) =>
  typeof value === 'string' && value !== '' && !validSiret(value)
    ? 'Ce SIRET n’est pas valide : vérifiez les 14 chiffres (clé de contrôle).'
    : null;

export const registerPartner = defineCommand({
  method: 'post',
  path: '/partners',
  title: 'Enregistrer un partenaire',
  description: 'Le registre des partenaires est partagé par toutes les agences : vérifiez qu’il n’y figure pas déjà.',
  submit: 'Enregistrer le partenaire',
  done: 'Le partenaire est enregistré dans le registre.',
  generated: (typed) => ({ partnerId: slugReference(String(typed.name ?? ''), 'partenaire') }),
  fields: [
    { name: 'name', label: 'Nom', widget: 'text' },
    {
      name: 'category',
      label: 'Catégorie',
      hint: 'Elle donne le cercle de priorité par défaut et le code data·inclusion.',
      widget: 'select',
      options: categories,
    },
    {
      name: 'subkind',
      label: 'Type (SIAE, organisme de formation…)',
      hint: 'Par exemple ACI, AI, EI, ETTI, EITI pour une SIAE ; OF, AFPA, E2C, EPIDE pour la formation.',
      widget: 'text',
    },
    { name: 'siret', label: 'SIRET', hint: '14 chiffres.', widget: 'text', check: siret },
    { name: 'scale', label: 'Échelle', widget: 'radio', options: options(SCALE) },
    factDate('registeredOn', 'Inscrit au registre le'),
  ],
});

export const updatePartner = defineCommand({
  method: 'patch',
  path: '/partners/{partnerId}',
  title: 'Modifier le partenaire',
  submit: 'Enregistrer les modifications',
  done: 'Le partenaire est modifié.',
  fields: [
    { name: 'name', label: 'Nom', widget: 'text', optional: true },
    { name: 'scale', label: 'Échelle', widget: 'select', options: options(SCALE), optional: true },
    { name: 'siret', label: 'SIRET', hint: '14 chiffres.', widget: 'text', check: siret, optional: true },
    factDate('updatedOn', 'Date du changement'),
  ],
});

export const closePartner = defineCommand({
  method: 'post',
  path: '/partners/{partnerId}/close',
  title: 'Clore le partenaire',
  description: 'Plus aucun contact ni aucune évaluation ne pourra être enregistré avec lui, dans aucune agence.',
  submit: 'Clore le partenaire',
  done: 'Le partenaire est clos.',
  fields: [{ name: 'reason', label: 'Motif', widget: 'textarea' }, factDate('closedOn', 'Date de fermeture')],
});

export const signAgreement = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/agreements',
  title: 'Signer une convention',
  submit: 'Enregistrer la convention',
  done: 'La convention est enregistrée.',
  generated: () => ({ agreementId: newReference('conv') }),
  fields: [
    { name: 'reference', label: 'Référence de la convention', widget: 'text' },
    { name: 'scale', label: 'Échelle', widget: 'radio', options: options(SCALE) },
    { name: 'formal', label: 'Convention signée (décochez pour un accord informel)', widget: 'boolean' },
    { name: 'objectives', label: 'Objectifs', widget: 'checkboxes', options: options(AGREEMENT_OBJECTIVE) },
    { name: 'services', label: 'Offre de services mobilisée', widget: 'checkboxes', options: options(SERVICE_OFFER) },
    { name: 'startDate', label: 'Début', widget: 'date' },
    { name: 'endDate', label: 'Fin', hint: 'Laissez vide pour une convention sans terme.', widget: 'date' },
    factDate('signedOn', 'Date de signature'),
  ],
});

export const amendAgreement = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/agreements/{agreementId}/amend',
  title: 'Enregistrer un avenant',
  submit: 'Enregistrer l’avenant',
  done: 'L’avenant est enregistré.',
  fields: [
    { name: 'note', label: 'Objet de l’avenant', widget: 'textarea' },
    { name: 'endDate', label: 'Nouvelle fin', widget: 'date' },
    factDate('amendedOn', 'Date de l’avenant'),
  ],
});

export const renewAgreement = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/agreements/{agreementId}/renew',
  title: 'Renouveler la convention',
  submit: 'Renouveler',
  done: 'La convention est renouvelée.',
  fields: [{ name: 'endDate', label: 'Nouvelle fin', widget: 'date' }, factDate('renewedOn', 'Date du renouvellement')],
});

export const terminateAgreement = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/agreements/{agreementId}/terminate',
  title: 'Résilier la convention',
  submit: 'Résilier',
  done: 'La convention est résiliée.',
  fields: [
    { name: 'terminatedOn', label: 'Date de résiliation', widget: 'date' },
    { name: 'reason', label: 'Motif', widget: 'textarea' },
  ],
});

export const assignCircle = (defaultCircle: number) =>
  defineCommand({
    method: 'put',
    path: '/agencies/{safir}/partnerships/{partnerId}/circle',
    title: 'Cercle de priorité',
    description: `Le cercle par défaut de cette catégorie est le cercle ${defaultCircle}. Un autre cercle demande un motif.`,
    submit: 'Attribuer le cercle',
    done: 'Le cercle est attribué.',
    fields: [
      {
        name: 'circle',
        label: 'Cercle',
        widget: 'radio',
        numeric: true,
        options: [1, 2, 3].map((c) => ({ value: String(c), label: `Cercle ${c}${c === defaultCircle ? ' (par défaut)' : ''}` })),
      },
      {
        name: 'reason',
        label: 'Motif',
        widget: 'textarea',
        check: (value, values) =>
          Number(values.circle) !== defaultCircle && !value ? 'Indiquez pourquoi ce partenaire sort de son cercle par défaut.' : null,
      },
      factDate('assignedOn', 'Date de la décision'),
    ],
  });

export const logContact = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/contacts',
  title: 'Enregistrer un contact',
  submit: 'Enregistrer le contact',
  done: 'Le contact est enregistré.',
  fields: [
    { name: 'kind', label: 'Nature du contact', widget: 'select', options: options(CONTACT_KIND) },
    { name: 'date', label: 'Date', widget: 'date', check: notAfterToday },
    { name: 'participants', label: 'Participants', hint: 'Un par ligne.', widget: 'lines' },
    { name: 'note', label: 'Compte rendu', widget: 'textarea' },
  ],
});

export const recordExpectation = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/expectations',
  title: 'Enregistrer une attente du partenaire',
  submit: 'Enregistrer l’attente',
  done: 'L’attente est enregistrée.',
  generated: () => ({ expectationId: newReference('att') }),
  fields: [
    { name: 'expectation', label: 'Attente', widget: 'radio', options: options(EXPECTATION) },
    { name: 'note', label: 'Précisions', widget: 'textarea' },
    factDate('recordedOn', 'Exprimée le'),
  ],
});

export const addressExpectation = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/expectations/{expectationId}/addressed',
  title: 'Marquer l’attente comme traitée',
  submit: 'Marquer comme traitée',
  done: 'L’attente est marquée comme traitée.',
  fields: [{ name: 'note', label: 'Réponse apportée', widget: 'textarea' }, factDate('addressedOn', 'Traitée le')],
});

export const assessQuality = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/assessments',
  title: 'Évaluer la qualité du partenariat',
  submit: 'Enregistrer l’évaluation',
  done: 'L’évaluation est enregistrée.',
  fields: [
    { name: 'score', label: 'Note', widget: 'radio', numeric: true, options: options(QUALITY_SCORE) },
    { name: 'assessedOn', label: 'Date de l’évaluation', widget: 'date', check: notAfterToday },
    ...(['mutualKnowledge', 'namedReferents', 'jointActions', 'dataSharing', 'communication'] as const).map((c) => ({
      name: `criteria.${c}` as const,
      label: QUALITY_CRITERION[c],
      widget: 'boolean' as const,
    })),
  ],
});

export const planJointEvent = (partners: Option[], actions: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/joint-events',
    title: 'Prévoir un événement commun',
    submit: 'Enregistrer l’événement',
    done: 'L’événement est prévu.',
    generated: () => ({ jointEventId: newReference('evt') }),
    fields: [
      { name: 'title', label: 'Intitulé', widget: 'text' },
      { name: 'kind', label: 'Type d’événement', widget: 'select', options: options(JOINT_EVENT_KIND) },
      { name: 'date', label: 'Date', widget: 'date' },
      { name: 'partnerIds', label: 'Partenaires associés', widget: 'checkboxes', options: partners },
      { name: 'publics', label: 'Publics visés', widget: 'checkboxes', options: options(PUBLIC) },
      { name: 'planActionId', label: 'Action du plan servie', widget: 'select', options: actions },
      { name: 'services', label: 'Offre de services mobilisée', widget: 'checkboxes', options: options(SERVICE_OFFER) },
      factDate('plannedOn', 'Décidé le'),
    ],
  });

export const holdJointEvent = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/joint-events/{jointEventId}/held',
  title: 'Enregistrer les résultats',
  description: 'Les recrutements ne peuvent dépasser les candidats présentés.',
  submit: 'Enregistrer les résultats',
  done: 'Les résultats de l’événement sont enregistrés.',
  fields: [
    { name: 'outcomes.jobSeekersPresent', label: 'Demandeurs d’emploi présents', widget: 'integer' },
    { name: 'outcomes.employersPresent', label: 'Employeurs présents', widget: 'integer' },
    { name: 'outcomes.candidatesPresented', label: 'Candidats présentés', widget: 'integer' },
    {
      name: 'outcomes.hires',
      label: 'Recrutements',
      widget: 'integer',
      check: (value, values) =>
        typeof value === 'number' && value > Number(String(values['outcomes.candidatesPresented'] ?? '').trim() || Infinity)
          ? 'Les recrutements ne peuvent dépasser les candidats présentés.'
          : null,
    },
  ],
});

export const cancelJointEvent = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/joint-events/{jointEventId}/cancelled',
  title: 'Annuler l’événement',
  submit: 'Annuler l’événement',
  done: 'L’événement est annulé.',
  fields: [{ name: 'reason', label: 'Motif', widget: 'textarea' }, factDate('cancelledOn', 'Annulé le')],
});
