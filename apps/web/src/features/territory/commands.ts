import { defineCommand } from '../../forms/command';
import { AREA_TYPE, options } from '../../i18n/catalogue';
import { REGION_OPTIONS } from '../../shell/scope';

export const reviseContext = defineCommand({
  method: 'post',
  path: '/agencies/{safir}/context',
  title: 'Mettre à jour le contexte territorial',
  description: 'Les chiffres du bassin d’emploi à une date : ils classent le contexte (favorable, intermédiaire, difficile).',
  submit: 'Enregistrer le contexte',
  done: 'Le contexte territorial est enregistré.',
  fields: [
    { name: 'effectiveDate', label: 'Chiffres au', widget: 'date' },
    { name: 'figures.unemploymentRate', label: 'Taux de chômage (%)', widget: 'number' },
    { name: 'figures.longTermUnemploymentShare', label: 'Part des demandeurs de longue durée (%)', widget: 'number' },
    { name: 'figures.seasonalJobShare', label: 'Part des emplois saisonniers (%)', hint: 'Moyenne nationale : 8,6 %.', widget: 'number' },
    { name: 'figures.rsaShare', label: 'Part des ménages au RSA (%)', widget: 'number' },
    { name: 'figures.qpv', label: 'Le bassin compte un quartier prioritaire (QPV)', widget: 'boolean' },
    { name: 'source', label: 'Source', hint: 'Par exemple : INSEE, DARES.', widget: 'text' },
  ],
});

export const registerAgency = defineCommand({
  method: 'post',
  path: '/agencies',
  title: 'Enregistrer une agence',
  submit: 'Enregistrer l’agence',
  done: 'L’agence est enregistrée.',
  fields: [
    { name: 'safir', label: 'Code SAFIR', hint: '5 chiffres.', widget: 'text' },
    { name: 'name', label: 'Nom', widget: 'text' },
    { name: 'region', label: 'Région', widget: 'select', options: REGION_OPTIONS },
    { name: 'department', label: 'Département', hint: 'Code INSEE : 01 à 95, 2A, 2B, 971 à 976.', widget: 'text' },
    {
      name: 'employmentBasin',
      label: 'Bassin d’emploi',
      hint: 'Code de la zone d’emploi 2020 (4 chiffres, qui commencent par ceux de la région).',
      widget: 'text',
    },
    { name: 'areaType', label: 'Type de territoire', widget: 'radio', options: options(AREA_TYPE) },
    { name: 'openedOn', label: 'Ouverte le', widget: 'date' },
  ],
});
