import { defineCommand, type Option } from '../../forms/command';
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
      hint: 'Code d’un bassin enregistré (zone d’emploi 2020 : 4 chiffres, qui commencent par ceux de la région).',
      widget: 'text',
    },
    { name: 'areaType', label: 'Type de territoire', widget: 'radio', options: options(AREA_TYPE) },
    { name: 'openedOn', label: 'Ouverte le', widget: 'date' },
  ],
});

export const registerBasin = defineCommand({
  method: 'post',
  path: '/basins',
  title: 'Enregistrer un bassin d’emploi',
  description: 'Une zone d’emploi 2020 de l’INSEE : les agences s’y enregistrent ensuite.',
  submit: 'Enregistrer le bassin',
  done: 'Le bassin d’emploi est enregistré.',
  fields: [
    {
      name: 'code',
      label: 'Code de la zone d’emploi 2020',
      hint: '4 chiffres, dont les deux premiers sont ceux de la région.',
      widget: 'text',
    },
    { name: 'name', label: 'Nom', hint: 'Par exemple : Berck – Montreuil.', widget: 'text' },
    { name: 'departments', label: 'Départements couverts', hint: 'Un code INSEE par ligne : 62, 2A, 971…', widget: 'lines' },
    {
      name: 'registeredOn',
      label: 'Connu depuis le',
      hint: 'Le jour où sa première agence a ouvert : les vues passées le montrent dès lors.',
      widget: 'date',
    },
  ],
});

export function assignLead(agencies: Option[], partners: Option[]) {
  return defineCommand({
    method: 'post',
    path: '/basins/{code}/leads',
    title: 'Désigner l’agence cheffe de file d’un partenaire',
    description: 'L’agence qui anime le partenariat pour toutes les agences du bassin.',
    submit: 'Désigner l’agence',
    done: 'L’agence cheffe de file est désignée.',
    fields: [
      { name: 'partnerId', label: 'Partenaire', widget: 'select', options: partners },
      { name: 'safir', label: 'Agence cheffe de file', widget: 'select', options: agencies },
      { name: 'since', label: 'À partir du', widget: 'date' },
      { name: 'note', label: 'Motif', widget: 'text' },
    ],
  });
}
