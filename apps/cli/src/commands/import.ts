import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { IMPORT_KINDS, type ImportKind, type ImportReport, SpreadsheetImport } from '@ancrage/partnerships';
import { SpreadsheetError } from '@ancrage/spreadsheets';
import { progressBar } from '../progress';
import { withContext } from '../runtime';

const OUTCOME_FR = { CREATE: 'à créer', UPDATE: 'à modifier', UNCHANGED: 'inchangées', REFUSED: 'refusées' } as const;
const DONE_FR = { CREATE: 'créées', UPDATE: 'modifiées', UNCHANGED: 'inchangées', REFUSED: 'refusées' } as const;

/** The report in French: counts, then each refused row with its column and reason. */
export function reportText(r: ImportReport): string {
  const words = r.dryRun ? OUTCOME_FR : DONE_FR;
  const lines = [
    `${r.file} (${r.sheet.format.toUpperCase()}${r.sheet.encoding ? `, ${r.sheet.encoding}` : ''}), en-têtes ligne ${r.sheet.headerRow} : ${r.total} lignes${r.dryRun ? ' (essai : rien n’est enregistré)' : ''}`,
    `  ${(['CREATE', 'UPDATE', 'UNCHANGED', 'REFUSED'] as const).map((o) => `${r.counts[o]} ${words[o]}`).join(', ')}`,
    ...(r.sheet.unknownHeaders.length ? [`  colonnes ignorées : ${r.sheet.unknownHeaders.join(', ')}`] : []),
    ...r.rows
      .filter((row) => row.outcome === 'REFUSED')
      .flatMap((row) =>
        row.problems.map(
          (p) =>
            `  ligne ${row.row}${p.columnLetter ? `, colonne ${p.columnLetter} (${p.header ?? p.column})` : ''} : ${p.message} [${p.code}]`,
        ),
      ),
  ];
  return lines.join('\n');
}

/** `ancrage import <kind> FILE --agency S [--dry-run] [--json]`, as the machine's operator. */
export async function importCommand(
  kind: string,
  file: string,
  options: { agency: string; dryRun?: boolean; json?: boolean },
): Promise<void> {
  if (!IMPORT_KINDS.includes(kind as ImportKind)) throw new Error(`unknown import "${kind}": use ${IMPORT_KINDS.join(', ')}`);
  if (!/^\d{5}$/.test(options.agency)) throw new Error('--agency must be a 5-digit SAFIR code');
  const bytes = readFileSync(file);
  const actor = `cli:${userInfo().username}`;
  await withContext(async (ctx) => {
    const bar = progressBar(options.dryRun ? 'essai' : 'import');
    let started = false;
    try {
      const report = await ctx.get(SpreadsheetImport).run({
        kind: kind as ImportKind,
        safir: options.agency,
        fileName: basename(file),
        bytes,
        principal: { userId: actor, displayName: actor, grants: [{ role: 'admin' }] },
        context: { actor, role: 'operator', correlationId: `cli-import-${Date.now().toString(36)}` },
        dryRun: options.dryRun ?? false,
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
      if (started) bar.stop();
      console.log(options.json ? JSON.stringify(report, null, 2) : reportText(report));
      if (report.counts.REFUSED > 0) process.exitCode = 1;
    } catch (e) {
      if (started) bar.stop();
      if (e instanceof SpreadsheetError) throw new Error(`${e.message} [${e.code}]`, { cause: e });
      throw e;
    }
  });
}
