/** French labels of the instances' codes: one source for the exports and the page's catalogue. */
export const INSTANCE_KIND_FR: Readonly<Record<string, string>> = {
  SPEP_PROXIMITE: 'Service public de l’emploi de proximité (SPEP)',
  CERCLE_ALTERNANCE: 'Cercle de l’alternance',
  BUSINESS_CLUB: 'Club ou groupement d’entreprises',
  EPCI_COORDINATION: 'Coordination technique de l’EPCI',
  GPEC_TERRITORIALE: 'Démarche de GPEC territoriale',
  INSERTION_COMMISSION: 'Commission insertion de la commune',
  OTHER_NETWORK: 'Autre instance ou réseau partenarial',
};

export const ATTENDEE_ROLE_FR: Readonly<Record<string, string>> = {
  AGENCY_DIRECTOR: 'Directeur ou directrice d’agence',
  TEAM_MANAGER: 'Responsable d’équipe',
  ADVISER: 'Conseiller ou conseillère',
};

export const INSTANCE_ERROR_FR: Readonly<Record<string, string>> = {
  INSTANCE_EXISTS: 'Une instance porte déjà cet identifiant pour l’agence.',
  INSTANCE_NOT_FOUND: 'Instance inconnue pour cette agence.',
  INSTANCE_LEFT: 'L’agence a quitté cette instance : seules les réunions antérieures à son départ peuvent encore être enregistrées.',
  ALREADY_MEMBER: 'Ce partenaire siège déjà dans l’instance.',
  NOT_A_MEMBER: 'Ce partenaire ne siège pas dans l’instance.',
  NO_MEMBER_CHANGE: 'Choisissez au moins un partenaire à ajouter ou à retirer.',
  MEETING_EXISTS: 'Une réunion porte déjà cette référence.',
  ATTENDEES_REQUIRED: 'Indiquez qui a représenté l’agence.',
  ATTENDEES_UNEXPECTED: 'Une réunion où l’agence n’était pas représentée n’a pas de participants de l’agence.',
  DATE_BEFORE_JOINING: 'Cette date précède l’entrée de l’agence dans l’instance.',
};
