import { defineCommand, factDate, newReference, notAfterToday, type Option } from '../../forms/command';
import { options, PUBLIC, SERVICE_OFFER } from '../../i18n/catalogue';

export const openPathway = (partners: Option[]) =>
  defineCommand({
    method: 'post',
    path: '/agencies/{safir}/pathways',
    title: 'Ouvrir un parcours',
    description: 'Un parcours suivi en cohortes, avec sa cible de personnes par an et son taux de retour à l’emploi visé.',
    submit: 'Ouvrir le parcours',
    done: 'Le parcours est ouvert.',
    generated: () => ({ pathwayId: newReference('parc') }),
    fields: [
      { name: 'name', label: 'Nom du parcours', widget: 'text' },
      { name: 'publics', label: 'Publics', widget: 'checkboxes', options: options(PUBLIC) },
      { name: 'partnerIds', label: 'Partenaires associés', widget: 'checkboxes', options: partners },
      { name: 'services', label: 'Offre de services mobilisée', widget: 'checkboxes', options: options(SERVICE_OFFER) },
      { name: 'yearlyReachTarget', label: 'Personnes à accompagner par an', widget: 'integer' },
      {
        name: 'employmentRateTarget',
        label: 'Taux de retour à l’emploi visé',
        hint: 'Une part entre 0 et 1 : 0,6 pour 60 %.',
        widget: 'number',
      },
      factDate('openedOn', 'Ouvert le'),
    ],
  });

export const startCohort = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/pathways/{pathwayId}/cohorts',
  title: 'Faire entrer une cohorte',
  submit: 'Enregistrer la cohorte',
  done: 'La cohorte est enregistrée.',
  generated: () => ({ cohortId: newReference('coh') }),
  fields: [{ name: 'entries', label: 'Personnes entrées', widget: 'integer' }, factDate('startedOn', 'Entrée le')],
});

export const recordOutcomes = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/pathways/{pathwayId}/cohorts/{cohortId}/outcomes',
  title: 'Enregistrer les résultats d’une cohorte',
  description: 'Les chiffres de la cohorte à cette date, depuis son entrée.',
  submit: 'Enregistrer les résultats',
  done: 'Les résultats sont enregistrés.',
  fields: [
    { name: 'on', label: 'Résultats au', widget: 'date', check: notAfterToday },
    { name: 'exits', label: 'Sorties du parcours', widget: 'integer' },
    { name: 'employment', label: 'Dont en emploi', widget: 'integer' },
    { name: 'training', label: 'Dont en formation', widget: 'integer' },
  ],
});
