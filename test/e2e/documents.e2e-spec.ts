import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@ancrage/event-store';
import { Harness, startApp } from '../support/app-harness';
import { registerBasins, userWithToken } from '../support/principals';

const as = (token: string) => ({ authorization: `Bearer ${token}` });

/** Two agencies, Berck's Mission locale and the agreement conv-2017 of 62002 with it; the tokens of the people who read and write them. */
async function agencyWithAgreement(h: Harness) {
  await registerBasins(h.app, { '3213': '62', '9312': '06' });
  const admin = await userWithToken(h.app, 'admin', [{ role: 'admin' }]);
  for (const [safir, name, region, department, basin] of [
    ['62002', 'Berck-sur-Mer', '32', '62', '3213'],
    ['06001', 'Nice Centre', '93', '06', '9312'],
  ])
    await request(h.app.getHttpServer())
      .post('/agencies')
      .set(as(admin))
      .send({ safir, name, region, department, employmentBasin: basin, areaType: 'URBAN' })
      .expect(201);
  await request(h.app.getHttpServer())
    .post('/partners')
    .set(as(admin))
    .send({ partnerId: 'ml-berck', name: 'Mission locale de Berck', category: 'MISSION_LOCALE', scale: 'LOCAL' })
    .expect(201);
  const manager = await userWithToken(h.app, 'manager-62002', [{ role: 'manager', agencies: ['62002'] }]);
  const other = await userWithToken(h.app, 'manager-06001', [{ role: 'manager', agencies: ['06001'] }]);
  const auditor = await userWithToken(h.app, 'auditor', [{ role: 'auditor' }]);
  await request(h.app.getHttpServer())
    .post('/agencies/62002/partnerships/ml-berck/agreements')
    .set(as(manager))
    .send({
      agreementId: 'conv-2017',
      reference: 'CONV-ML-2017',
      scale: 'LOCAL',
      formal: true,
      objectives: [],
      startDate: '2017-03-01',
      endDate: null,
      signedOn: '2017-03-01',
    })
    .expect(201);
  return { manager, other, auditor };
}

/** The signed documents of agreements over HTTP: kept by their hash, listed as of a date, checked at download, refused when they are not documents. */
describe('the documents of an agreement', () => {
  let h: Harness;
  let manager: string;
  let other: string;
  let auditor: string;
  const server = () => h.app.getHttpServer();
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const partnership = '/agencies/62002/partnerships/ml-berck';
  const documents = `${partnership}/agreements/conv-2017/documents`;
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const upload = (token: string, file: Buffer | null, fields: Record<string, string>, name = 'convention signée.pdf') => {
    const r = request(server()).post(documents).set(as(token));
    for (const [k, v] of Object.entries(fields)) r.field(k, v);
    return file ? r.attach('file', file, name) : r;
  };

  beforeAll(async () => {
    h = await startApp();
    ({ manager, other, auditor } = await agencyWithAgreement(h));
  });
  afterAll(() => h.close());

  it('keeps the file, names it by its hash, lists it as of its day, and gives the same bytes back', async () => {
    const attached = await upload(manager, pdf, { title: 'Convention signée', attachedOn: '2017-03-02' }).expect(201);
    expect(attached.body).toMatchObject({ documentId: sha(pdf), replayed: false });
    const again = await upload(manager, pdf, { title: 'Convention signée' }).expect(201);
    expect(again.body).toMatchObject({ documentId: sha(pdf), position: null, events: [] });

    const list = await request(server())
      .get(`${partnership}/documents?consistentWith=${attached.body.position}`)
      .set(as(auditor))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        agreementId: 'conv-2017',
        documentId: sha(pdf),
        title: 'Convention signée',
        fileName: 'convention signée.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
        attachedOn: '2017-03-02',
        attachedBy: 'manager-62002',
        withdrawnOn: null,
      }),
    ]);
    const before = await request(server()).get(`${partnership}/documents?asOf=2017-03-01`).set(as(manager)).expect(200);
    expect(before.body.total).toBe(0);

    const file = await request(server())
      .get(`${documents}/${sha(pdf)}`)
      .set(as(manager))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''convention%20sign%C3%A9e.pdf`);
    expect(file.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`);
  });

  it('refuses what is not a document, an empty file, no file, and a day before the signature, recording nothing', async () => {
    const before = await head();
    const script = await upload(manager, Buffer.from('<script>alert(1)</script>'), { title: 'x' }, 'x.pdf').expect(415);
    expect(script.body).toMatchObject({ code: 'NOT_A_DOCUMENT', fields: [{ field: 'file' }] });
    expect((await upload(manager, null, { title: 'x' }).expect(400)).body).toMatchObject({ code: 'FILE_REQUIRED' });
    expect((await upload(manager, Buffer.alloc(0), { title: 'x' }).expect(400)).body).toMatchObject({ code: 'EMPTY_FILE' });
    const early = await upload(manager, Buffer.from('%PDF-1.4 autre'), { title: 'Annexe', attachedOn: '2017-02-01' }).expect(422);
    expect(early.body).toMatchObject({ code: 'DATE_BEFORE_SIGNATURE' });
    const noTitle = await upload(manager, pdf, {}).expect(400);
    expect(noTitle.body.fields).toEqual([expect.objectContaining({ field: 'title' })]);
    const badDay = await upload(manager, pdf, { title: 'x', attachedOn: '2017-02-30' }).expect(400);
    expect(badDay.body.fields).toEqual([expect.objectContaining({ field: 'attachedOn' })]);
    const unknown = await request(server())
      .post(`${partnership}/agreements/conv-9999/documents`)
      .set(as(manager))
      .field('title', 'x')
      .attach('file', pdf, 'x.pdf')
      .expect(404);
    expect(unknown.body).toMatchObject({ code: 'AGREEMENT_NOT_FOUND' });
    expect(await head()).toBe(before);
  });

  it('keeps a manager of another agency out, and lets an auditor read but not attach', async () => {
    await upload(other, pdf, { title: 'x' }).expect(403);
    await upload(auditor, pdf, { title: 'x' }).expect(403);
    await request(server()).get(`${partnership}/documents`).set(as(other)).expect(403);
    await request(server())
      .get(`${documents}/${sha(pdf)}`)
      .set(as(other))
      .expect(403);
  });

  it('refuses to hand over a file altered in the database since it was attached', async () => {
    const annex = Buffer.from('%PDF-1.7\nannexe financière\n%%EOF\n', 'latin1');
    const attached = await upload(manager, annex, { title: 'Annexe financière' }).expect(201);
    const sql = new Client({ connectionString: h.db.url });
    await sql.connect();
    try {
      // The application may not change a stored file: the table is append-only.
      await expect(sql.query(`SET ROLE ancrage_app; UPDATE document_files SET bytes = 'x' WHERE sha256 = '${sha(annex)}'`)).rejects.toThrow(
        /append-only|permission denied/,
      );
      await sql.query(`RESET ROLE; SET ROLE ancrage_maintenance; UPDATE document_files SET bytes = 'x' WHERE sha256 = '${sha(annex)}'`);
    } finally {
      await sql.end();
    }
    const refused = await request(server())
      .get(`${documents}/${sha(annex)}?consistentWith=${attached.body.position}`)
      .set(as(auditor))
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'DOCUMENT_ALTERED' });
    const missing = await request(server())
      .get(`${documents}/${'0'.repeat(64)}`)
      .set(as(auditor))
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
  });

  it('withdraws a document once, with its reason, and still lists it for the audit', async () => {
    const path = `${documents}/${sha(pdf)}/withdrawn`;
    const done = await request(server()).post(path).set(as(manager)).send({ reason: 'version non signée' }).expect(201);
    const again = await request(server()).post(path).set(as(manager)).send({ reason: 'encore' }).expect(422);
    expect(again.body).toMatchObject({ code: 'DOCUMENT_WITHDRAWN' });
    const listed = await request(server())
      .get(`${partnership}/documents?includeWithdrawn=true&consistentWith=${done.body.position}`)
      .set(as(manager))
      .expect(200);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ documentId: sha(pdf), withdrawReason: 'version non signée' }));
    const shown = await request(server()).get(`${partnership}/documents`).set(as(manager)).expect(200);
    expect(shown.body.items.map((d: { documentId: string }) => d.documentId)).not.toContain(sha(pdf));
  });
});

/** ANCRAGE_DOCUMENTS_DIR: the same documents, their bytes kept as read-only files of a folder rather than in PostgreSQL. */
describe('the documents of an agreement, kept in a folder', () => {
  let h: Harness;
  let dir: string;
  let manager: string;
  const documents = '/agencies/62002/partnerships/ml-berck/agreements/conv-2017/documents';
  const scan = Buffer.from('%PDF-1.7\nconvention scannée\n%%EOF\n', 'latin1');
  const sha = createHash('sha256').update(scan).digest('hex');
  let position = 0;
  const download = () =>
    request(h.app.getHttpServer())
      .get(`${documents}/${sha}?consistentWith=${position}`)
      .set(as(manager))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        // The file as bytes; a refusal as its JSON problem.
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          done(null, res.headers['content-type'].includes('json') ? (JSON.parse(bytes.toString('utf8')) as unknown) : bytes);
        });
      });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ancrage-documents-'));
    h = await startApp({ ANCRAGE_DOCUMENTS_DIR: dir });
    ({ manager } = await agencyWithAgreement(h));
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each file once under its hash, read-only, and refuses it once altered or lost', async () => {
    const attach = (title: string) =>
      request(h.app.getHttpServer()).post(documents).set(as(manager)).field('title', title).attach('file', scan, 'scan.pdf');
    const attached = await attach('Convention scannée').expect(201);
    expect(attached.body).toMatchObject({ documentId: sha });
    position = attached.body.position;
    await attach('La même, envoyée deux fois').expect(201);
    const path = join(dir, sha.slice(0, 2), sha);
    expect(Buffer.compare(await readFile(path), scan)).toBe(0);
    expect((await stat(path)).mode & 0o777).toBe(0o444);
    // Nothing half-written is left beside it, and nothing went to the database.
    expect(await readdir(join(dir, sha.slice(0, 2)))).toEqual([sha]);
    const sql = new Client({ connectionString: h.db.url });
    await sql.connect();
    try {
      expect((await sql.query('SELECT count(*)::int AS n FROM document_files')).rows[0].n).toBe(0);
    } finally {
      await sql.end();
    }
    await download().expect(200);

    await chmod(path, 0o644);
    await writeFile(path, Buffer.from('%PDF-1.7\nune autre convention\n%%EOF\n', 'latin1'));
    expect((await download().expect(409)).body).toMatchObject({ code: 'DOCUMENT_ALTERED' });
    // Attaching the same document again records nothing new and puts sound bytes back under its hash.
    expect((await attach('La convention, de nouveau').expect(201)).body).toMatchObject({ documentId: sha, events: [] });
    expect(Buffer.compare((await download().expect(200)).body as Buffer, scan)).toBe(0);
    await rm(path);
    expect((await download().expect(409)).body).toMatchObject({ code: 'DOCUMENT_ALTERED' });
  });
});
