import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createOpenApiDocument } from '@ancrage/api';
import { JsonLogger, loadConfig, externalDatabase } from '@ancrage/platform';

/** Writes the OpenAPI document (no database needed): the web client is generated from it. */
export async function openapiCommand(opts: { out?: string }): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: 'postgres://preview.invalid/none' });
  const database = externalDatabase(config.databaseUrl!);
  const document = await createOpenApiDocument({ config, database, logger: new JsonLogger('error') });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (!opts.out) return void process.stdout.write(text);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, text);
  console.error(`OpenAPI document written to ${opts.out} (${Object.keys(document.paths).length} paths)`);
}
