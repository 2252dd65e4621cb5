import { defineCommand, slugReference, type Option, factDate, notAfterToday } from '../../forms/command';
import { ACTION_STATUS, LEVER, options, PATHWAY_MEASURE, SERVICE_OFFER } from '../../i18n/catalogue';

// The yearly action plan: priorities answering the diagnostic's findings, actions with an indicator,
// progress through the year, the mid-year review, the close and later adjustments.

export const draftPlan = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/action-plans/{year}',
  title: 'Ouvrir le plan d’action',
  description: 'Le plan répond à un diagnostic publié de l’agence : ses priorités citeront les constats de ce diagnostic.',
  submit: 'Ouvrir le plan',
  done: 'Le plan d’action est ouvert : ajoutez ses priorités.',
  fields: [
    { name: 'diagnosticYear', label: 'Année du diagnostic publié auquel il répond', widget: 'integer' },
    factDate('draftedOn', 'Date d’ouverture'),
  ],
});

export const addPriority = (findings: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/action-plans/{year}/priorities',
    title: 'Ajouter une priorité',
    submit: 'Ajouter la priorité',
    done: 'La priorité est ajoutée.',
    generated: (typed) => ({ priorityId: slugReference(String(typed.title ?? ''), 'p') }),
    fields: [
      { name: 'title', label: 'Intitulé de la priorité', widget: 'text' },
      { name: 'findingIds', label: 'Constats du diagnostic auxquels elle répond', widget: 'checkboxes', options: findings },
      factDate('addedOn', 'Date de la décision'),
    ],
  });

export const addAction = (priorities: Option[], partners: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/action-plans/{year}/actions',
    title: 'Ajouter une action',
    submit: 'Ajouter l’action',
    done: 'L’action est ajoutée au plan.',
    generated: (typed) => ({ actionId: slugReference(String(typed.title ?? ''), 'a') }),
    fields: [
      { name: 'priorityId', label: 'Priorité', widget: 'select', options: priorities },
      { name: 'title', label: 'Intitulé de l’action', widget: 'text' },
      { name: 'lever', label: 'Levier mobilisé', widget: 'select', options: options(LEVER) },
      { name: 'owner', label: 'Pilote', hint: 'Une équipe ou une personne.', widget: 'text' },
      { name: 'partnerIds', label: 'Partenaires associés', widget: 'checkboxes', options: partners },
      { name: 'services', label: 'Offre de services mobilisée', widget: 'checkboxes', options: options(SERVICE_OFFER) },
      { name: 'startDate', label: 'Début', widget: 'date' },
      { name: 'dueDate', label: 'Échéance', widget: 'date' },
      {
        name: 'dueDateReason',
        label: 'Pourquoi l’échéance sort de l’année du plan',
        hint: 'Seulement si elle en sort.',
        widget: 'textarea',
      },
      { name: 'indicator.name', label: 'Indicateur', hint: 'Par exemple : personnes accompagnées.', widget: 'text' },
      { name: 'indicator.unit', label: 'Unité', hint: 'Par exemple : personnes, %, entreprises.', widget: 'text' },
      { name: 'indicator.baseline', label: 'Valeur de départ', widget: 'number' },
      {
        name: 'indicator.target',
        label: 'Cible',
        widget: 'number',
        check: (v, values) =>
          v !== undefined && String(v) === String(values['indicator.baseline'] ?? '').replace(',', '.')
            ? 'La cible doit différer de la valeur de départ.'
            : null,
      },
      factDate('addedOn', 'Date d’inscription au plan'),
    ],
  });

export const adoptPlan = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/action-plans/{year}/adopt',
  title: 'Adopter le plan',
  submit: 'Adopter le plan',
  done: 'Le plan est adopté.',
  fields: [{ name: 'date', label: 'Date d’adoption', widget: 'date', check: notAfterToday }],
});

export const reportProgress = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/action-plans/{year}/actions/{actionId}/progress',
  title: 'Déclarer l’avancement',
  submit: 'Déclarer',
  done: 'L’avancement est enregistré.',
  fields: [
    { name: 'value', label: 'Valeur atteinte', widget: 'number' },
    { name: 'on', label: 'À la date du', widget: 'date', check: notAfterToday },
    { name: 'comment', label: 'Commentaire', widget: 'textarea' },
  ],
});

export const measureByPathway = (pathways: Option[]) =>
  defineCommand({
    method: 'put',
    path: '/agencies/{safir}/action-plans/{year}/actions/{actionId}/measure',
    title: 'Mesurer par un parcours',
    description:
      'Les valeurs de l’action viennent alors des cohortes du parcours entrées dans l’année du plan : plus de déclaration à la main.',
    submit: 'Mesurer par ce parcours',
    done: 'L’action est mesurée par le parcours.',
    fields: [
      { name: 'pathwayId', label: 'Parcours', widget: 'select', options: pathways },
      { name: 'measure', label: 'Valeur retenue', widget: 'radio', options: options(PATHWAY_MEASURE) },
      factDate('linkedOn', 'Date de la décision'),
    ],
  });

export const changeStatus = defineCommand({
  method: 'put',
  path: '/agencies/{safir}/action-plans/{year}/actions/{actionId}/status',
  title: 'Changer le statut',
  submit: 'Changer le statut',
  done: 'Le statut est changé.',
  fields: [
    { name: 'status', label: 'Statut', widget: 'select', options: options(ACTION_STATUS) },
    {
      name: 'reason',
      label: 'Motif',
      hint: 'Obligatoire pour une action suspendue, bloquée ou abandonnée.',
      widget: 'textarea',
      check: (v, values) => (['PAUSED', 'BLOCKED', 'ABANDONED'].includes(String(values.status)) && !v ? 'Indiquez pourquoi.' : null),
    },
    factDate('changedOn', 'Date du changement'),
  ],
});

export const midYearReview = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/action-plans/{year}/mid-year-review',
  title: 'Revue de mi-parcours',
  submit: 'Enregistrer la revue',
  done: 'La revue de mi-parcours est enregistrée.',
  fields: [
    { name: 'reviewedOn', label: 'Date de la revue', widget: 'date', check: notAfterToday },
    { name: 'summary', label: 'Synthèse', widget: 'textarea' },
  ],
});

export const closePlan = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/action-plans/{year}/close',
  title: 'Clôturer le plan',
  description: 'Après la clôture, une correction s’enregistre comme un ajustement qui nomme le plan clos.',
  submit: 'Clôturer le plan',
  done: 'Le plan est clôturé.',
  fields: [
    { name: 'date', label: 'Date de clôture', widget: 'date', check: notAfterToday },
    {
      name: 'openActions',
      label: 'Actions encore ouvertes',
      hint: 'À choisir si des actions ne sont ni réalisées ni abandonnées.',
      widget: 'radio',
      options: [
        { value: 'CARRIED_OVER', label: 'Les reporter sur l’année suivante' },
        { value: 'ABANDONED', label: 'Les abandonner' },
      ],
    },
  ],
});

export const adjustClosedPlan = (actions: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/action-plans/{year}/adjustments',
    title: 'Ajuster le plan clos',
    submit: 'Enregistrer l’ajustement',
    done: 'L’ajustement est enregistré.',
    fields: [
      { name: 'actionId', label: 'Action concernée', widget: 'select', options: actions },
      { name: 'note', label: 'Ajustement', widget: 'textarea' },
      { name: 'value', label: 'Valeur corrigée', widget: 'number' },
      factDate('adjustedOn', 'Date de l’ajustement'),
    ],
  });
