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
  CLEARER_DT_AGENCY_STRATEGY: 'Articulation plus claire des stratégies entre la direction territoriale et l’agence',
};

/** What each refusal of this context means, in French: the page and the import reports say it. */
export const PARTNERSHIP_ERROR_FR: Readonly<Record<string, string>> = {
  PARTNER_EXISTS: 'Un partenaire porte déjà cet identifiant.',
  PARTNER_NOT_FOUND: 'Partenaire inconnu.',
  PARTNER_CLOSED: 'Ce partenaire est clos : plus rien ne peut être enregistré avec lui.',
  UNKNOWN_PARTNER: 'Partenaire inconnu du registre.',
  UNKNOWN_PARENT: 'Le réseau parent n’est pas un partenaire connu.',
  INVALID_SIRET: 'Ce SIRET n’est pas valide (clé de contrôle).',
  INVALID_SUBKIND: 'Ce type ne correspond pas à la catégorie.',
  PARTNERSHIP_NOT_FOUND: 'L’agence n’a pas de partenariat avec ce partenaire.',
  AGREEMENT_EXISTS: 'Une convention porte déjà cet identifiant.',
  AGREEMENT_ACTIVE: 'Une autre convention est en vigueur avec ce partenaire.',
  AGREEMENT_NOT_FOUND: 'Convention inconnue.',
  AGREEMENT_TERMINATED: 'Cette convention est résiliée.',
  ENDS_BEFORE_START: 'La fin précède le début.',
  RENEWAL_NOT_LATER: 'Le renouvellement doit reporter la fin à une date plus tardive.',
  REASON_REQUIRED: 'Indiquez un motif.',
  EXPECTATION_EXISTS: 'Cette attente est déjà enregistrée.',
  EXPECTATION_NOT_FOUND: 'Attente inconnue.',
  INVALID_SCORE: 'La note doit aller de 1 à 4.',
  JOINT_EVENT_EXISTS: 'Un événement porte déjà cet identifiant.',
  JOINT_EVENT_NOT_FOUND: 'Événement inconnu.',
  JOINT_EVENT_CLOSED: 'Cet événement est déjà réalisé ou annulé.',
  JOINT_EVENT_NOT_YET_HELD: 'Cet événement n’a pas encore eu lieu : ses résultats s’enregistrent à partir de sa date.',
  INVALID_OUTCOME: 'Les résultats doivent être des nombres entiers positifs.',
  HIRES_EXCEED_CANDIDATES: 'Les recrutements ne peuvent dépasser les candidats présentés.',
};
