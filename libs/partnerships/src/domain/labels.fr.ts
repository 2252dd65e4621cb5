/** French labels of the partnerships' codes: one source for the exports, imports, digests and the page's catalogue. */
export const PARTNER_CATEGORY_FR: Readonly<Record<string, string>> = {
  MISSION_LOCALE: 'Mission locale',
  CAP_EMPLOI: 'Cap emploi',
  CONSEIL_DEPARTEMENTAL: 'Conseil départemental',
  SIAE: 'Structure d’insertion par l’activité économique (SIAE)',
  CONSEIL_REGIONAL: 'Conseil régional',
  TRAINING_BODY: 'Organisme de formation',
  PLIE: 'Plan local pour l’insertion et l’emploi (PLIE)',
  ASSOCIATION: 'Association',
  CCAS: 'Centre communal d’action sociale (CCAS)',
  CPAM: 'Caisse primaire d’assurance maladie (CPAM)',
  CAF: 'Caisse d’allocations familiales (CAF)',
  CARSAT: 'Carsat',
  MAISON_EMPLOI: 'Maison de l’emploi',
  MUNICIPALITY: 'Commune',
  EPCI: 'Intercommunalité (EPCI)',
  FRANCE_SERVICES: 'France services',
  CHAMBER: 'Chambre consulaire',
  SCHOOL_UNIVERSITY: 'Établissement scolaire ou université',
  SOCIAL_PARTNER: 'Partenaire social',
  EMPLOYER: 'Employeur',
  EMPLOYER_GROUP: 'Groupement d’employeurs (GEIQ, GE)',
};

export const SCALE_FR: Readonly<Record<string, string>> = {
  NATIONAL: 'Nationale',
  REGIONAL: 'Régionale',
  DEPARTMENTAL: 'Départementale',
  LOCAL: 'Locale',
};

export const AGREEMENT_OBJECTIVE_FR: Readonly<Record<string, string>> = {
  COMPLEMENTARY_SERVICES: 'Complémentarité des offres de services',
  ACCESSIBILITY_RELAY_POINT: 'Point relais, accessibilité des services',
  BRAND_IMAGE: 'Image et notoriété',
  LINKS_WITH_ECONOMIC_ACTORS: 'Liens avec les acteurs économiques',
  ANTICIPATION_OF_NEEDS: 'Anticipation des besoins',
};

export const CONTACT_KIND_FR: Readonly<Record<string, string>> = {
  MEETING: 'Réunion',
  PHONE: 'Échange téléphonique',
  SPEP_INSTANCE: 'Instance SPEP',
  CO_ANIMATION: 'Co-animation',
  REFERRAL: 'Orientation de personnes',
  DATA_SHARED: 'Partage de données',
};

export const EXPECTATION_FR: Readonly<Record<string, string>> = {
  SHARED_KEY_DATA: 'Partage des données clés du territoire',
  CO_CONSTRUCTED_DIAGNOSTIC: 'Diagnostic co-construit',
  REGULAR_COMMUNICATION_ON_SERVICE_OFFER: 'Communication régulière sur l’offre de services',
  CONCERTED_RESPONSES: 'Réponses concertées',
};
