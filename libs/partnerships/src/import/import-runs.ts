import { createHash, randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Principal } from '@ancrage/access';
import { type CommandContext, JsonLogger, PG_POOL } from '@ancrage/platform';
import { readSheet } from '@ancrage/spreadsheets';
import { IMPORT_COLUMNS, type ImportKind } from './import-columns';
import { type ImportReport, type RowOutcome, SpreadsheetImport } from './spreadsheet-import';

export type ImportStatus = 'REHEARSING' | 'REHEARSED' | 'APPLYING' | 'APPLIED' | 'FAILED';

export interface ImportRunState {
  importId: string;
  safir: string;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  status: ImportStatus;
  total: number | null;
  done: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  /** The import's report once it ran, else the rehearsal's; its rows one page at a time. */
  report: (Omit<ImportReport, 'rows'> & { rows: ImportReport['rows']; rowsTotal: number; limit: number; offset: number }) | null;
}

interface Row {
  import_id: string;
  safir: string;
  kind: ImportKind;
  file_name: string;
  file_sha256: string;
  status: ImportStatus;
  total: number | null;
  done: number;
  error: string | null;
  created_at: string;
  updated_at: string;
  report: ImportReport | null;
  applied_report: ImportReport | null;
}

/** A working import whose process has said nothing for this long has stopped: it may be applied again. */
const STALLED_AFTER_S = 30;
/** A working import says it is alive this often, however slow its rows. */
const HEARTBEAT_MS = 10_000;
/** Progress is written every this many rows. */
const PROGRESS_EVERY = 100;
/** On shutdown, running imports stop at their next row; this long at most is waited for them. */
const SHUTDOWN_WAIT_MS = 10_000;

/**
 * Imports as the page runs them: the upload is kept, rehearsed at once (the dry run), and applied
 * when the user says so; each step works in the background of the process that took it, with its
 * progress in PostgreSQL so that any process answers for it. Applying again resumes an import that
 * stopped: every row's commands are idempotent.
 */
@Injectable()
export class ImportRuns implements BeforeApplicationShutdown {
  private readonly working = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly importer: SpreadsheetImport,
    private readonly logger: JsonLogger,
  ) {}

  async start(a: {
    kind: ImportKind;
    safir: string;
    fileName: string;
    bytes: Buffer;
    principal: Principal;
    context: CommandContext;
  }): Promise<string> {
    // What is not a readable sheet of this kind is refused now, in the answer, not in a report.
    await readSheet(a.bytes, IMPORT_COLUMNS[a.kind]);
    const importId = randomUUID();
    const token = randomUUID();
    const sha = createHash('sha256').update(a.bytes).digest('hex');
    await this.pool.query(
      `INSERT INTO import_runs (import_id, safir, kind, file_name, file_sha256, file, user_id, status, run_token)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'REHEARSING', $8)`,
      [importId, a.safir, a.kind, a.fileName, sha, a.bytes, a.principal.userId, token],
    );
    this.work(importId, token, { ...a, dryRun: true });
    return importId;
  }

  async apply(safir: string, importId: string, principal: Principal, context: CommandContext): Promise<void> {
    // A stalled worker (its process gone) is taken over: the new token silences it should it wake.
    const token = randomUUID();
    const { rows } = await this.pool.query<{ kind: ImportKind; file_name: string; file: Buffer }>(
      `UPDATE import_runs SET status = 'APPLYING', done = 0, error = NULL, applied_report = NULL, run_token = $4, updated_at = now()
        WHERE import_id = $1 AND safir = $2
          AND (status IN ('REHEARSED', 'APPLIED', 'FAILED')
               OR (status IN ('REHEARSING', 'APPLYING') AND updated_at < now() - make_interval(secs => $3)))
        RETURNING kind, file_name, file`,
      [importId, safir, STALLED_AFTER_S, token],
    );
    if (!rows[0]) {
      const state = await this.state(safir, importId);
      throw new ConflictException({
        code: 'IMPORT_BUSY',
        message: `this import is ${state.status === 'REHEARSING' ? 'being rehearsed' : 'being applied'}: wait until it ends`,
      });
    }
    const { kind, file_name: fileName, file: bytes } = rows[0];
    this.work(importId, token, { kind, safir, fileName, bytes, principal, context, dryRun: false });
  }

  async get(safir: string, importId: string, page: { outcome?: RowOutcome; limit: number; offset: number }): Promise<ImportRunState> {
    const r = await this.state(safir, importId);
    const report = r.applied_report ?? (r.status === 'APPLYING' ? null : r.report);
    const rows = report ? report.rows.filter((x) => !page.outcome || x.outcome === page.outcome) : [];
    return {
      importId: r.import_id,
      safir: r.safir,
      kind: r.kind,
      fileName: r.file_name,
      fileSha256: r.file_sha256,
      status: r.status,
      total: r.total,
      done: r.done,
      error: r.error,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      report: report
        ? {
            ...report,
            rows: rows.slice(page.offset, page.offset + page.limit),
            rowsTotal: rows.length,
            limit: page.limit,
            offset: page.offset,
          }
        : null,
    };
  }

  private async state(safir: string, importId: string): Promise<Row> {
    const { rows } = await this.pool.query<Row>(
      `SELECT import_id, safir, kind, file_name, file_sha256, status, total, done, error, created_at, updated_at, report, applied_report
         FROM import_runs WHERE import_id = $1 AND safir = $2`,
      [importId, safir],
    );
    if (!rows[0]) throw new NotFoundException({ code: 'IMPORT_NOT_FOUND', message: `no import ${importId} for agency ${safir}` });
    return rows[0];
  }

  private work(importId: string, token: string, input: Parameters<SpreadsheetImport['run']>[0]): void {
    // Every write names the worker's token: one taken over writes nothing more.
    const write = (sets: string, values: unknown[]) =>
      this.pool
        .query(`UPDATE import_runs SET ${sets}, updated_at = now() WHERE import_id = $1 AND run_token = $2`, [importId, token, ...values])
        .catch((e: unknown) => this.logger.event('warn', 'import progress not written', { importId, error: String(e) }));
    const heartbeat = setInterval(() => void write('done = done', []), HEARTBEAT_MS);
    const progress = (done: number, total: number) => {
      if (done % PROGRESS_EVERY === 0 || done === total) void write('done = $3, total = $4', [done, total]);
    };
    const job = this.importer
      .run({ ...input, onProgress: progress, signal: this.stopping.signal })
      .then((report) =>
        write(`status = $3, ${input.dryRun ? 'report' : 'applied_report'} = $4, total = $5, done = $5`, [
          input.dryRun ? 'REHEARSED' : 'APPLIED',
          JSON.stringify(report),
          report.total,
        ]),
      )
      .catch((e: unknown) => {
        if (!this.stopping.signal.aborted) {
          this.logger.event('error', 'import failed', { importId, error: e instanceof Error ? e.stack : String(e) });
        }
        return write(`status = 'FAILED', error = $3`, [
          this.stopping.signal.aborted
            ? 'L’import a été interrompu par l’arrêt du serveur : relancez-le, les lignes déjà enregistrées ne le seront pas deux fois.'
            : 'L’import s’est interrompu : relancez-le, les lignes déjà enregistrées ne le seront pas deux fois.',
        ]);
      })
      .finally(() => {
        clearInterval(heartbeat);
        this.working.delete(job);
      })
      .then(() => undefined);
    this.working.add(job);
  }

  /** Before the pool closes: running imports stop at their next row (applying again resumes them). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)));
    await Promise.race([Promise.allSettled([...this.working]), late]);
    clearTimeout(timer);
  }
}
