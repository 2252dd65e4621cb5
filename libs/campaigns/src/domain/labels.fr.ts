/** French labels of the campaigns' codes: one source for the exports and the page's catalogue. */
export const CAMPAIGN_STATUS_FR: Readonly<Record<string, string>> = { RUNNING: 'En cours', CLOSED: 'Close' };

export const CAMPAIGN_ROLE_FR: Readonly<Record<string, string>> = { LEAD: 'Agence pilote', PARTICIPANT: 'Agence associée' };

export const CAMPAIGN_ERROR_FR: Readonly<Record<string, string>> = {
  CAMPAIGN_EXISTS: 'Une campagne porte déjà cet identifiant.',
  CAMPAIGN_NOT_FOUND: 'Cette agence ne participe à aucune campagne de ce nom.',
  CAMPAIGN_CLOSED: 'La campagne est close : seuls des chiffres arrêtés à sa clôture ou avant peuvent encore être déclarés.',
  NOT_THE_LEAD: 'Seule l’agence pilote de la campagne peut faire cela.',
  ALREADY_PARTICIPATING: 'Cette agence participe déjà à la campagne.',
  END_BEFORE_START: 'La fin prévue précède le début de la campagne.',
  INVALID_POSTS: 'Le nombre de postes doit être un entier d’au moins 1.',
  INVALID_COUNT: 'Saisissez un nombre entier, positif ou nul.',
  HIRES_EXCEED_APPLICATIONS: 'Les recrutements ne peuvent dépasser les candidatures traitées.',
  DATE_BEFORE_LAST_REPORT: 'L’agence a déjà déclaré des chiffres à une date postérieure : déclarez à cette date ou après.',
  DATE_BEFORE_PARTICIPATION: 'Cette date précède la participation de l’agence à la campagne.',
  DATE_BEFORE_LAUNCH: 'Cette date précède le lancement de la campagne.',
};
