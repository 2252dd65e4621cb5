import ExcelJS from 'exceljs';
import { matchVocabulary, matchVocabularyList, parseFrenchBoolean, parseFrenchDate, parseFrenchNumber, parseList } from './french-cells';
import { type ColumnSpec, normaliseHeader, readSheet } from './read-sheet';
import { declaredUnzippedBytes } from './sheet-grid';

const COLUMNS: ColumnSpec[] = [
  { key: 'name', header: 'Nom', synonyms: ['Raison sociale', 'Partenaire'], required: true },
  { key: 'siret', header: 'SIRET', synonyms: ['N° SIRET'] },
  { key: 'category', header: 'Catégorie' },
  { key: 'startDate', header: 'Date de début', synonyms: ['Début', 'Convention début'] },
  { key: 'endDate', header: 'Date de fin', synonyms: ['Fin'] },
];

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Partenaires'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const windows1252 = (text: string) =>
  Buffer.from([...text].map((ch) => ({ é: 0xe9, É: 0xc9, è: 0xe8, ç: 0xe7, ô: 0xf4, '’': 0x92 })[ch] ?? ch.charCodeAt(0)));

describe('reading the spreadsheets agencies keep', () => {
  it('finds the header under a merged title, on two levels, and keeps the rows numbered as Excel does', async () => {
    const bytes = await workbook((s) => {
      s.getCell('A1').value = 'Partenaires de l’agence de Berck-sur-Mer';
      s.mergeCells('A1:E1');
      // A group header merged over its sub-headers; the others merged over both header rows.
      s.getCell('A3').value = 'Raison sociale';
      s.mergeCells('A3:A4');
      s.getCell('B3').value = 'N° SIRET';
      s.mergeCells('B3:B4');
      s.getCell('C3').value = 'Catégorie';
      s.mergeCells('C3:C4');
      s.getCell('D3').value = 'Convention';
      s.mergeCells('D3:E3');
      s.getCell('D4').value = 'Début';
      s.getCell('E4').value = 'Fin';
      s.getRow(5).values = [
        { richText: [{ text: 'Mission ' }, { font: { bold: true }, text: 'locale' }] },
        73282932000074,
        'ML',
        new Date('2016-01-01T00:00:00Z'),
        '31/12/2018',
      ];
      s.getRow(7).values = ['Cap emploi 62', null, 'Cap emploi'];
    });
    const sheet = await readSheet(bytes, COLUMNS);
    expect(sheet).toMatchObject({ format: 'xlsx', sheetName: 'Partenaires', headerRow: 4, unknownHeaders: [] });
    expect(sheet.columns.map((c) => [c.key, c.column])).toEqual([
      ['name', 'A'],
      ['siret', 'B'],
      ['category', 'C'],
      ['startDate', 'D'],
      ['endDate', 'E'],
    ]);
    expect(sheet.rows).toEqual([
      {
        row: 5,
        cells: { name: 'Mission locale', siret: '73282932000074', category: 'ML', startDate: '2016-01-01', endDate: '31/12/2018' },
      },
      { row: 7, cells: { name: 'Cap emploi 62', siret: '', category: 'Cap emploi', startDate: '', endDate: '' } },
    ]);
  });

  it('reads French Excel CSV: semicolons in Windows-1252, or UTF-8 with a byte-order mark', async () => {
    const text = 'Nom;Catégorie;Échelle\r\nMission locale;Réunion;Locale\r\n\r\nCCAS de Berck;Collectivité;Locale\r\n';
    const legacy = await readSheet(windows1252(text), [...COLUMNS, { key: 'scale', header: 'Échelle' }]);
    expect(legacy).toMatchObject({ format: 'csv', encoding: 'windows-1252', headerRow: 1 });
    expect(legacy.rows.map((r) => [r.row, r.cells.name, r.cells.category, r.cells.scale])).toEqual([
      [2, 'Mission locale', 'Réunion', 'Locale'],
      [4, 'CCAS de Berck', 'Collectivité', 'Locale'],
    ]);
    const bom = await readSheet(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), COLUMNS);
    expect(bom.encoding).toBe('utf-8');
    expect(bom.rows[0].cells.category).toBe('Réunion');
  });

  it('reads commas with quoted cells holding separators and line breaks', async () => {
    const csv = 'nom,siret,autre\n"Mission locale; Montreuillois","7328 2932",x\n"Cap\nemploi",,y\n';
    const sheet = await readSheet(Buffer.from(csv), COLUMNS);
    expect(sheet.unknownHeaders).toEqual(['autre']);
    expect(sheet.rows).toEqual([
      expect.objectContaining({ row: 2, cells: expect.objectContaining({ name: 'Mission locale; Montreuillois', siret: '7328 2932' }) }),
      expect.objectContaining({ row: 3, cells: expect.objectContaining({ name: 'Cap\nemploi' }) }),
    ]);
  });

  it('refuses a workbook that unpacks to more than it may, before unpacking it, and reads only the first columns', async () => {
    const bytes = await workbook((s) => {
      s.addRow(['Nom', 'SIRET']);
      s.addRow(['Mission locale', '1']);
      s.getCell(2, 16_000).value = 'far to the right';
    });
    expect(declaredUnzippedBytes(bytes)).toBeGreaterThan(bytes.length);
    const sheet = await readSheet(bytes, COLUMNS);
    expect(sheet.rows).toEqual([{ row: 2, cells: expect.objectContaining({ name: 'Mission locale', siret: '1' }) }]);
    // The central directory says what each entry unpacks to: one that claims 3 GiB is a bomb.
    const bomb = Buffer.from(bytes);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(3 * 1024 ** 3, central + 24);
    expect(await readSheet(bomb, COLUMNS).catch((e: unknown) => (e as { code: string }).code)).toBe('TOO_LARGE');
  });

  it('refuses what is not a spreadsheet, naming why', async () => {
    const reason = (bytes: Buffer, columns = COLUMNS) => readSheet(bytes, columns).catch((e: unknown) => (e as { code: string }).code);
    expect(await reason(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u0000\u0001binary'))).toBe('NOT_A_SPREADSHEET');
    expect(await reason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('NOT_A_SPREADSHEET');
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('LEGACY_XLS');
    expect(await reason(Buffer.from('PK\u0003\u0004 not really a zip'))).toBe('NOT_A_SPREADSHEET');
    expect(await reason(Buffer.from('  \n'))).toBe('EMPTY_FILE');
    expect(await reason(Buffer.from('colonne;autre\n1;2\n'))).toBe('NO_HEADER_ROW');
    expect(await reason(Buffer.from('SIRET;Catégorie\n1;2\n'))).toBe('MISSING_COLUMNS');
    const many = 'Nom;SIRET\n' + 'a;b\n'.repeat(11);
    expect(await readSheet(Buffer.from(many), COLUMNS, { maxRows: 10 }).catch((e: unknown) => (e as Error).message)).toBe(
      'Le fichier dépasse 10 lignes : découpez-le.',
    );
  });

  it('reads 10,000 rows of CSV and of XLSX', async () => {
    const csv = await readSheet(
      Buffer.from('Nom;SIRET\n' + Array.from({ length: 10_000 }, (_, i) => `Partenaire ${i};${i}\n`).join('')),
      COLUMNS,
    );
    expect([csv.rows.length, csv.rows.at(-1)]).toEqual([
      10_000,
      { row: 10_001, cells: expect.objectContaining({ name: 'Partenaire 9999' }) },
    ]);
    const xlsx = await readSheet(
      await workbook((s) => {
        s.addRow(['Nom', 'SIRET']);
        for (let i = 0; i < 10_000; i++) s.addRow([`Partenaire ${i}`, i]);
      }),
      COLUMNS,
    );
    expect([xlsx.rows.length, xlsx.rows.at(-1)?.row, xlsx.rows.at(-1)?.cells.siret]).toEqual([10_000, 10_001, '9999']);
  });

  it('compares headers whatever their accents, case, apostrophes, plurals and units', () => {
    expect(normaliseHeader('N° SIRET')).toBe('n siret');
    expect(normaliseHeader('  Date de DÉBUT (jj/mm/aaaa) ')).toBe('date de debut');
    expect(normaliseHeader('Objectifs')).toBe(normaliseHeader('objectif'));
    expect(normaliseHeader('Échelle d’intervention')).toBe(normaliseHeader("echelle d'intervention"));
  });
});

describe('French cells', () => {
  it('reads dates as French write them, calendar-checked', () => {
    expect(parseFrenchDate('31/12/2018')).toEqual({ ok: true, value: '2018-12-31' });
    expect(parseFrenchDate('1/2/2019')).toEqual({ ok: true, value: '2019-02-01' });
    expect(parseFrenchDate('01-02-19')).toEqual({ ok: true, value: '2019-02-01' });
    expect(parseFrenchDate('12/05/68')).toEqual({ ok: true, value: '1968-05-12' });
    expect(parseFrenchDate('29.02.2020')).toEqual({ ok: true, value: '2020-02-29' });
    expect(parseFrenchDate('2016-01-01')).toEqual({ ok: true, value: '2016-01-01' });
    expect(parseFrenchDate('')).toEqual({ ok: true, value: null });
    expect(parseFrenchDate('31/02/2019')).toEqual({ ok: false, problem: 'la date « 31/02/2019 » n’existe pas' });
    expect(parseFrenchDate('décembre 2018')).toMatchObject({ ok: false, problem: expect.stringContaining('jj/mm/aaaa') });
  });

  it('reads yes and no, numbers and lists', () => {
    expect(['oui', 'X', 'Vrai', '1'].map((t) => parseFrenchBoolean(t))).toEqual(Array(4).fill({ ok: true, value: true }));
    expect(['non', 'n', 'FAUX', '0'].map((t) => parseFrenchBoolean(t))).toEqual(Array(4).fill({ ok: true, value: false }));
    expect(parseFrenchBoolean('peut-être')).toMatchObject({ ok: false });
    expect(parseFrenchNumber('1 234,56 €')).toEqual({ ok: true, value: 1234.56 });
    expect(parseFrenchNumber('1\u202f234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseFrenchNumber('1234.56')).toEqual({ ok: true, value: 1234.56 });
    expect(parseFrenchNumber('12 %')).toEqual({ ok: true, value: 12 });
    expect(parseFrenchNumber('douze')).toMatchObject({ ok: false });
    expect(parseList('Image ; Relais / Anticipation et Liens\nComplémentarité')).toEqual([
      'Image',
      'Relais / Anticipation et Liens',
      'Complémentarité',
    ]);
    expect(parseList('M. Dupont, Mme Léa ; J. Nord', true)).toEqual(['M. Dupont', 'Mme Léa', 'J. Nord']);
  });

  it('reads a list of codes whose labels hold commas and "et", splitting an item only when every part is a code', () => {
    const vocabulary = {
      RELAY: ['Point relais, accessibilité des services', 'Relais'],
      IMAGE: ['Image et notoriété', 'Image'],
      NEEDS: ['Anticipation des besoins', 'Anticipation'],
    };
    expect(matchVocabularyList('Point relais, accessibilité des services ; Image et notoriété', vocabulary)).toEqual({
      ok: true,
      value: ['RELAY', 'IMAGE'],
    });
    expect(matchVocabularyList('Relais / Anticipation et Image\nimage', vocabulary)).toEqual({
      ok: true,
      value: ['RELAY', 'NEEDS', 'IMAGE'],
    });
    expect(matchVocabularyList('Relais, Pôle', vocabulary)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('« Relais, Pôle »'),
    });
    expect(matchVocabularyList('', vocabulary)).toEqual({ ok: true, value: [] });
  });

  it('finds a code from its label, a synonym or itself, and lists what it accepts', () => {
    const vocabulary = { MISSION_LOCALE: ['Mission locale', 'ML'], CAP_EMPLOI: ['Cap emploi'] };
    expect(matchVocabulary('mission LOCALE', vocabulary)).toEqual({ ok: true, value: 'MISSION_LOCALE' });
    expect(matchVocabulary('ml', vocabulary)).toEqual({ ok: true, value: 'MISSION_LOCALE' });
    expect(matchVocabulary('cap_emploi', vocabulary)).toEqual({ ok: true, value: 'CAP_EMPLOI' });
    expect(matchVocabulary('Pôle', vocabulary)).toEqual({
      ok: false,
      problem: 'valeur inconnue « Pôle » ; valeurs admises : Mission locale, Cap emploi',
    });
  });
});
