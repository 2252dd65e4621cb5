import { toCsv } from './csv';

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
});
