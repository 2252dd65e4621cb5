import { defineCommand, factDate, newReference, notAfterToday, type Option } from '../../forms/command';
import { options, SERVICE_OFFER } from '../../i18n/catalogue';

export const launchCampaign = (employers: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/campaigns',
    title: 'Lancer une campagne de recrutement',
    description: 'Pour un employeur ou un grand projet ; d’autres agences, de tout territoire, peuvent y être associées ensuite.',
    submit: 'Lancer la campagne',
    done: 'La campagne est lancée.',
    generated: () => ({ campaignId: newReference('camp') }),
    fields: [
      { name: 'name', label: 'Intitulé de la campagne', widget: 'text' },
      {
        name: 'employerPartnerId',
        label: 'Employeur',
        hint: 'Facultatif : un employeur du registre des partenaires.',
        widget: 'select',
        options: employers,
      },
      { name: 'posts', label: 'Postes à pourvoir', widget: 'integer' },
      { name: 'dedicatedAdvisers', label: 'Conseillers dédiés', widget: 'integer' },
      { name: 'services', label: 'Offre de services mobilisée', widget: 'checkboxes', options: options(SERVICE_OFFER) },
      { name: 'plannedEndOn', label: 'Fin prévue le', hint: 'Facultatif.', widget: 'date' },
      factDate('startedOn', 'Lancée le'),
    ],
  });

export const reportCampaign = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/campaigns/{campaignId}/progress',
  title: 'Déclarer les chiffres de l’agence',
  description: 'Les chiffres de l’agence à cette date, depuis le début : candidatures traitées et recrutements.',
  submit: 'Déclarer les chiffres',
  done: 'Les chiffres sont enregistrés.',
  fields: [
    { name: 'on', label: 'Chiffres arrêtés au', widget: 'date', check: notAfterToday },
    { name: 'applications', label: 'Candidatures traitées', widget: 'integer' },
    {
      name: 'hires',
      label: 'Recrutements',
      widget: 'integer',
      check: (value, values) =>
        typeof value === 'number' && value > Number(String(values.applications ?? '').trim() || Infinity)
          ? 'Les recrutements ne peuvent dépasser les candidatures traitées.'
          : null,
    },
  ],
});

export const addCampaignAgency = (agencies: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/campaigns/{campaignId}/agencies',
    title: 'Associer une agence',
    submit: 'Associer l’agence',
    done: 'L’agence est associée à la campagne.',
    fields: [{ name: 'safir', label: 'Agence', widget: 'select', options: agencies }, factDate('joinedOn', 'Associée depuis le')],
  });

export const closeCampaign = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/campaigns/{campaignId}/closed',
  title: 'Clore la campagne',
  submit: 'Clore la campagne',
  done: 'La campagne est close.',
  fields: [{ name: 'outcome', label: 'Bilan', widget: 'textarea' }, factDate('closedOn', 'Close le')],
});
