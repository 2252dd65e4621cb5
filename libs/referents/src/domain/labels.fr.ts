/** French labels of the referents' codes: one source for the exports and the page's catalogue. */
export const REFERENT_SIDE_FR: Readonly<Record<string, string>> = {
  PARTNER: 'Côté partenaire',
  AGENCY: 'Côté agence',
};

export const REFERENT_ERROR_FR: Readonly<Record<string, string>> = {
  REFERENT_EXISTS: 'Un référent porte déjà cet identifiant pour ce partenariat.',
  REFERENT_NOT_FOUND: 'Référent inconnu pour ce partenariat.',
  REFERENT_WITHDRAWN: 'Ce référent n’est plus en fonction : ses coordonnées ne changent plus.',
  REFERENT_UNREACHABLE: 'Indiquez un téléphone ou une adresse électronique.',
  DATE_BEFORE_NAMING: 'Cette date précède la désignation du référent.',
};
