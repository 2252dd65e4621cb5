import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { authorise, PARTNER_USAGE, type PartnerUsage, type Principal } from '@ancrage/access';
import { EVENT_STORE, type EventStore } from '@ancrage/event-store';
import { type CommandContext, type CommandOutcome, fieldProblems, Rehearsal } from '@ancrage/platform';
import { LIVE, ProjectionEngine, ReadModels } from '@ancrage/projections';
import { DomainError, type ServiceOffer } from '@ancrage/shared-kernel';
import { readSheet, type ReadSheet, type SheetRow } from '@ancrage/spreadsheets';
import { ChangePartner } from '../commands/change-partner.command';
import { ChangePartnership, type PartnershipChange } from '../commands/change-partnership.command';
import { CATEGORIES, type PartnerCategory, type Scale } from '../domain/categories';
import { assertCircleReason } from '../domain/partnership.decider';
import { PARTNERSHIP_ERROR_FR } from '../domain/labels.fr';
import { partnerStream } from '../domain/partnerships.events';
import { AssignCircleDto, LogContactDto, RegisterPartnerDto, SignAgreementDto } from '../http/dto/partnerships.dto';
import { PartnerRow, PartnershipRow } from '../read-models/partnerships.entities';
import { partnershipsProjection } from '../read-models/partnerships.projection';
import { IMPORT_COLUMNS, type ImportKind } from './import-columns';
import { agreementRow, contactRow, partnerRow, type PartnerRowBody, type RowProblem, siretOf, slugOf } from './import-rows';
import { PartnerDirectory, type KnownPartner } from './partner-directory';

export type RowOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REFUSED';

export interface RowReport {
  row: number;
  outcome: RowOutcome;
  /** The partner the row is about, once known. */
  partnerId: string | null;
  problems: (RowProblem & { header: string | null; columnLetter: string | null })[];
}

export interface ImportReport {
  kind: ImportKind;
  file: string;
  fileSha256: string;
  dryRun: boolean;
  sheet: Pick<ReadSheet, 'format' | 'encoding' | 'sheetName' | 'headerRow' | 'columns' | 'unknownHeaders'>;
  total: number;
  counts: Record<RowOutcome, number>;
  rows: RowReport[];
}

export interface ImportInput {
  kind: ImportKind;
  safir: string;
  fileName: string;
  bytes: Buffer;
  principal: Principal;
  /** Who acts, in which request: each row's command adds its idempotency key and source. */
  context: Pick<CommandContext, 'actor' | 'role' | 'correlationId'>;
  /** Rehearse every command over a copy of the log that nothing writes: the report says what would happen. */
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Stops the import before its next row (what was recorded stays; running it again resumes). */
  signal?: AbortSignal;
}

/** A row's commands, run in order; the outcome says whether any recorded something. */
interface Run {
  input: ImportInput;
  sha: string;
  directory: PartnerDirectory;
  partnerships: Map<string, PartnershipRow>;
  rehearsal?: Rehearsal;
  seen: Map<string, number>;
}

/** A refusal to report: the row recorded nothing (beyond what an earlier command of it did). */
class RowRefused extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** Request fields and domain-error fields, as the columns of the kind's sheet. */
const FIELD_COLUMNS: Record<string, string> = {
  partnerId: 'name',
  agreementId: 'reference',
  reason: 'circleReason',
  assignedOn: 'registeredOn',
};

/** A partnership this import begins: what its later rows know of it until the projection says more. */
const newPartnership = (run: Run, partnerId: string) => ({ safir: run.input.safir, partnerId }) as PartnershipRow;

const digest = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

/**
 * Imports an agency's spreadsheet of partners, agreements or contacts through the very commands
 * the API runs. Each row's commands carry an idempotency key made from the row's content, so a
 * file imported twice records nothing new and an interrupted import resumes where it stopped; each
 * event names the file and row it came from. A dry run rehearses the same commands.
 */
@Injectable()
export class SpreadsheetImport {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PARTNER_USAGE) private readonly usage: PartnerUsage,
    private readonly engine: ProjectionEngine,
  ) {}

  async run(input: ImportInput): Promise<ImportReport> {
    const sheet = await readSheet(input.bytes, IMPORT_COLUMNS[input.kind]);
    const sha = createHash('sha256').update(input.bytes).digest('hex');
    // The register as of now: what this import decides on must include every earlier write, so the
    // projection is folded to the head here (safe beside running projectors; the CLI has none).
    await this.engine.catchUp(partnershipsProjection.name);
    const [register, partnerships] = await Promise.all([
      this.reads.find(PartnerRow, LIVE, {}),
      this.reads.find(PartnershipRow, LIVE, { safir: input.safir }),
    ]);
    const run: Run = {
      input,
      sha,
      directory: new PartnerDirectory(register),
      partnerships: new Map(partnerships.map((p) => [p.partnerId, p])),
      rehearsal: input.dryRun ? new Rehearsal(this.store) : undefined,
      seen: new Map(),
    };
    const rows: RowReport[] = [];
    for (const [i, row] of sheet.rows.entries()) {
      input.signal?.throwIfAborted();
      rows.push(await this.row(run, row, sheet));
      input.onProgress?.(i + 1, sheet.rows.length);
    }
    const counts: Record<RowOutcome, number> = { CREATE: 0, UPDATE: 0, UNCHANGED: 0, REFUSED: 0 };
    for (const r of rows) counts[r.outcome]++;
    const { format, encoding, sheetName, headerRow, columns, unknownHeaders } = sheet;
    return {
      kind: input.kind,
      file: input.fileName,
      fileSha256: sha,
      dryRun: input.dryRun,
      sheet: { format, encoding, sheetName, headerRow, columns, unknownHeaders },
      total: rows.length,
      counts,
      rows,
    };
  }

  private async row(run: Run, row: SheetRow, sheet: ReadSheet): Promise<RowReport> {
    const located = (problems: RowProblem[]) =>
      problems.map((p) => {
        const column = sheet.columns.find((c) => c.key === p.column);
        return { ...p, header: column?.header ?? null, columnLetter: column?.column ?? null };
      });
    const report = { row: row.row, partnerId: null as string | null };
    try {
      const done = await this[run.input.kind](run, row, (id) => (report.partnerId = id));
      return { ...report, outcome: done, problems: [] };
    } catch (e) {
      if (e instanceof RowRefused) return { ...report, outcome: 'REFUSED', problems: located(e.problems) };
      if (e instanceof DomainError) {
        const column = e.field ? (FIELD_COLUMNS[e.field] ?? e.field) : null;
        const message = PARTNERSHIP_ERROR_FR[e.code] ?? e.message;
        return { ...report, outcome: 'REFUSED', problems: located([{ column, code: e.code, message }]) };
      }
      throw e;
    }
  }

  /** A partner of the register (registered, or updated when the row says otherwise) and its circle in the agency. */
  private async partners(run: Run, row: SheetRow, about: (id: string) => void): Promise<RowOutcome> {
    const parsed = partnerRow(row.cells);
    if (!parsed.ok) throw new RowRefused(parsed.problems);
    const p = parsed.body;
    const found = this.resolve(run, { partnerId: p.partnerId, siret: p.siret, name: p.name }, 'name', true);
    const context = this.context(run, row, ['partners', p]);
    // A circle the row gets wrong refuses the row before anything of it is recorded.
    if (p.circle !== undefined || p.circleReason !== undefined)
      await this.valid(AssignCircleDto, { circle: p.circle ?? 1, reason: p.circleReason, assignedOn: p.registeredOn });
    const categoryOfRow = (found?.category ?? p.category) as PartnerCategory | undefined;
    if (p.circle !== undefined && categoryOfRow && categoryOfRow in CATEGORIES) assertCircleReason(categoryOfRow, p.circle, p.circleReason);
    let created = false;
    let changed = false;
    let partner: KnownPartner;
    if (found) {
      partner = found;
      about(partner.partnerId);
      changed = await this.updatePartner(run, partner, p, context);
    } else {
      // A partner an earlier run of this very row registered is that row's, not a namesake to number.
      const partnerId =
        p.partnerId ?? (await run.directory.freeId(p.name ?? '', (id) => this.takenByOther(run, partnerStream(id), context)));
      about(partnerId);
      const body = await this.valid(RegisterPartnerDto, {
        partnerId,
        name: p.name,
        category: p.category,
        subkind: p.subkind,
        siret: p.siret,
        scale: p.scale ?? 'LOCAL',
        registeredOn: p.registeredOn,
      });
      const outcome = await this.execute(
        new ChangePartner(
          partnerId,
          { kind: 'register', ...body, subkind: body.subkind ?? null, siret: body.siret ?? null, parentPartnerId: null },
          context,
        ),
      );
      created = outcome.events.length > 0 && !outcome.replayed;
      const category = body.category;
      partner = {
        partnerId,
        name: body.name,
        scale: body.scale,
        siret: body.siret ?? null,
        category,
        defaultCircle: CATEGORIES[category].circle,
        closed: false,
      };
      run.directory.add(partner);
    }
    // The agency works with the partner: its circle (the category's by default) says so.
    const current = run.partnerships.get(partner.partnerId);
    const circle = p.circle ?? (current?.circle == null ? partner.defaultCircle : undefined);
    if (circle !== undefined && circle !== current?.circle) {
      const body = await this.valid(AssignCircleDto, { circle, reason: p.circleReason, assignedOn: p.registeredOn });
      const outcome = await this.change(
        run,
        partner.partnerId,
        { kind: 'assign-circle', circle: body.circle, reason: body.reason ?? null, assignedOn: body.assignedOn },
        context,
      );
      if (!current) created ||= outcome.events.length > 0 && !outcome.replayed;
      else changed ||= outcome.events.length > 0 && !outcome.replayed;
      run.partnerships.set(partner.partnerId, {
        ...(current ?? newPartnership(run, partner.partnerId)),
        circle: body.circle,
      });
    }
    return created ? 'CREATE' : changed ? 'UPDATE' : 'UNCHANGED';
  }

  /** A shared partner changes only where the register's rule lets this user change it. */
  private async updatePartner(run: Run, partner: KnownPartner, p: PartnerRowBody, context: CommandContext): Promise<boolean> {
    const change = {
      ...(p.name && p.name !== partner.name ? { name: p.name } : {}),
      ...(p.scale && p.scale !== partner.scale ? { scale: p.scale as Scale } : {}),
      ...(p.siret && p.siret !== partner.siret ? { siret: p.siret } : {}),
    };
    if (Object.keys(change).length === 0) return false;
    const users = await this.usage.agenciesWorkingWith(partner.partnerId);
    if (!authorise(run.input.principal, { kind: 'partners.write', users })) {
      throw new RowRefused([
        {
          column: Object.keys(change)[0],
          code: 'FORBIDDEN',
          message: `« ${partner.name} » travaille avec d’autres agences : seul un administrateur, ou un directeur couvrant toutes ces agences, peut modifier son nom, son échelle ou son SIRET`,
        },
      ]);
    }
    if (change.siret)
      await this.valid(RegisterPartnerDto, {
        partnerId: partner.partnerId,
        name: partner.name,
        category: partner.category,
        scale: partner.scale,
        siret: change.siret,
      });
    const outcome = await this.execute(new ChangePartner(partner.partnerId, { kind: 'update', ...change }, context));
    run.directory.add({ ...partner, ...change });
    return outcome.events.length > 0 && !outcome.replayed;
  }

  /** An agreement signed with a partner of the register, or its end date amended. */
  private async agreements(run: Run, row: SheetRow, about: (id: string) => void): Promise<RowOutcome> {
    const parsed = agreementRow(row.cells);
    if (!parsed.ok) throw new RowRefused(parsed.problems);
    const a = parsed.body;
    const partner = this.resolve(
      run,
      { partnerId: a.partner?.toLowerCase(), siret: siretOf(a.partner), name: a.partner },
      'partner',
      false,
    )!;
    about(partner.partnerId);
    const agreementId = a.agreementId ?? slugOf(a.reference ?? 'convention', 64);
    const body = await this.valid(SignAgreementDto, { ...a, partner: undefined, agreementId });
    const context = this.context(run, row, ['agreements', partner.partnerId, body]);
    const current = run.partnerships.get(partner.partnerId);
    if (current?.agreementId === agreementId) {
      // A blank end date says nothing: it does not make a dated agreement open-ended.
      if (body.endDate === undefined || current.agreementEnd === body.endDate) return 'UNCHANGED';
      const note = `Échéance mise à jour par l’import de ${run.input.fileName}, ligne ${row.row}`;
      const outcome = await this.change(run, partner.partnerId, { kind: 'amend', agreementId, note, endDate: body.endDate }, context);
      run.partnerships.set(partner.partnerId, { ...current, agreementEnd: body.endDate });
      return outcome.replayed ? 'UNCHANGED' : 'UPDATE';
    }
    const outcome = await this.change(
      run,
      partner.partnerId,
      {
        kind: 'sign',
        agreementId,
        reference: body.reference,
        scale: body.scale,
        formal: body.formal,
        objectives: body.objectives,
        services: body.services as ServiceOffer[],
        startDate: body.startDate,
        endDate: body.endDate ?? null,
        signedOn: body.signedOn,
      },
      context,
    );
    // A later row of the file about this agreement amends it rather than signing it again.
    run.partnerships.set(partner.partnerId, {
      ...(current ?? newPartnership(run, partner.partnerId)),
      agreementId,
      agreementEnd: body.endDate ?? null,
    });
    return outcome.replayed ? 'UNCHANGED' : 'CREATE';
  }

  /** A contact logged with a partner: a fact that only adds, so its key is its content (and its rank among equal rows). */
  private async contacts(run: Run, row: SheetRow, about: (id: string) => void): Promise<RowOutcome> {
    const parsed = contactRow(row.cells);
    if (!parsed.ok) throw new RowRefused(parsed.problems);
    const c = parsed.body;
    const partner = this.resolve(
      run,
      { partnerId: c.partner?.toLowerCase(), siret: siretOf(c.partner), name: c.partner },
      'partner',
      false,
    )!;
    about(partner.partnerId);
    const body = await this.valid(LogContactDto, { kind: c.kind, date: c.date, participants: c.participants, note: c.note });
    const content = [partner.partnerId, body.kind, body.date, body.participants ?? [], body.note ?? null];
    const rank = (run.seen.get(digest(content)) ?? 0) + 1;
    run.seen.set(digest(content), rank);
    const context = this.context(run, row, ['contacts', ...content, rank]);
    const outcome = await this.change(
      run,
      partner.partnerId,
      { kind: 'log-contact', contactKind: body.kind, date: body.date, participants: body.participants ?? [], note: body.note ?? null },
      context,
    );
    return outcome.replayed ? 'UNCHANGED' : 'CREATE';
  }

  /** The partner a row names; unknown (when it must be known) or ambiguous is a refusal. */
  private resolve(
    run: Run,
    reference: { partnerId?: string; siret?: string; name?: string },
    column: string,
    mayBeNew: boolean,
  ): KnownPartner | null {
    const r = run.directory.resolve(reference, mayBeNew);
    if ('found' in r) {
      if (r.found.closed)
        throw new RowRefused([
          { column, code: 'PARTNER_CLOSED', message: `« ${r.found.name} » est clos dans le registre des partenaires` },
        ]);
      return r.found;
    }
    if ('ambiguous' in r) {
      throw new RowRefused([
        {
          column,
          code: 'AMBIGUOUS_PARTNER',
          message: `plusieurs partenaires du registre s’appellent ainsi (${r.ambiguous.join(', ')}) : donnez l’identifiant ou le SIRET`,
        },
      ]);
    }
    if (mayBeNew) return null;
    throw new RowRefused([
      {
        column,
        code: 'UNKNOWN_PARTNER',
        message: `partenaire inconnu du registre : « ${reference.name ?? ''} » ; importez d’abord le fichier des partenaires`,
      },
    ]);
  }

  /** The body as the API validates it (the same DTO and rules); a broken rule names its column. */
  private async valid<T extends object>(dto: new () => T, body: Record<string, unknown>): Promise<T> {
    const defined = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const instance = plainToInstance(dto, defined);
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw new RowRefused(
        fieldProblems(errors).map((f) => {
          const field = f.field.split('.')[0];
          return { column: FIELD_COLUMNS[field] ?? field, code: f.codes[0] ?? 'INVALID', message: f.problems.join('; ') };
        }),
      );
    }
    return instance;
  }

  private context(run: Run, row: SheetRow, content: unknown[]): CommandContext {
    return {
      ...run.input.context,
      idempotencyKey: `import:${run.input.kind}:${run.input.safir}:${digest(content)}`,
      source: { kind: run.input.kind, file: run.input.fileName, fileSha256: run.sha, row: row.row },
      ...(run.rehearsal ? { rehearsal: run.rehearsal } : {}),
    };
  }

  private change(run: Run, partnerId: string, change: PartnershipChange, context: CommandContext): Promise<CommandOutcome> {
    return this.execute(new ChangePartnership(run.input.safir, partnerId, change, context));
  }

  private execute(command: ChangePartner | ChangePartnership): Promise<CommandOutcome> {
    return this.commands.execute(command);
  }

  /** Whether a stream exists and was begun by something other than this row's command. */
  private async takenByOther(run: Run, streamId: string, context: CommandContext): Promise<boolean> {
    const [first] = await (run.rehearsal?.store ?? this.store).readStream(streamId, { toVersion: 0 });
    return first !== undefined && first.metadata.idempotencyKey !== context.idempotencyKey;
  }
}
