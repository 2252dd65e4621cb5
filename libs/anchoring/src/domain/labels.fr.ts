/** The five configurations in short French: one source for the exports and the page's catalogue. */
export const CONFIGURATION_SHORT_FR: Readonly<Record<string, string>> = {
  PROACTIVE_FAVOURABLE: 'Proactive, contexte favorable',
  STANDARD_FAVOURABLE: 'Standard, contexte favorable',
  PROACTIVE_INTERMEDIATE: 'Proactive, contexte intermédiaire',
  STANDARD_INTERMEDIATE: 'Standard, contexte intermédiaire',
  JOB_SEEKER_FOCUSED_DIFFICULT: 'Centrée sur les demandeurs d’emploi, contexte difficile',
};
