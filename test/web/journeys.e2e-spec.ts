/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import type { Browser, Locator, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeys } from '@ancrage/audit';
import { Harness, startApp } from '../support/app-harness';
import { frenchContext, launchBrowser, open, screenshot, signIn } from '../support/browser';
import { webTerritory } from '../support/web-territory';
import { form } from '../support/web-forms';

const Y = new Date().getFullYear();
const today = new Date().toISOString().slice(0, 10);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Presses Tab until the element has the focus: proof it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 400): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${String(target)}`);
}

/** Types a date into a focused date input, whatever order the browser's locale gives its parts. */
async function typeDate(page: Page, input: Locator, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  for (const order of [`${m}${d}${y}`, `${d}${m}${y}`]) {
    await page.keyboard.type(order);
    if ((await input.inputValue()) === iso) return;
    await tabTo(page, input);
  }
  throw new Error(`the date input did not take ${iso}`);
}

describe('journeys in the browser', () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof webTerritory>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'ancrage-key-')), 'audit.pem');
    writeFileSync(keyFile, generateSigningKeys().privateKeyPem);
    h = await startApp({ ANCRAGE_AUDIT_KEY_FILE: keyFile });
    t = await webTerritory(h.app);
    base = await h.app.getUrl();
    browser = await launchBrowser();
    const plan = `/agencies/62001/action-plans/${Y}`;
    await t.post(`/agencies/62001/diagnostics/${Y}`, 'manager', { draftedOn: `${Y}-01-05` });
    await t.put(`/agencies/62001/diagnostics/${Y}/sections/LABOUR_DEMAND`, 'manager', { text: 'Besoins saisonniers', keyFigures: [] });
    await t.post(`/agencies/62001/diagnostics/${Y}/publish`, 'manager', {
      findings: [{ findingId: 'f-mobilite', kind: 'NEED', title: 'Mobilité des jeunes' }],
    });
    await t.post(plan, 'manager', { diagnosticYear: Y, draftedOn: `${Y}-01-10` });
    await t.post(`${plan}/priorities`, 'manager', {
      priorityId: 'p-mobilite',
      title: 'Lever les freins à la mobilité',
      findingIds: ['f-mobilite'],
      addedOn: `${Y}-01-11`,
    });
    await t.post(`${plan}/actions`, 'manager', {
      actionId: 'a-permis',
      priorityId: 'p-mobilite',
      title: 'Aides au permis de conduire',
      lever: 'INTENSIVE_SUPPORT',
      owner: 'équipe',
      startDate: `${Y}-01-01`,
      dueDate: `${Y}-12-31`,
      indicator: { name: 'jeunes aidés', unit: 'personnes', baseline: 0, target: 40 },
      addedOn: `${Y}-01-12`,
    });
    await t.post(`${plan}/adopt`, 'manager', { date: `${Y}-01-20` });
    await t.post(`/agencies/62001/fund/${Y}/envelope`, 'director', { amountCents: 10_000_00, allocatedOn: `${Y}-01-02` });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("a manager's day, with the keyboard alone: sign in, log a contact, hold a joint event, report progress, commit and pay", async () => {
    const { context, page, errors } = await frenchContext(browser);
    const start = await t.head();
    const recorded = async () => t.typesAfter(start);

    await page.goto(`${base}/`);
    await tabTo(page, page.getByLabel('Jeton d’accès'));
    await page.keyboard.type(t.tokens.manager);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mon agence aujourd’hui' }).waitFor();

    // A contact with the Mission locale, opened from the register.
    await tabTo(page, page.getByRole('link', { name: 'Partenaires', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel(/^Partenaire/));
    await page.keyboard.type('Mission');
    await tabTo(page, page.getByRole('button', { name: 'Ouvrir le partenariat' }));
    await page.keyboard.press('Enter');
    const contact = form(page, 'Enregistrer un contact');
    await tabTo(page, contact.getByLabel('Nature du contact'));
    await page.keyboard.type('Réunion');
    await tabTo(page, contact.getByLabel('Date'));
    await typeDate(page, contact.getByLabel('Date'), today);
    await tabTo(page, contact.getByRole('button', { name: 'Enregistrer le contact' }));
    await page.keyboard.press('Enter');
    await contact.locator('.fr-alert--success').waitFor();

    // A joint event planned, then held with its outcomes.
    await tabTo(page, page.getByRole('link', { name: 'Événements', exact: true }));
    await page.keyboard.press('Enter');
    const plan = form(page, 'Prévoir un événement commun');
    await tabTo(page, plan.getByLabel('Intitulé'));
    await page.keyboard.type('Job dating saisonniers');
    await tabTo(page, plan.getByLabel('Type d’événement'));
    await page.keyboard.type('Job');
    await tabTo(page, plan.getByLabel('Date'));
    await typeDate(page, plan.getByLabel('Date'), today);
    await tabTo(page, plan.getByRole('checkbox', { name: 'Mission locale du Montreuillois' }));
    await page.keyboard.press('Space');
    await tabTo(page, plan.getByRole('button', { name: 'Enregistrer l’événement' }));
    await page.keyboard.press('Enter');
    await plan.locator('.fr-alert--success').waitFor();
    await tabTo(page, page.locator('summary', { hasText: '« Job dating saisonniers »' }));
    await page.keyboard.press('Enter');
    const held = form(page, 'Enregistrer les résultats');
    for (const [label, value] of [
      ['Demandeurs d’emploi présents', '60'],
      ['Employeurs présents', '8'],
      ['Candidats présentés', '25'],
      ['Recrutements', '9'],
    ]) {
      await tabTo(page, held.getByLabel(label));
      await page.keyboard.type(value);
    }
    await tabTo(page, held.getByRole('button', { name: 'Enregistrer les résultats' }));
    await page.keyboard.press('Enter');
    await page.locator('td', { hasText: '9 sur 25' }).waitFor();

    // Progress on the plan's action.
    await tabTo(page, page.getByRole('link', { name: 'Plan d’action', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.locator('summary', { hasText: '« Aides au permis de conduire »' }));
    await page.keyboard.press('Enter');
    const progress = form(page, 'Déclarer l’avancement');
    await tabTo(page, progress.getByLabel('Valeur atteinte'));
    await page.keyboard.type('12');
    await tabTo(page, progress.getByLabel('À la date du'));
    await typeDate(page, progress.getByLabel('À la date du'), today);
    await tabTo(page, progress.getByRole('button', { name: 'Déclarer' }));
    await page.keyboard.press('Enter');
    await progress.locator('.fr-alert--success').waitFor();

    // A 5% commitment, then its payment.
    await tabTo(page, page.getByRole('link', { name: 'Fonds « 5 % »', exact: true }));
    await page.keyboard.press('Enter');
    const commit = form(page, 'Engager une dépense');
    await tabTo(page, commit.getByLabel('Nature de la dépense'));
    await page.keyboard.type('Achat');
    await tabTo(page, commit.getByRole('radio', { name: 'Marché public' }));
    await page.keyboard.press('Space');
    await tabTo(page, commit.getByLabel(/^Montant \(en euros\)/));
    await page.keyboard.type('1 500');
    await tabTo(page, commit.getByLabel('Justification'));
    await page.keyboard.type('Atelier image de soi');
    await tabTo(page, commit.getByRole('button', { name: 'Engager la dépense' }));
    await page.keyboard.press('Enter');
    await commit.locator('.fr-alert--success').waitFor();
    await tabTo(page, page.locator('summary', { hasText: 'Achat de prestation locale du' }));
    await page.keyboard.press('Enter');
    const pay = form(page, 'Enregistrer un paiement');
    await tabTo(page, pay.getByLabel('Montant payé (en euros)'));
    await page.keyboard.type('1 000');
    await tabTo(page, pay.getByRole('button', { name: 'Enregistrer le paiement' }));
    await page.keyboard.press('Enter');
    await pay.locator('.fr-alert--success').waitFor();
    await screenshot(page, 'journey-manager-day');
    // Tabbing past the other forms of the page leaves them as they were: no field in error.
    expect(await page.locator('.fr-input-group--error, .fr-select-group--error, .fr-fieldset--error').count()).toBe(0);

    expect(await recorded()).toEqual([
      'ContactLogged',
      'JointEventPlanned',
      'JointEventHeld',
      'ProgressReported',
      'ExpenditureCommitted',
      'PaymentRecorded',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a director authorises an over-commitment from the inbox', async () => {
    await t.post(`/agencies/62001/fund/${Y}/over-commitment-requests`, 'manager', {
      requestId: 'dem-saison',
      amountCents: 2_500_00,
      reason: 'Afflux de saisonniers',
    });
    const { context, page, errors } = await frenchContext(browser);
    await signIn(page, base, t.tokens.director);
    await open(page, `${base}/pilotage?annee=${Y}`);
    await page.getByText('« Afflux de saisonniers »').waitFor();
    await screenshot(page, 'journey-director-inbox');
    const head = await t.head();
    const authorise = form(page, 'Autoriser ce dépassement');
    expect(await authorise.getByLabel(/^Montant autorisé/).inputValue()).toBe('2500');
    await authorise.getByLabel('Motif').fill('Saison exceptionnelle');
    await authorise.getByRole('button', { name: 'Autoriser' }).click();
    await page.getByText('Aucune demande en attente.').waitFor();
    const [event] = await t.eventsAfter(head);
    expect(event).toMatchObject({
      type: 'OverCommitmentAuthorised',
      data: { amountCents: 2_500_00, requestId: 'dem-saison', authorisedBy: 'direction-hdf' },
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an auditor compares "as of" with "as known at" after a payment recorded late', async () => {
    await t.post(`/agencies/62001/fund/${Y}/commitments`, 'manager', {
      commitmentId: 'eng-tardif',
      category: 'DEROGATORY_MOBILITY_AID',
      route: 'SUBSIDY',
      amountCents: 2_000_00,
      rationale: 'Permis',
      committedOn: today,
      mobility: { relaxedCriterion: 'RESOURCES', leavesEmploymentBasin: false },
    });
    await pause(1200);
    const knownAt = new Date();
    await pause(1200);
    await t.post(`/agencies/62001/fund/${Y}/commitments/eng-tardif/payments`, 'manager', {
      paymentId: 'pai-tardif',
      amountCents: 1_000_00,
      paidOn: today,
    });
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(knownAt)
        .map((p) => [p.type, p.value]),
    );
    const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;

    const { context, page, errors } = await frenchContext(browser);
    await signIn(page, base, t.tokens.auditor);
    await open(page, `${base}/controle/comparer`);
    const main = page.locator('main');
    await main.getByLabel('Vue', { exact: true }).selectOption({ label: 'Engagements et paiements du fonds' });
    await main.getByLabel('Agence', { exact: true }).selectOption('62001');
    await main.getByLabel('Année', { exact: true }).fill(String(Y));
    await main.getByLabel('Au', { exact: true }).fill(today);
    await main.getByLabel('Connu le', { exact: true }).fill(local);
    const row = page.getByRole('row', { name: /Aide dérogatoire à la mobilité/ });
    await row.waitFor();
    await page.getByRole('status').filter({ hasText: 'diffère' }).waitFor();
    // French figures use narrow no-break spaces: compared with plain ones.
    const [, left, right] = (await row.getByRole('cell').or(row.getByRole('rowheader')).allInnerTexts()).map((text) =>
      text.replace(/\s/g, ' '),
    );
    expect(left).toContain(`Paiements : 1 000,00 € le ${today.split('-').reverse().join('/')}`);
    expect(right).toContain('Paiements : aucun');
    expect(await row.locator('.ancrage-diff-changed').count()).toBeGreaterThan(0);
    await screenshot(page, 'journey-auditor-compare');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an auditor keeps a signed tree head, and later proves the log still extends it', async () => {
    const { context, page, errors } = await frenchContext(browser);
    await signIn(page, base, t.tokens.auditor);
    await open(page, `${base}/controle`);
    await page.getByText('Le journal est intact.').waitFor();
    await page.getByRole('button', { name: 'Obtenir la tête d’arbre signée' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger la tête signée' }).click();
    const kept = await (await download).path();
    // The log grows after the head was kept.
    await t.post(`/agencies/62001/fund/${Y}/commitments`, 'manager', {
      commitmentId: 'eng-apres-tete',
      category: 'DEROGATORY_MOBILITY_AID',
      route: 'SUBSIDY',
      amountCents: 100_00,
      rationale: 'Permis',
      committedOn: today,
      mobility: { relaxedCriterion: 'RESOURCES', leavesEmploymentBasin: false },
    });
    await page.getByLabel('Tête d’arbre signée (fichier JSON)').setInputFiles(kept);
    await page.getByText('Le journal prolonge bien cette tête signée.').waitFor();
    await screenshot(page, 'journey-auditor-tree-head');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a manager attaches the signed convention, is told in French when a file is not a document, downloads it back, and is told when it was altered since', async () => {
    await t.post('/agencies/62001/partnerships/ml-berck/agreements', 'manager', {
      agreementId: 'conv-signee',
      reference: 'CONV-ML-SIGNEE',
      scale: 'LOCAL',
      formal: true,
      objectives: [],
      startDate: `${Y}-01-01`,
      endDate: null,
    });
    const dir = mkdtempSync(join(tmpdir(), 'ancrage-document-'));
    const pdf = join(dir, 'convention-signee.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const script = join(dir, 'convention.pdf');
    writeFileSync(script, '<script>alert(1)</script>');
    const { context, page, errors } = await frenchContext(browser);
    await signIn(page, base, t.tokens.manager);
    await open(page, `${base}/agence/62001/partenaires/ml-berck`);
    const attach = page.getByRole('form', { name: 'Joindre un document' });
    const before = await t.head();
    await attach.getByLabel(/^Fichier à joindre/).setInputFiles(script);
    await attach.getByRole('button', { name: 'Joindre le document' }).click();
    await attach.getByText(/ni un PDF, ni une image PNG/).waitFor();
    expect(await t.typesAfter(before)).toEqual([]);
    await attach.getByLabel(/^Fichier à joindre/).setInputFiles(pdf);
    await attach.getByRole('button', { name: 'Joindre le document' }).click();
    await attach.getByText('Document joint.').waitFor();
    expect(await t.typesAfter(before)).toEqual(['AgreementDocumentAttached']);
    const row = page.getByRole('row', { name: /Convention signée/ });
    await expect(row.innerText()).resolves.toContain('conv-signee');
    const saved = page.waitForEvent('download');
    await row.getByRole('button', { name: 'convention-signee.pdf' }).click();
    const file = await saved;
    expect(file.suggestedFilename()).toBe('convention-signee.pdf');
    // A file altered in the database since (only the maintenance role can): the page says so in French.
    const sql = new Client({ connectionString: h.db.url });
    await sql.connect();
    await sql.query(`SET ROLE ancrage_maintenance; UPDATE document_files SET bytes = 'x'`).finally(() => sql.end());
    await row.getByRole('button', { name: 'convention-signee.pdf' }).click();
    await page.getByText(/ne correspond plus à l’empreinte enregistrée/).waitFor();
    await screenshot(page, 'journey-manager-agreement-document');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a manager imports a spreadsheet after reading its dry run; a director takes the roll-up in Excel and a weekly digest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ancrage-import-'));
    const file = join(dir, 'partenaires.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('Nom;Catégorie;SIRET\nCCAS de Berck-sur-Mer;CCAS;\nPLIE du Montreuillois;PLIE;12345678901234\nAFPA Berck;AFPA;\n'),
      ]),
    );
    const { context, page, errors } = await frenchContext(browser);
    await signIn(page, base, t.tokens.manager);
    await open(page, `${base}/agence/62001/import`);
    await page.getByLabel('Fichier de partenaires').setInputFiles(file);
    await page.getByRole('heading', { name: 'partenaires.csv — Essai terminé : rien n’est encore enregistré' }).waitFor();
    const refused = page.getByRole('row', { name: /^3 Refusée/ });
    await expect(refused.innerText()).resolves.toContain('Colonne C (SIRET)');
    const before = await t.head();
    expect(await t.typesAfter(before)).toEqual([]);
    await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
    await page.getByText('L’import est terminé.').waitFor();
    expect((await t.typesAfter(before)).filter((type) => type === 'PartnerRegistered')).toHaveLength(2);
    await screenshot(page, 'journey-manager-import');
    expect(errors).toEqual([]);
    await context.close();

    const director = await frenchContext(browser);
    await signIn(director.page, base, t.tokens.director);
    await open(director.page, `${base}/pilotage/fonds?annee=${Y}`);
    const workbook = director.page.waitForEvent('download');
    await director.page.getByRole('button', { name: 'Télécharger (Excel)' }).click();
    const saved = await workbook;
    expect(saved.suggestedFilename()).toBe(`fonds-5-pourcent-${Y}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await saved.path());
    expect(book.worksheets[0].getCell('A2').text).toMatch(/^Situation du jour/);
    await open(director.page, `${base}/compte`);
    const digest = form(director.page, 'Recevoir mes alertes par courriel');
    await digest.getByText('Chaque lundi matin', { exact: true }).click();
    await digest.getByLabel(/^Adresse électronique/).fill('direction.hdf@francetravail.fr');
    await digest.getByRole('button', { name: 'Enregistrer mon choix' }).click();
    await director.page.getByText('Actuellement : Chaque lundi matin, à l’adresse direction.hdf@francetravail.fr.').waitFor();
    expect(director.errors).toEqual([]);
    await director.context.close();
  });
});
