import { defineCommand, newReference, type Option, factDate, notAfterToday } from '../../forms/command';
import { EXPENDITURE_CATEGORY, FUNDING_ROUTE, RELAXED_CRITERION, options } from '../../i18n/catalogue';

// The "5%" fund of an agency-year: commitments, payments, releases, corrections, and what
// directors and administrators do with envelopes and over-commitments.

const isMobility = (values: Record<string, unknown>) => values.category === 'DEROGATORY_MOBILITY_AID';

export const commitExpenditure = (partners: Option[], actions: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/fund/{year}/commitments',
    title: 'Engager une dépense',
    description: 'Une dépense ne peut dépasser ce qui reste de l’enveloppe, sauf dépassement autorisé par votre direction.',
    submit: 'Engager la dépense',
    done: 'La dépense est engagée.',
    generated: () => ({ commitmentId: newReference('eng') }),
    fields: [
      { name: 'category', label: 'Nature de la dépense', widget: 'select', options: options(EXPENDITURE_CATEGORY) },
      { name: 'route', label: 'Voie de financement', widget: 'radio', options: options(FUNDING_ROUTE) },
      { name: 'amountCents', label: 'Montant (en euros)', hint: 'Par exemple 1 234,56.', widget: 'euros' },
      { name: 'committedOn', label: 'Date de l’engagement', hint: 'Par défaut, aujourd’hui.', widget: 'date', check: notAfterToday },
      {
        name: 'mobility.relaxedCriterion',
        label: 'Critère assoupli',
        widget: 'select',
        options: options(RELAXED_CRITERION),
        show: isMobility,
        required: true,
        // Optional in the schema (other categories have no mobility), required for a mobility aid.
        check: (v, values) => (isMobility(values) && !v ? 'Choisissez le critère que l’aide assouplit.' : null),
      },
      { name: 'mobility.leavesEmploymentBasin', label: 'La personne quitte le bassin d’emploi', widget: 'boolean', show: isMobility },
      { name: 'beneficiaryPartnerId', label: 'Partenaire bénéficiaire', widget: 'select', options: partners },
      { name: 'planActionId', label: 'Action du plan servie', widget: 'select', options: actions },
      { name: 'rationale', label: 'Justification', widget: 'textarea' },
    ],
  });

export const recordPayment = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/commitments/{commitmentId}/payments',
  title: 'Enregistrer un paiement',
  description: 'Les paiements partiels sont possibles ; leur total ne dépasse jamais l’engagement.',
  submit: 'Enregistrer le paiement',
  done: 'Le paiement est enregistré.',
  generated: () => ({ paymentId: newReference('pai') }),
  fields: [
    { name: 'amountCents', label: 'Montant payé (en euros)', widget: 'euros' },
    { name: 'paidOn', label: 'Date du paiement', hint: 'Par défaut, aujourd’hui.', widget: 'date', check: notAfterToday },
  ],
});

export const releaseCommitment = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/commitments/{commitmentId}/release',
  title: 'Libérer le reste',
  description: 'Annule l’engagement, ou libère sa part non payée, qui redevient disponible.',
  submit: 'Libérer',
  done: 'La part non payée est libérée.',
  fields: [{ name: 'reason', label: 'Motif', widget: 'textarea' }, factDate('releasedOn', 'Date de la libération')],
});

export const correctPayment = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/commitments/{commitmentId}/payments/{paymentId}/corrections',
  title: 'Corriger le paiement',
  description: 'Le paiement d’origine reste dans l’historique ; la correction le nomme.',
  submit: 'Corriger',
  done: 'La correction est enregistrée.',
  fields: [
    { name: 'correctedCents', label: 'Montant exact (en euros)', hint: '0 annule le paiement.', widget: 'euros' },
    { name: 'reason', label: 'Motif', widget: 'textarea' },
  ],
});

export const requestOverCommitment = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/over-commitment-requests',
  title: 'Demander un dépassement à la direction',
  submit: 'Envoyer la demande',
  done: 'La demande est envoyée à la direction régionale.',
  generated: () => ({ requestId: newReference('dem') }),
  fields: [
    { name: 'amountCents', label: 'Montant demandé au-delà de l’enveloppe (en euros)', widget: 'euros' },
    { name: 'reason', label: 'Motif', widget: 'textarea' },
  ],
});

export const allocateEnvelope = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/envelope',
  title: 'Allouer l’enveloppe de l’année',
  submit: 'Allouer',
  done: 'L’enveloppe est allouée.',
  fields: [
    { name: 'amountCents', label: 'Montant (en euros)', widget: 'euros' },
    { name: 'allocatedOn', label: 'Date de notification', hint: 'Par défaut, aujourd’hui.', widget: 'date' },
  ],
});

export const adjustEnvelope = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/envelope/adjustments',
  title: 'Ajuster l’enveloppe',
  submit: 'Ajuster',
  done: 'L’enveloppe est ajustée.',
  fields: [
    { name: 'deltaCents', label: 'Variation (en euros)', hint: 'Négative pour réduire, par exemple -5 000.', widget: 'euros' },
    { name: 'reason', label: 'Motif', widget: 'textarea' },
    factDate('adjustedOn', 'Date de l’ajustement'),
  ],
});

export const authoriseOverCommitment = (requestId?: string) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/fund/{year}/over-commitment-authorisations',
    title: requestId ? 'Autoriser ce dépassement' : 'Autoriser un dépassement',
    submit: 'Autoriser',
    done: 'Le dépassement est autorisé.',
    generated: () => (requestId ? { requestId } : {}),
    fields: [
      { name: 'amountCents', label: 'Montant autorisé (en euros)', widget: 'euros' },
      { name: 'reason', label: 'Motif', widget: 'textarea' },
      { name: 'authorisedOn', label: 'Date de l’autorisation', hint: 'Par défaut, aujourd’hui.', widget: 'date', check: notAfterToday },
    ],
  });

export const refuseOverCommitment = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/over-commitment-requests/{requestId}/refusal',
  title: 'Refuser ce dépassement',
  submit: 'Refuser',
  done: 'La demande est refusée.',
  fields: [{ name: 'reason', label: 'Motif', widget: 'textarea' }],
});

export const closeFundYear = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/fund/{year}/close',
  title: 'Clôturer l’exercice',
  description: 'Plus rien ne pourra être engagé, payé ni ajusté sur cette année.',
  submit: 'Clôturer',
  done: 'L’exercice est clôturé.',
  fields: [{ name: 'reason', label: 'Motif', widget: 'textarea' }, factDate('closedOn', 'Date de clôture')],
});
