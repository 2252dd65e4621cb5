import type { ColumnSpec } from '@ancrage/spreadsheets';
import { CATEGORIES, PARTNER_CATEGORIES, SCALES } from '../domain/categories';
import { AGREEMENT_OBJECTIVES, CONTACT_KINDS } from '../domain/partnerships.events';
import { AGREEMENT_OBJECTIVE_FR, CONTACT_KIND_FR, PARTNER_CATEGORY_FR, SCALE_FR } from '../domain/labels.fr';
import { SERVICE_OFFER, SERVICE_OFFER_FR } from '@ancrage/shared-kernel';

export const IMPORT_KINDS = ['partners', 'agreements', 'contacts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Each kind's columns: the French header a template writes, and the other names agencies give it. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  partners: [
    { key: 'partnerId', header: 'Identifiant', synonyms: ['Identifiant Ancrage', 'Id', 'Code partenaire'] },
    {
      key: 'name',
      header: 'Nom',
      synonyms: ['Raison sociale', 'Nom du partenaire', 'Partenaire', 'Structure', 'Organisme', 'Dénomination'],
      required: true,
    },
    {
      key: 'category',
      header: 'Catégorie',
      synonyms: ['Type', 'Type de structure', 'Type de partenaire', 'Typologie', 'Famille'],
      required: true,
    },
    { key: 'subkind', header: 'Sous-type', synonyms: ['Type de SIAE', 'Nature', 'Sous-catégorie'] },
    { key: 'siret', header: 'SIRET', synonyms: ['N° SIRET', 'Numéro SIRET', 'Siret de l’établissement'] },
    { key: 'scale', header: 'Échelle', synonyms: ['Niveau', 'Périmètre', 'Échelle d’intervention', 'Territoire'] },
    { key: 'circle', header: 'Cercle', synonyms: ['Cercle de priorité', 'Priorité', 'Cercle partenarial'] },
    { key: 'circleReason', header: 'Motif du cercle', synonyms: ['Raison du cercle', 'Justification du cercle'] },
    { key: 'registeredOn', header: 'Partenaire depuis le', synonyms: ['Date d’entrée', 'Depuis le', 'Date de début du partenariat'] },
  ],
  agreements: [
    {
      key: 'partner',
      header: 'Partenaire',
      synonyms: ['Nom du partenaire', 'Identifiant du partenaire', 'SIRET du partenaire', 'Structure'],
      required: true,
    },
    {
      key: 'reference',
      header: 'Référence',
      synonyms: ['Référence de la convention', 'N° de convention', 'Numéro de convention', 'Convention'],
      required: true,
    },
    { key: 'agreementId', header: 'Identifiant de la convention', synonyms: ['Id convention'] },
    { key: 'scale', header: 'Échelle', synonyms: ['Niveau', 'Périmètre', 'Échelle de la convention'] },
    { key: 'formal', header: 'Convention signée', synonyms: ['Formelle', 'Formalisée', 'Signée', 'Écrite'] },
    { key: 'objectives', header: 'Objectifs', synonyms: ['Objet', 'Objets', 'Finalités', 'Objectifs de la convention'] },
    {
      key: 'services',
      header: 'Offre de services mobilisée',
      synonyms: ['Offre de services', 'Services mobilisés', 'Prestations', 'Dispositifs', 'Mesures mobilisées'],
    },
    { key: 'startDate', header: 'Date de début', synonyms: ['Début', 'Date d’effet', 'Du', 'Convention début'], required: true },
    { key: 'endDate', header: 'Date de fin', synonyms: ['Fin', 'Échéance', 'Au', 'Date d’échéance', 'Convention fin'] },
    { key: 'signedOn', header: 'Date de signature', synonyms: ['Signée le', 'Signature'] },
  ],
  contacts: [
    {
      key: 'partner',
      header: 'Partenaire',
      synonyms: ['Nom du partenaire', 'Identifiant du partenaire', 'SIRET du partenaire', 'Structure'],
      required: true,
    },
    { key: 'date', header: 'Date', synonyms: ['Date du contact', 'Le', 'Date de l’échange'], required: true },
    { key: 'kind', header: 'Nature du contact', synonyms: ['Type', 'Type de contact', 'Nature', 'Modalité'], required: true },
    { key: 'participants', header: 'Participants', synonyms: ['Présents', 'Interlocuteurs', 'Personnes présentes'] },
    { key: 'note', header: 'Compte rendu', synonyms: ['Note', 'Notes', 'Commentaire', 'Objet', 'Observations'] },
  ],
};

/** What each kind's rows are, for templates and messages. */
export const IMPORT_TITLES: Record<ImportKind, string> = {
  partners: 'Partenaires de l’agence',
  agreements: 'Conventions de partenariat',
  contacts: 'Contacts avec les partenaires',
};

/**
 * Categories by their French label, their data·inclusion codes and the names agencies use. A
 * code of a category's subkind (ETTI, AFPA…) names the category and its subkind: `SIAE/ETTI`.
 */
const CATEGORY_WORDS: Partial<Record<string, readonly string[]>> = {
  MISSION_LOCALE: ['Missions locales', 'Mission locale pour l’emploi des jeunes'],
  CAP_EMPLOI: ['Cap'],
  CONSEIL_DEPARTEMENTAL: ['Département', 'Conseil général', 'Conseil départemental'],
  SIAE: ['IAE', 'Insertion par l’activité économique', 'Structure d’insertion', 'Structure d’insertion par l’activité économique'],
  CONSEIL_REGIONAL: ['Région', 'Conseil régional'],
  TRAINING_BODY: ['Formation', 'Organisme de formation'],
  ASSOCIATION: ['Asso', 'Associatif'],
  MAISON_EMPLOI: ['Maison de l’emploi'],
  MUNICIPALITY: ['Mairie', 'Ville', 'Collectivité'],
  EPCI: ['Communauté de communes', 'Communauté d’agglomération', 'Métropole', 'Intercommunalité'],
  FRANCE_SERVICES: ['Maison France services', 'Maison de services au public'],
  CHAMBER: ['CCI', 'CMA', 'Chambre d’agriculture', 'Chambre de commerce', 'Chambre des métiers'],
  SCHOOL_UNIVERSITY: ['Lycée', 'Collège', 'Université', 'Établissement scolaire', 'Éducation nationale'],
  SOCIAL_PARTNER: ['Syndicat', 'Organisation syndicale'],
  EMPLOYER: ['Entreprise', 'Employeur'],
  EMPLOYER_GROUP: ['Groupement d’employeurs', 'GE'],
};

export const CATEGORY_VOCABULARY: Record<string, readonly string[]> = Object.fromEntries<readonly string[]>([
  ...PARTNER_CATEGORIES.map((c): [string, string[]] => [
    c,
    [
      PARTNER_CATEGORY_FR[c],
      ...(CATEGORY_WORDS[c] ?? []),
      ...(CATEGORIES[c].dataInclusion.length === 1 ? CATEGORIES[c].dataInclusion : []),
    ],
  ]),
  // A category with several data·inclusion codes: each names the category and its subkind.
  ...PARTNER_CATEGORIES.flatMap((c) =>
    CATEGORIES[c].dataInclusion.length > 1 ? CATEGORIES[c].dataInclusion.map((code): [string, string[]] => [`${c}/${code}`, [code]]) : [],
  ),
]);

export const SCALE_VOCABULARY: Record<string, readonly string[]> = Object.fromEntries(
  SCALES.map((s) => [s, [SCALE_FR[s], { NATIONAL: 'National', REGIONAL: 'Régional', DEPARTMENTAL: 'Départemental', LOCAL: 'Local' }[s]]]),
);

export const OBJECTIVE_VOCABULARY: Record<string, readonly string[]> = Object.fromEntries(
  AGREEMENT_OBJECTIVES.map((o) => [
    o,
    [
      AGREEMENT_OBJECTIVE_FR[o],
      ...{
        COMPLEMENTARY_SERVICES: ['Complémentarité', 'Complémentarité des offres'],
        ACCESSIBILITY_RELAY_POINT: ['Point relais', 'Accessibilité', 'Relais'],
        BRAND_IMAGE: ['Image', 'Notoriété'],
        LINKS_WITH_ECONOMIC_ACTORS: ['Liens avec les entreprises', 'Acteurs économiques', 'Liens'],
        ANTICIPATION_OF_NEEDS: ['Anticipation', 'Besoins'],
      }[o],
    ],
  ]),
);

/** The service offer by its French label, its acronym (PMSMP, AFPR, POEI…) and the words agencies use. */
export const SERVICE_VOCABULARY: Record<string, readonly string[]> = Object.fromEntries(
  SERVICE_OFFER.map((o) => {
    const label = SERVICE_OFFER_FR[o];
    const acronym = /\(([A-Z]+)\)$/.exec(label)?.[1];
    const extra: Partial<Record<string, string[]>> = {
      ACCOMPAGNEMENT_SUIVI: ['Suivi'],
      ACCOMPAGNEMENT_GUIDE: ['Guidé'],
      ACCOMPAGNEMENT_RENFORCE: ['Renforcé'],
      ACCOMPAGNEMENT_GLOBAL: ['Global', 'Approche globale'],
      ACCOMPAGNEMENT_INTENSIF_JEUNES: ['AIJ', 'Accompagnement intensif jeunes'],
      ACTIV_PROJET: ['Activ’Projet', 'Activ Projet'],
      PMSMP: ['Immersion', 'Immersion professionnelle'],
      POE_INDIVIDUELLE: ['POE individuelle'],
      POE_COLLECTIVE: ['POE collective'],
      PRF: ['PRF'],
      INFORMATION_COLLECTIVE: ['Info coll', 'Réunion d’information'],
      AIDE_MOBILITE: ['Mobilité', 'Aides à la mobilité'],
    };
    return [o, [label, ...(acronym ? [acronym] : []), ...(extra[o] ?? [])]];
  }),
);

export const CONTACT_VOCABULARY: Record<string, readonly string[]> = Object.fromEntries(
  CONTACT_KINDS.map((k) => [
    k,
    [
      CONTACT_KIND_FR[k],
      ...{
        MEETING: ['Rencontre', 'Rendez-vous', 'RDV', 'Visite'],
        PHONE: ['Téléphone', 'Appel', 'Appel téléphonique', 'Visio', 'Visioconférence'],
        SPEP_INSTANCE: ['SPEP', 'Comité SPEP', 'Instance'],
        CO_ANIMATION: ['Animation commune'],
        REFERRAL: ['Orientation', 'Prescription'],
        DATA_SHARED: ['Échange de données', 'Transmission de données'],
      }[k],
    ],
  ]),
);
