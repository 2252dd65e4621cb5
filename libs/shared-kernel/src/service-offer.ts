/**
 * The service offer an agency mobilises, as the study names it: support levels (suivi, guidé,
 * renforcé, global, intensif jeunes), Activ'Projet, work-placement periods (PMSMP), pre-hire
 * training (AFPR, POE individuelle or collective), recruitment by simulation (MRS), individual
 * training aid (AIF), the regional training programme (PRF), information sessions and mobility
 * aid. One list for every context that records what was mobilised.
 */
export const SERVICE_OFFER = [
  'ACCOMPAGNEMENT_SUIVI',
  'ACCOMPAGNEMENT_GUIDE',
  'ACCOMPAGNEMENT_RENFORCE',
  'ACCOMPAGNEMENT_GLOBAL',
  'ACCOMPAGNEMENT_INTENSIF_JEUNES',
  'ACTIV_PROJET',
  'PMSMP',
  'AFPR',
  'POE_INDIVIDUELLE',
  'POE_COLLECTIVE',
  'MRS',
  'AIF',
  'PRF',
  'INFORMATION_COLLECTIVE',
  'AIDE_MOBILITE',
] as const;
export type ServiceOffer = (typeof SERVICE_OFFER)[number];

export const SERVICE_OFFER_FR: Readonly<Record<ServiceOffer, string>> = {
  ACCOMPAGNEMENT_SUIVI: 'Accompagnement suivi',
  ACCOMPAGNEMENT_GUIDE: 'Accompagnement guidé',
  ACCOMPAGNEMENT_RENFORCE: 'Accompagnement renforcé',
  ACCOMPAGNEMENT_GLOBAL: 'Accompagnement global',
  ACCOMPAGNEMENT_INTENSIF_JEUNES: 'Accompagnement intensif des jeunes',
  ACTIV_PROJET: 'Prestation Activ’Projet',
  PMSMP: 'Période de mise en situation en milieu professionnel (PMSMP)',
  AFPR: 'Action de formation préalable au recrutement (AFPR)',
  POE_INDIVIDUELLE: 'Préparation opérationnelle à l’emploi individuelle (POEI)',
  POE_COLLECTIVE: 'Préparation opérationnelle à l’emploi collective (POEC)',
  MRS: 'Méthode de recrutement par simulation (MRS)',
  AIF: 'Aide individuelle à la formation (AIF)',
  PRF: 'Programme régional de formation',
  INFORMATION_COLLECTIVE: 'Information collective',
  AIDE_MOBILITE: 'Aide à la mobilité',
};
