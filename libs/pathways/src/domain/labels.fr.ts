/** French words of the pathways' refusals: one source for the page's catalogue. */
export const PATHWAY_ERROR_FR: Readonly<Record<string, string>> = {
  PATHWAY_EXISTS: 'Un parcours porte déjà cet identifiant pour l’agence.',
  PATHWAY_NOT_FOUND: 'Parcours inconnu pour cette agence.',
  PATHWAY_CLOSED: 'Le parcours est clos : aucune nouvelle cohorte ne peut y entrer.',
  INVALID_TARGET: 'La cible doit être un nombre de personnes d’au moins 1, ou un taux entre 0 et 100 %.',
  COHORT_EXISTS: 'Une cohorte porte déjà cette référence.',
  COHORT_NOT_FOUND: 'Cohorte inconnue dans ce parcours.',
  EXITS_EXCEED_ENTRIES: 'Les sorties ne peuvent dépasser les entrées de la cohorte.',
  OUTCOMES_EXCEED_EXITS: 'Les personnes en emploi et en formation ne peuvent dépasser les sorties.',
  DATE_BEFORE_COHORT: 'Cette date précède le début de la cohorte.',
  DATE_BEFORE_LAST_OUTCOMES: 'Des résultats ont déjà été enregistrés à une date postérieure pour cette cohorte.',
  DATE_BEFORE_OPENING: 'Cette date précède l’ouverture du parcours.',
};
