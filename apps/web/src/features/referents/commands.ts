import { defineCommand, factDate, slugReference, type Values } from '../../forms/command';
import { REFERENT_SIDE, options } from '../../i18n/catalogue';

// The API's pattern checks the number; the form says how it is written.
const phone = 'Numéro attendu comme 03 21 00 00 00 ou +33 3 21 00 00 00.';
const reachable = (value: unknown, values: Values) =>
  !value && !values.phone ? 'Indiquez un téléphone ou une adresse électronique.' : null;

export const nameReferent = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/referents',
  title: 'Nommer un référent',
  description: 'La personne à joindre chez le partenaire, ou celle de l’agence que le partenaire appelle.',
  submit: 'Enregistrer le référent',
  done: 'Le référent est enregistré.',
  generated: (values) => ({ referentId: slugReference(String(values.name ?? ''), 'referent') }),
  fields: [
    { name: 'side', label: 'Référent', widget: 'radio', options: options(REFERENT_SIDE) },
    { name: 'name', label: 'Prénom et nom', widget: 'text' },
    { name: 'role', label: 'Fonction', hint: 'Par exemple : chargée de relations entreprises.', widget: 'text' },
    {
      name: 'phone',
      label: 'Téléphone',
      hint: 'Un téléphone ou une adresse électronique.',
      widget: 'text',
      formatMessage: phone,
      optional: true,
    },
    { name: 'email', label: 'Adresse électronique', widget: 'text', check: reachable, optional: true, required: true },
    factDate('namedOn', 'Référent depuis le'),
  ],
});

export const changeReferent = defineCommand({
  method: 'patch',
  path: '/agencies/{safir}/partnerships/{partnerId}/referents/{referentId}',
  title: 'Modifier les coordonnées',
  submit: 'Enregistrer les coordonnées',
  done: 'Les coordonnées sont modifiées.',
  fields: [
    { name: 'role', label: 'Fonction', widget: 'text', optional: true },
    { name: 'phone', label: 'Téléphone', widget: 'text', formatMessage: phone, optional: true },
    { name: 'email', label: 'Adresse électronique', widget: 'text', optional: true },
    factDate('changedOn', 'Depuis le'),
  ],
});

export const withdrawReferent = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/partnerships/{partnerId}/referents/{referentId}/withdrawn',
  title: 'Le référent n’est plus en fonction',
  submit: 'Enregistrer',
  done: 'Le référent n’apparaît plus parmi ceux en fonction.',
  fields: [
    { name: 'reason', label: 'Motif', hint: 'Par exemple : a quitté la structure.', widget: 'textarea' },
    factDate('withdrawnOn', 'Depuis le'),
  ],
});
