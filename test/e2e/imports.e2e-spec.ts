import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CommandBus } from '@nestjs/cqrs';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { ChangePartner, ChangePartnership } from '@ancrage/partnerships';
import { RegisterAgency } from '@ancrage/territory';
import { Harness, startApp } from '../support/app-harness';
import { binary } from '../support/binary';
import { registerBasins, userWithToken } from '../support/principals';

const run = promisify(execFile);
const op = { actor: 'test', role: 'operator', correlationId: 'setup' };
const clock = () => new Date('2018-06-15T08:00:00Z');

/** Windows-1252, as French Excel saves "CSV (séparateur : point-virgule)". */
const windows1252 = (text: string) =>
  Buffer.from([...text].map((ch) => ({ é: 0xe9, É: 0xc9, è: 0xe8, ê: 0xea, ô: 0xf4, ç: 0xe7, '’': 0x92 })[ch] ?? ch.charCodeAt(0)));

async function partnersWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('Partenaires');
  s.getCell('A1').value = 'Nos partenaires — agence de Berck-sur-Mer';
  s.mergeCells('A1:F1');
  s.addRow([]);
  s.addRow(['Raison sociale', 'Type de structure', 'N° SIRET', 'Niveau', 'Cercle de priorité', 'Commentaire']);
  s.addRow(['Mission locale du Montreuillois', 'Mission locale', '732 829 320 00074', 'Locale', 1, 'partenaire historique']);
  s.addRow(['CCAS de Berck', 'CCAS', null, null, null]);
  s.addRow(['AFPA Hauts-de-France', 'AFPA', null, 'Nationale']);
  s.addRow([]);
  s.addRow(['Régie de quartier', 'ETTI', '12345678901234']);
  s.addRow(['Pôle métropolitain', 'Pôle', null]);
  s.addRow(['ETTI du Montreuillois', 'ETTI', null, 'Locale']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('importing an agency’s spreadsheets', () => {
  let h: Harness;
  let store: EventStore;
  const t: Record<string, string> = {};
  const server = () => h.app.getHttpServer();
  const as = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const base = '/agencies/62001/imports';

  const upload = (kind: string, bytes: Buffer, name: string, who = 'claire') =>
    request(server()).post(`${base}/${kind}`).set(as(who)).attach('file', bytes, name);
  async function settled(importId: string, status: string) {
    for (let i = 0; i < 300; i++) {
      const r = await request(server()).get(`${base}/${importId}?limit=100`).set(as('claire')).expect(200);
      if (r.body.status === status) return r.body;
      if (r.body.status === 'FAILED') throw new Error(`import failed: ${r.body.error}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`import ${importId} never reached ${status}`);
  }
  const outcomes = (report: { rows: { row: number; outcome: string }[] }) => report.rows.map((r) => [r.row, r.outcome]);

  beforeAll(async () => {
    h = await startApp({}, clock);
    await registerBasins(h.app, { '3201': '62', '9301': '06' });
    store = h.app.get(EVENT_STORE);
    const bus = h.app.get(CommandBus);
    for (const [safir, name, region, dep] of [
      ['62001', 'Berck-sur-Mer', '32', '62'],
      ['06001', 'Nice Centre', '93', '06'],
    ])
      await bus.execute(
        new RegisterAgency(
          { safir, name, region, department: dep, employmentBasin: `${region}01`, areaType: 'URBAN', openedOn: '2009-01-01' },
          op,
        ),
      );
    t.claire = await userWithToken(h.app, 'claire', [{ role: 'manager', agencies: ['62001'] }]);
    t.nice = await userWithToken(h.app, 'nice', [{ role: 'manager', agencies: ['06001'] }]);
    // The register already has two partners: one another agency works with, one nobody yet.
    const partner = (partnerId: string, name: string, category: 'TRAINING_BODY' | 'CCAS') =>
      bus.execute(
        new ChangePartner(
          partnerId,
          { kind: 'register', partnerId, name, category, subkind: null, siret: null, scale: 'REGIONAL', parentPartnerId: null },
          op,
        ),
      );
    await partner('afpa-hdf', 'AFPA Hauts-de-France', 'TRAINING_BODY');
    await partner('ccas-berck', 'CCAS de Berck', 'CCAS');
    await bus.execute(new ChangePartnership('06001', 'afpa-hdf', { kind: 'assign-circle', circle: 2, reason: null }, op));
  });
  afterAll(() => h.close());

  it('rehearses a partners workbook row by row, records nothing, then applies it exactly as rehearsed', async () => {
    const bytes = await partnersWorkbook();
    const head = await store.headPosition();
    const taken = await upload('partners', bytes, 'partenaires-berck.xlsx').expect(202);
    expect(taken.body).toMatchObject({ status: 'REHEARSING', kind: 'partners', fileName: 'partenaires-berck.xlsx' });
    const rehearsed = await settled(taken.body.importId, 'REHEARSED');
    expect(await store.headPosition()).toBe(head);
    const report = rehearsed.report;
    expect(report).toMatchObject({ dryRun: true, total: 6, counts: { CREATE: 3, UPDATE: 0, UNCHANGED: 0, REFUSED: 3 } });
    expect(report.sheet).toMatchObject({ format: 'xlsx', headerRow: 3, unknownHeaders: ['Commentaire'] });
    expect(outcomes(report)).toEqual([
      [4, 'CREATE'],
      [5, 'CREATE'],
      [6, 'REFUSED'],
      [8, 'REFUSED'],
      [9, 'REFUSED'],
      [10, 'CREATE'],
    ]);
    const refused = (row: number) => report.rows.find((r: { row: number }) => r.row === row).problems[0];
    // The AFPA works with Nice too: a manager of Berck alone may not rename it.
    expect(refused(6)).toMatchObject({ code: 'FORBIDDEN', header: 'Niveau', columnLetter: 'D' });
    expect(refused(8)).toMatchObject({ code: 'isSiret', header: 'N° SIRET', columnLetter: 'C' });
    expect(refused(9)).toMatchObject({ code: 'INVALID_CELL', header: 'Type de structure', message: expect.stringContaining('« Pôle »') });

    await request(server()).post(`${base}/${taken.body.importId}/apply`).set(as('claire')).expect(202);
    const applied = await settled(taken.body.importId, 'APPLIED');
    expect(applied.report).toMatchObject({ dryRun: false, counts: report.counts });
    expect(outcomes(applied.report)).toEqual(outcomes(report));

    const partners = await request(server())
      .get(`/agencies/62001/partnerships?consistentWith=${await store.headPosition()}`)
      .set(as('claire'))
      .expect(200);
    expect(partners.body.items.map((p: { partnerId: string; circle: number }) => [p.partnerId, p.circle]).sort()).toEqual([
      ['ccas-berck', 3],
      ['etti-du-montreuillois', 2],
      ['mission-locale-du-montreuillois', 1],
    ]);
    const [registered] = await store.readStream('partner-mission-locale-du-montreuillois');
    expect(registered.data).toMatchObject({ name: 'Mission locale du Montreuillois', category: 'MISSION_LOCALE', siret: '73282932000074' });
    expect(registered.metadata.source).toEqual({
      kind: 'partners',
      file: 'partenaires-berck.xlsx',
      fileSha256: applied.fileSha256,
      row: 4,
    });
    expect((await store.readStream('partner-etti-du-montreuillois'))[0].data).toMatchObject({ category: 'SIAE', subkind: 'ETTI' });

    // The same file again: nothing new.
    const after = await store.headPosition();
    const again = await upload('partners', bytes, 'partenaires-berck.xlsx').expect(202);
    await settled(again.body.importId, 'REHEARSED');
    await request(server()).post(`${base}/${again.body.importId}/apply`).set(as('claire')).expect(202);
    const twice = await settled(again.body.importId, 'APPLIED');
    expect(twice.report.counts).toEqual({ CREATE: 0, UPDATE: 0, UNCHANGED: 3, REFUSED: 3 });
    expect(await store.headPosition()).toBe(after);
    const refusedOnly = await request(server()).get(`${base}/${again.body.importId}?outcome=REFUSED`).set(as('claire')).expect(200);
    expect(refusedOnly.body.report.rowsTotal).toBe(3);
  });

  it('imports agreements from French Excel CSV in Windows-1252, refusing unknown partners and impossible dates', async () => {
    const csv = windows1252(
      [
        'Partenaire;Référence;Formelle;Objectifs;Prestations;Date de début;Date de fin;Signée le',
        '73282932000074;CONV-2014;non;;;01/03/2014;31/12/2015;01/03/2014',
        'Mission locale du Montreuillois;CONV-2016-01;oui;"Complémentarité des offres de services ; Anticipation";"AIJ ; immersion";01/01/2016;31/12/2018;04/01/2016',
        'Partenaire fantôme;CONV-X;oui;;;01/01/2017;;',
        'CCAS de Berck;CONV-CCAS;oui;Image;;31/02/2018;;',
        'CCAS de Berck;CONV-CCAS-2;oui;;Coaching;01/01/2017;;',
      ].join('\r\n'),
    );
    const taken = await upload('agreements', csv, 'conventions.csv').expect(202);
    const rehearsed = await settled(taken.body.importId, 'REHEARSED');
    expect(rehearsed.report.sheet).toMatchObject({ format: 'csv', encoding: 'windows-1252' });
    expect(outcomes(rehearsed.report)).toEqual([
      [2, 'CREATE'],
      [3, 'CREATE'],
      [4, 'REFUSED'],
      [5, 'REFUSED'],
      [6, 'REFUSED'],
    ]);
    expect(rehearsed.report.rows[2].problems[0]).toMatchObject({ code: 'UNKNOWN_PARTNER', header: 'Partenaire' });
    expect(rehearsed.report.rows[4].problems[0]).toMatchObject({ header: 'Prestations', message: expect.stringContaining('Coaching') });
    expect(rehearsed.report.rows[3].problems[0]).toMatchObject({ header: 'Date de début', message: 'la date « 31/02/2018 » n’existe pas' });
    await request(server()).post(`${base}/${taken.body.importId}/apply`).set(as('claire')).expect(202);
    await settled(taken.body.importId, 'APPLIED');
    const signed = (await store.readStream('partnership-62001-mission-locale-du-montreuillois')).filter(
      (e) => e.type === 'AgreementSigned',
    );
    expect(signed.map((e) => e.data)).toEqual([
      expect.objectContaining({ agreementId: 'conv-2014', formal: false, endDate: '2015-12-31' }),
      expect.objectContaining({
        agreementId: 'conv-2016-01',
        objectives: ['COMPLEMENTARY_SERVICES', 'ANTICIPATION_OF_NEEDS'],
        services: ['ACCOMPAGNEMENT_INTENSIF_JEUNES', 'PMSMP'],
        endDate: '2018-12-31',
      }),
    ]);
  });

  it('never clears an end date a file leaves blank, amends what an earlier row signed, and reads labels holding commas', async () => {
    const csv = Buffer.from(
      [
        'Partenaire;Référence;Formelle;Objectifs;Date de début;Date de fin;Signée le',
        'Mission locale du Montreuillois;CONV-2016-01;oui;;01/01/2016;;04/01/2016',
        'CCAS de Berck;CONV-CCAS;oui;"Point relais, accessibilité des services";01/01/2018;;02/01/2018',
        'CCAS de Berck;CONV-CCAS;oui;;01/01/2018;31/12/2019;02/01/2018',
      ].join('\n'),
    );
    const taken = await upload('agreements', csv, 'conventions-2018.csv').expect(202);
    expect(outcomes((await settled(taken.body.importId, 'REHEARSED')).report)).toEqual([
      [2, 'UNCHANGED'],
      [3, 'CREATE'],
      [4, 'UPDATE'],
    ]);
    await request(server()).post(`${base}/${taken.body.importId}/apply`).set(as('claire')).expect(202);
    expect(outcomes((await settled(taken.body.importId, 'APPLIED')).report)).toEqual([
      [2, 'UNCHANGED'],
      [3, 'CREATE'],
      [4, 'UPDATE'],
    ]);
    type AgreementData = { endDate?: string | null; objectives?: string[] };
    const mission = await store.readStream('partnership-62001-mission-locale-du-montreuillois');
    const data = (e: { data: unknown }) => e.data as AgreementData;
    expect(mission.filter((e) => 'endDate' in data(e)).map((e) => data(e).endDate)).toEqual(['2015-12-31', '2018-12-31']);
    const ccas = (await store.readStream('partnership-62001-ccas-berck')).filter((e) => e.type.startsWith('Agreement'));
    expect(ccas.map((e) => [e.type, data(e).objectives ?? null, data(e).endDate])).toEqual([
      ['AgreementSigned', ['ACCESSIBILITY_RELAY_POINT'], null],
      ['AgreementAmended', null, '2019-12-31'],
    ]);

    // A circle without the reason its category asks for refuses the whole row: no partner is registered.
    const head = await store.headPosition();
    const partners = await upload(
      'partners',
      Buffer.from('Raison sociale;Type de structure;Cercle de priorité\nMission locale de Boulogne;Mission locale;3\n'),
      'partenaires-boulogne.csv',
    ).expect(202);
    await settled(partners.body.importId, 'REHEARSED');
    await request(server()).post(`${base}/${partners.body.importId}/apply`).set(as('claire')).expect(202);
    const refused = await settled(partners.body.importId, 'APPLIED');
    expect(refused.report.rows).toEqual([
      expect.objectContaining({
        row: 2,
        outcome: 'REFUSED',
        problems: [expect.objectContaining({ code: 'REASON_REQUIRED', message: 'Indiquez un motif.' })],
      }),
    ]);
    expect(await store.headPosition()).toBe(head);
  });

  it('logs contacts from UTF-8 CSV with a byte-order mark, once each, and refuses what is not a spreadsheet', async () => {
    const csv = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        'Date;Partenaire;Nature du contact;Participants;Compte rendu\n14/03/2018;Mission locale du Montreuillois;Réunion;"directrice ; référente";Point NEET\n\n14/03/2018;Mission locale du Montreuillois;Réunion;"directrice ; référente";Point NEET\n15/03/2018;CCAS de Berck;Téléphone;;\n',
      ),
    ]);
    const apply = async (bytes: Buffer, name: string) => {
      const taken = await upload('contacts', bytes, name).expect(202);
      await settled(taken.body.importId, 'REHEARSED');
      await request(server()).post(`${base}/${taken.body.importId}/apply`).set(as('claire')).expect(202);
      return settled(taken.body.importId, 'APPLIED');
    };
    // An import cut short after its first row, then the whole file: it goes on where it stopped.
    const cut = csv.subarray(0, csv.indexOf('\n\n') + 1);
    expect(outcomes((await apply(cut, 'contacts.csv')).report)).toEqual([[2, 'CREATE']]);
    const first = await apply(csv, 'contacts.csv');
    // Two equal rows are two contacts; the blank line keeps the row numbers Excel shows.
    expect(outcomes(first.report)).toEqual([
      [2, 'UNCHANGED'],
      [4, 'CREATE'],
      [5, 'CREATE'],
    ]);
    const again = await upload('contacts', csv, 'contacts-copie.csv').expect(202);
    expect((await settled(again.body.importId, 'REHEARSED')).report.counts).toMatchObject({ CREATE: 0, UNCHANGED: 3 });

    const head = await store.headPosition();
    const pdf = await upload('contacts', Buffer.from('%PDF-1.7\n\u0000\u0001\u0002 binaire'), 'contacts.pdf').expect(415);
    expect(pdf.body).toMatchObject({ code: 'NOT_A_SPREADSHEET', fields: [expect.objectContaining({ field: 'file' })] });
    const legacy = await upload('contacts', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'vieux.xls').expect(415);
    expect(legacy.body.code).toBe('LEGACY_XLS');
    const huge = await upload('contacts', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'enorme.csv').expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const headless = await upload('contacts', Buffer.from('a;b\n1;2\n'), 'x.csv').expect(400);
    expect(headless.body.code).toBe('NO_HEADER_ROW');
    expect((await request(server()).post(`${base}/contacts`).set(as('claire')).send({}).expect(400)).body.code).toBe('FILE_REQUIRED');
    await upload('contacts', csv, 'contacts.csv', 'nice').expect(403);
    expect((await upload('rendezvous', csv, 'contacts.csv').expect(404)).body.code).toBe('IMPORT_KIND_NOT_FOUND');
    await request(server()).get(`${base}/00000000-0000-4000-8000-000000000000`).set(as('claire')).expect(404);
    await request(server()).get(`/agencies/06001/imports/${first.importId}`).set(as('nice')).expect(404);
    expect(await store.headPosition()).toBe(head);
  });

  it('offers a template per kind that reads back as its own import', async () => {
    const columns = await request(server()).get('/imports/templates/agreements').set(as('claire')).expect(200);
    expect(columns.body.columns[0]).toMatchObject({ key: 'partner', header: 'Partenaire', required: true });
    const xlsx = await request(server())
      .get('/imports/templates/partners?format=xlsx')
      .set(as('claire'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="modele-partners.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Partenaires de l’agence', 'Aide']);
    const rehearsed = await settled((await upload('partners', xlsx.body as Buffer, 'modele.xlsx').expect(202)).body.importId, 'REHEARSED');
    expect(rehearsed.report.sheet.unknownHeaders).toEqual([]);
    expect(rehearsed.report.counts).toMatchObject({ UNCHANGED: 1, REFUSED: 0 });
    const csv = await request(server()).get('/imports/templates/contacts?format=csv').set(as('claire')).expect(200);
    expect(csv.text.split('\n')[0]).toBe('\uFEFFPartenaire;Date;Nature du contact;Participants;Compte rendu');
  });

  it('imports from the command line with a dry run first, 10,000 rows included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ancrage-import-'));
    const file = join(dir, 'contacts-2017.csv');
    const lines = Array.from(
      { length: 10_000 },
      (_, i) => `${String((i % 28) + 1).padStart(2, '0')}/02/2017;CCAS de Berck;Réunion;;réunion ${i}`,
    );
    writeFileSync(file, ['Date;Partenaire;Nature du contact;Participants;Compte rendu', ...lines].join('\n'));
    const env = { ...process.env, DATABASE_URL: h.db.url, LOG_LEVEL: 'warn' };
    const cli = (args: string[]) => run('node', ['dist/apps/cli/src/main.js', 'import', ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    const head = await store.headPosition();
    const dry = await cli(['contacts', file, '--agency', '62001', '--dry-run']);
    expect(dry.stdout).toContain('contacts-2017.csv (CSV, utf-8), en-têtes ligne 1 : 10000 lignes (essai : rien n’est enregistré)');
    expect(dry.stdout).toContain('10000 à créer, 0 à modifier, 0 inchangées, 0 refusées');
    expect(await store.headPosition()).toBe(head);

    const small = join(dir, 'contacts-mars.csv');
    writeFileSync(small, 'Date;Partenaire;Nature du contact\n02/03/2017;CCAS de Berck;Réunion\n30/02/2017;CCAS de Berck;Réunion\n');
    const refused = await cli(['contacts', small, '--agency', '62001']).catch((e: unknown) => e as { code: number; stdout: string });
    expect(refused).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('ligne 3, colonne A (Date) : la date « 30/02/2017 » n’existe pas'),
    });
    expect(await store.headPosition()).toBe(head + 1);
    const [logged] = await store.readBackward({ limit: 1 });
    expect(logged.metadata).toMatchObject({
      actor: expect.stringMatching(/^cli:/),
      source: { kind: 'contacts', file: 'contacts-mars.csv', row: 2 },
    });
  }, 180_000);
});
