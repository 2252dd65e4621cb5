import type { Table } from '@ancrage/spreadsheets';
import {
  IMPORT_COLUMNS,
  IMPORT_TITLES,
  type ImportKind,
  CATEGORY_VOCABULARY,
  CONTACT_VOCABULARY,
  OBJECTIVE_VOCABULARY,
  SERVICE_VOCABULARY,
  SCALE_VOCABULARY,
} from './import-columns';

type Line = Record<string, string>;

/** One line of each kind, as an agency would write it. */
const EXAMPLES: Record<ImportKind, Line> = {
  partners: {
    partnerId: '',
    name: 'Mission locale du Montreuillois',
    category: 'Mission locale',
    subkind: '',
    siret: '732 829 320 00074',
    scale: 'Locale',
    circle: '1',
    circleReason: '',
    registeredOn: '04/01/2016',
  },
  agreements: {
    partner: 'Mission locale du Montreuillois',
    reference: 'CONV-2016-01',
    agreementId: '',
    scale: 'Locale',
    formal: 'oui',
    objectives: 'Complémentarité des offres de services ; Anticipation des besoins',
    services: 'Accompagnement intensif des jeunes ; PMSMP',
    startDate: '01/01/2016',
    endDate: '31/12/2018',
    signedOn: '04/01/2016',
  },
  contacts: {
    partner: 'Mission locale du Montreuillois',
    date: '14/03/2018',
    kind: 'Réunion',
    participants: 'directrice adjointe ; référente ML',
    note: 'Point sur l’accompagnement des jeunes NEET',
  },
};

/** What each column takes, in words (the template's second sheet). */
const HELP: Record<string, string> = {
  partnerId: 'facultatif : l’identifiant Ancrage d’un partenaire déjà enregistré (sinon il est reconnu par son SIRET ou son nom)',
  name: 'obligatoire',
  category: `obligatoire : ${Object.values(CATEGORY_VOCABULARY)
    .map((w) => w[0])
    .join(', ')} (ou le code data·inclusion : ML, ACI, ETTI, OF, AFPA, CCAS…)`,
  subkind: 'facultatif : ACI, AI, EI, ETTI, EITI pour une SIAE ; OF, AFPA, E2C, EPIDE pour un organisme de formation',
  siret: 'facultatif : 14 chiffres (les espaces sont ignorés), clé de contrôle vérifiée',
  scale: `facultatif (Locale par défaut) : ${Object.values(SCALE_VOCABULARY)
    .map((w) => w[0])
    .join(', ')}`,
  circle: 'facultatif : 1, 2 ou 3 (par défaut, le cercle de la catégorie)',
  circleReason: 'obligatoire quand le cercle diffère de celui de la catégorie',
  registeredOn: 'facultatif : jj/mm/aaaa',
  partner: 'obligatoire : le nom, le SIRET ou l’identifiant d’un partenaire du registre',
  reference: 'obligatoire : la référence de la convention',
  agreementId: 'facultatif (tiré de la référence par défaut)',
  formal: 'facultatif (oui par défaut) : oui pour une convention signée, non pour un accord informel',
  objectives: `facultatif, séparés par des points-virgules : ${Object.values(OBJECTIVE_VOCABULARY)
    .map((w) => w[0])
    .join(' ; ')}`,
  services: `facultatif, séparés par des points-virgules : ${Object.values(SERVICE_VOCABULARY)
    .map((w) => w[1] ?? w[0])
    .join(' ; ')}`,
  startDate: 'obligatoire : jj/mm/aaaa',
  endDate: 'facultatif : jj/mm/aaaa',
  signedOn: 'facultatif : jj/mm/aaaa (aujourd’hui par défaut)',
  date: 'obligatoire : jj/mm/aaaa',
  kind: `obligatoire : ${Object.values(CONTACT_VOCABULARY)
    .map((w) => w[0])
    .join(', ')}`,
  participants: 'facultatif, séparés par des points-virgules',
  note: 'facultatif',
};

/** The template of a kind: its columns with an example line, and a sheet saying what each takes. */
export function importTemplate(kind: ImportKind): Table<Line>[] {
  const columns = IMPORT_COLUMNS[kind].map((c) => ({ key: c.key, header: c.header, kind: 'text' as const }));
  return [
    {
      sheet: IMPORT_TITLES[kind],
      title: `${IMPORT_TITLES[kind]} — modèle d’import Ancrage (remplacez la ligne d’exemple)`,
      columns,
      rows: [EXAMPLES[kind]],
    },
    {
      sheet: 'Aide',
      title: 'Ce que prend chaque colonne (les en-têtes sont reconnus sans tenir compte des accents ni des majuscules)',
      columns: [
        { key: 'header', header: 'Colonne', kind: 'text' },
        { key: 'help', header: 'Valeurs', kind: 'text' },
        { key: 'synonyms', header: 'Autres en-têtes reconnus', kind: 'text' },
      ],
      rows: IMPORT_COLUMNS[kind].map((c) => ({ header: c.header, help: HELP[c.key] ?? '', synonyms: (c.synonyms ?? []).join(' ; ') })),
    },
  ];
}

/** The columns of a kind and what each takes (the page shows it beside the upload). */
export function templateColumns(kind: ImportKind) {
  return {
    kind,
    title: IMPORT_TITLES[kind],
    columns: IMPORT_COLUMNS[kind].map((c) => ({
      key: c.key,
      header: c.header,
      synonyms: [...(c.synonyms ?? [])],
      required: c.required ?? false,
      help: HELP[c.key] ?? '',
    })),
  };
}
