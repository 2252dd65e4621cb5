import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as catalogue from '../../apps/web/src/i18n/catalogue';
import { KNOWN_EVENT_TYPES } from '../../apps/web/src/i18n/history';
import { createOpenApiDocument } from '@ancrage/api';
import { JsonLogger, loadConfig, externalDatabase } from '@ancrage/platform';

const ROOT = join(__dirname, '../..');
const maps = (Object.values(catalogue) as unknown[]).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
const labelled = (code: string) => maps.some((m) => Object.hasOwn(m, code));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}
const backEnd = sources(join(ROOT, 'libs')).map((path) => readFileSync(path, 'utf8'));

/** Every code the API can put in front of a user has its French words in the one catalogue. */
describe('the French catalogue', () => {
  it('labels every value of every enum in the OpenAPI document', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://preview.invalid/none' });
    const doc = await createOpenApiDocument({ config, database: externalDatabase(config.databaseUrl!), logger: new JsonLogger('error') });
    const values = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const { enum: list, ...rest } = node as { enum?: unknown[] };
      list?.forEach((v) => typeof v === 'string' && values.add(v));
      Object.values(rest).forEach(walk);
    };
    walk(doc.components);
    walk(doc.paths);
    // Technical values a user never reads: export formats, the signature algorithm, sort keys.
    const technical = [
      'json',
      'csv',
      'xlsx',
      'utf-8',
      'windows-1252',
      'fr',
      'en',
      'Ed25519',
      'ancrage-tree-head/1',
      'safir',
      'reached',
      'lateActions',
    ];
    const missing = [...values].filter((v) => !labelled(v) && !technical.includes(v));
    expect(missing).toEqual([]);
    expect(values.size).toBeGreaterThan(100);
  });

  it('names every event type, and tells each in a French sentence', () => {
    const types = new Set(backEnd.flatMap((text) => [...text.matchAll(/\|\s*\{\s*type: '([A-Z][A-Za-z]+)'/g)].map((m) => m[1])));
    expect(types.size).toBeGreaterThan(40);
    expect([...types].filter((t) => !Object.hasOwn(catalogue.EVENT_TYPE, t))).toEqual([]);
    expect([...types].filter((t) => !KNOWN_EVENT_TYPES.includes(t))).toEqual([]);
  });

  it('has the words for every error code the back end can answer', () => {
    const codes = new Set(
      backEnd.flatMap((text) => [
        ...[...text.matchAll(/DomainError\(\s*'([A-Z_]+)'/g)].map((m) => m[1]),
        ...[...text.matchAll(/code: '([A-Z][A-Z_]+)'/g)].map((m) => m[1]),
        ...[...text.matchAll(/'((?:MISSING|MALFORMED|INVALID|EXPIRED|REVOKED|UNKNOWN)_[A-Z_]+|USER_DISABLED)'/g)].map((m) => m[1]),
      ]),
    );
    expect(codes.size).toBeGreaterThan(80);
    expect([...codes].filter((c) => !Object.hasOwn(catalogue.ERROR_CODE, c))).toEqual([]);
  });

  it('has the words for every validation constraint the DTOs use', () => {
    const decorators = new Set(
      backEnd.flatMap((text) =>
        [...text.matchAll(/@(Is[A-Za-z0-9]+|Min|Max|Length|Matches|ArrayMinSize|ArrayMaxSize|NotEquals|ValidateNested)\(/g)].map(
          (m) => m[1],
        ),
      ),
    );
    // Decorators that wrap another constraint answer with the code of the one they wrap.
    const WRAPS: Record<string, string> = { ValidateNested: 'nestedValidation', IsISO8601: 'isIso8601', IsClientId: 'matches' };
    const constraint = (d: string) => WRAPS[d] ?? d.charAt(0).toLowerCase() + d.slice(1);
    const missing = [...decorators].map(constraint).filter((c) => c !== 'isOptional' && !Object.hasOwn(catalogue.VALIDATION_CODE, c));
    expect(missing).toEqual([]);
  });
});
