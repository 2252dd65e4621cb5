import ExcelJS from 'exceljs';
import type { Table } from './table';
import { cutSentence, frenchText } from './table';
import { FIRST_DATA_ROW, writeWorkbook } from './write-workbook';

interface Line {
  safir: string;
  status: string;
  envelopeCents: number;
  rate: number;
  end: string | null;
  late: boolean;
  note: string;
}

const table: Table<Line> = {
  sheet: 'Fonds 5 % 2018',
  title: 'Consommation du fonds local (5 %) 2018 — Hauts-de-France',
  columns: [
    { key: 'safir', header: 'Agence (code SAFIR)', kind: 'text' },
    { key: 'status', header: 'Statut', kind: 'code', labels: { ADOPTED: 'Adopté' } },
    { key: 'envelopeCents', header: 'Enveloppe (€)', kind: 'cents' },
    { key: 'rate', header: 'Taux (%)', kind: 'rate' },
    { key: 'end', header: 'Échéance', kind: 'date' },
    { key: 'late', header: 'En retard', kind: 'boolean' },
    { key: 'note', header: 'Note', kind: 'text' },
  ],
  rows: [
    {
      safir: '62001',
      status: 'ADOPTED',
      envelopeCents: 15_000_050,
      rate: 0.4523,
      end: '2018-06-30',
      late: true,
      note: '=HYPERLINK("http://x")',
    },
    { safir: '62002', status: 'OTHER', envelopeCents: 0, rate: 0, end: null, late: false, note: 'Berck; Montreuil' },
  ],
};

const cut = { asOf: '2018-06-30', knownAt: '2018-07-15T10:00:00.000Z', producedAt: new Date('2026-12-06T12:40:00Z') };

describe('XLSX exports', () => {
  it('write typed cells under French headers, and say which past the sheet shows', async () => {
    const bytes = await writeWorkbook([table], cut);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Fonds 5 % 2018');
    expect(sheet.getCell('A1').value).toBe(table.title);
    expect(sheet.getCell('A2').value).toBe(
      'Situation au 30/06/2018, telle que connue le 15/07/2018 à 10:00 (UTC) — fichier produit le 06/12/2026 à 12:40 (UTC).',
    );
    expect(sheet.getRow(FIRST_DATA_ROW - 1).values).toEqual([undefined, ...table.columns.map((c) => c.header)]);
    const first = sheet.getRow(FIRST_DATA_ROW);
    expect(first.getCell(1).value).toBe('62001');
    expect(first.getCell(2).value).toBe('Adopté');
    expect(first.getCell(3).value).toBe(150_000.5);
    expect(first.getCell(3).numFmt).toBe('#,##0.00 "€"');
    expect(first.getCell(4).value).toBe(0.4523);
    expect(first.getCell(4).numFmt).toBe('0.0 %');
    expect(first.getCell(5).value).toEqual(new Date('2018-06-30T00:00:00Z'));
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(6).value).toBe('oui');
    // A formula-looking text stays a string cell: XLSX has no CSV injection.
    expect(first.getCell(7).value).toBe('=HYPERLINK("http://x")');
    expect(first.getCell(7).formula).toBeUndefined();
    const second = sheet.getRow(FIRST_DATA_ROW + 1);
    expect(second.getCell(2).value).toBe('OTHER');
    expect(second.getCell(5).value).toBeNull();
    expect(second.getCell(6).value).toBe('non');
  });

  it('say "situation du jour" for a live export', () => {
    expect(cutSentence({ asOf: null, knownAt: null, producedAt: new Date('2026-12-06T08:05:00Z') })).toBe(
      'Situation du jour — fichier produit le 06/12/2026 à 08:05 (UTC).',
    );
  });

  it('give French texts for the French CSV', () => {
    const [safir, status, cents, rate, end, late] = table.columns;
    expect(frenchText(safir, '62001')).toBe('62001');
    expect(frenchText(status, 'ADOPTED')).toBe('Adopté');
    expect(frenchText(cents, 15_000_050)).toBe('150000,50');
    expect(frenchText(rate, 0.4523)).toBe('45,2');
    expect(frenchText(end, '2018-06-30')).toBe('30/06/2018');
    expect(frenchText(end, null)).toBe('');
    expect(frenchText(late, false)).toBe('non');
  });
});
