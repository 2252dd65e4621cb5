import { defineCommand, factDate, newReference, notAfterToday, type Option } from '../../forms/command';
import { ATTENDEE_ROLE, INSTANCE_KIND, options } from '../../i18n/catalogue';

export const joinInstance = (partners: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/instances',
    title: 'Enregistrer une instance où siège l’agence',
    description: 'SPE de proximité, cercle de l’alternance, club d’entreprises, coordination de l’EPCI, GPEC territoriale…',
    submit: 'Enregistrer l’instance',
    done: 'L’instance est enregistrée.',
    generated: () => ({ instanceId: newReference('inst') }),
    fields: [
      { name: 'name', label: 'Nom de l’instance', widget: 'text' },
      { name: 'kind', label: 'Type d’instance', widget: 'select', options: options(INSTANCE_KIND) },
      { name: 'convenorPartnerId', label: 'Partenaire qui l’anime', hint: 'Facultatif.', widget: 'select', options: partners },
      { name: 'memberPartnerIds', label: 'Partenaires qui y siègent', widget: 'checkboxes', options: partners },
      factDate('joinedOn', 'L’agence y siège depuis le'),
    ],
  });

export const recordMeeting = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/instances/{instanceId}/meetings',
  title: 'Enregistrer une réunion',
  description: 'Une réunion à laquelle l’agence n’a pas pu être représentée s’enregistre aussi : elle compte dans le taux de présence.',
  submit: 'Enregistrer la réunion',
  done: 'La réunion est enregistrée.',
  generated: () => ({ meetingId: newReference('reu') }),
  fields: [
    { name: 'date', label: 'Date de la réunion', widget: 'date', check: notAfterToday },
    { name: 'topic', label: 'Ordre du jour', widget: 'text' },
    { name: 'attended', label: 'L’agence était représentée', widget: 'boolean' },
    {
      name: 'attendedBy',
      label: 'Représentée par',
      widget: 'checkboxes',
      options: options(ATTENDEE_ROLE),
      show: (values) => values.attended === true,
      required: true,
      check: (value, values) =>
        values.attended === true && (!Array.isArray(value) || value.length === 0) ? 'Indiquez qui a représenté l’agence.' : null,
    },
    { name: 'note', label: 'Compte rendu', hint: 'Facultatif.', widget: 'textarea' },
  ],
});

export const changeMembers = (added: Option[], removed: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/instances/{instanceId}/members',
    title: 'Modifier les membres',
    submit: 'Enregistrer les membres',
    done: 'Les membres de l’instance sont modifiés.',
    fields: [
      { name: 'added', label: 'Partenaires qui la rejoignent', widget: 'checkboxes', options: added },
      { name: 'removed', label: 'Partenaires qui la quittent', widget: 'checkboxes', options: removed },
      factDate('changedOn', 'Depuis le'),
    ],
  });

export const leaveInstance = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/instances/{instanceId}/left',
  title: 'L’agence quitte l’instance',
  submit: 'Enregistrer le départ',
  done: 'Le départ de l’instance est enregistré.',
  fields: [{ name: 'reason', label: 'Motif', widget: 'textarea' }, factDate('leftOn', 'Depuis le')],
});
