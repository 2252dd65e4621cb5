import type { Table } from '@ancrage/spreadsheets';
import { tableCsv, toCsv } from './csv';

describe('CSV exports', () => {
  it('neutralise text a spreadsheet would run as a formula, and leave numbers alone', () => {
    const rows = [
      { name: '=HYPERLINK("http://evil","clic")', amount: -500 },
      { name: "+cmd|' /C calc'!A0", amount: 12 },
      { name: '@SUM(A1:A9)', amount: 0 },
      { name: '-2+3', amount: 1 },
      { name: '\tTab', amount: 1 },
      { name: 'Mission locale', amount: 3 },
    ];
    const lines = toCsv(['name', 'amount'], rows).trim().split('\n');
    expect(lines).toEqual([
      'name,amount',
      `"'=HYPERLINK(""http://evil"",""clic"")",-500`,
      `'+cmd|' /C calc'!A0,12`,
      `'@SUM(A1:A9),0`,
      `'-2+3,1`,
      `'\tTab,1`,
      'Mission locale,3',
    ]);
  });

  it('writes what French Excel opens as columns: semicolons, decimal commas, a UTF-8 byte-order mark', () => {
    const rows = [
      { agency: 'Berck-sur-Mer; littoral', rate: 0.125, cents: 150_000_00, note: 'entre "guillemets"' },
      { agency: 'Montreuil', rate: 1, cents: -500, note: '=1+1' },
    ];
    expect(toCsv(['agency', 'rate', 'cents', 'note'], rows, 'fr')).toBe(
      '\uFEFFagency;rate;cents;note\n' + '"Berck-sur-Mer; littoral";0,125;15000000;"entre ""guillemets"""\n' + "Montreuil;1;-500;'=1+1\n",
    );
    // The default stays RFC 4180: a comma in a number would split it, so none is written.
    expect(toCsv(['rate'], [{ rate: 0.125 }])).toBe('rate\n0.125\n');
  });
});

describe('CSV of a typed table', () => {
  const table: Table<{ safir: string; envelopeCents: number; rate: number; end: string; note: string }> = {
    sheet: 'Fonds',
    title: 'Fonds',
    columns: [
      { key: 'safir', header: 'Agence', kind: 'text' },
      { key: 'envelopeCents', header: 'Enveloppe (€)', kind: 'cents' },
      { key: 'rate', header: 'Taux de consommation (%)', kind: 'rate' },
      { key: 'end', header: 'Échéance', kind: 'date' },
      { key: 'note', header: 'Note', kind: 'text' },
    ],
    rows: [{ safir: '62001', envelopeCents: 1_234_56, rate: 0.125, end: '2018-06-30', note: '=1+1; "x"' }],
  };

  it('keeps the API names and raw values in RFC 4180', () => {
    expect(tableCsv(table, 'rfc4180')).toBe('safir,envelopeCents,rate,end,note\n62001,123456,0.125,2018-06-30,"\'=1+1; ""x"""\n');
  });

  it('writes French headers, euros, percentages and dates in the French dialect, formulas neutralised', () => {
    expect(tableCsv(table, 'fr')).toBe(
      '\uFEFFAgence;Enveloppe (€);Taux de consommation (%);Échéance;Note\n' + `62001;1234,56;12,5;30/06/2018;"'=1+1; ""x"""\n`,
    );
  });
});
