/**
 * What a pathway's cohorts give a plan action as its indicator value (the study's encadré 3: « toucher
 * 60 personnes par an … 60 % de retour à l'emploi »): the people who entered the year's cohorts, those
 * of them back in work, or that share of the people who left, in percent.
 */
export const PATHWAY_MEASURES = ['REACH', 'EMPLOYMENT', 'EMPLOYMENT_RATE'] as const;
export type PathwayMeasure = (typeof PATHWAY_MEASURES)[number];

export const PATHWAY_MEASURE_FR: Readonly<Record<PathwayMeasure, string>> = {
  REACH: 'personnes entrées dans les cohortes de l’année',
  EMPLOYMENT: 'personnes en emploi à la sortie',
  EMPLOYMENT_RATE: 'taux de retour à l’emploi des sortants (%)',
};
