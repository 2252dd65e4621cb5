import { JsonLogger, loadConfig, externalDatabase } from '@ancrage/platform';
import { createOpenApiDocument } from './create-app';

type Operation = {
  operationId: string;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown; example?: { code?: string } }> }>;
  /** A POST that starts work and records no event of its own (a digest run, a dry run). */
  'x-records-nothing'?: boolean;
};

/** A command (@ApiCommand) takes an Idempotency-Key; a POST that only reads (verify-digest) does not. */
const isCommand = (op: Operation) => op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key') ?? false;

/**
 * The web client is generated from this document, so every operation must say what it answers:
 * its success schema, and each error it can give with the one error shape and an example.
 */
describe('the OpenAPI document', () => {
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://preview.invalid/none' });
    const doc = await createOpenApiDocument({ config, database: externalDatabase(config.databaseUrl!), logger: new JsonLogger('error') });
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ method, path, op })),
    );
  });

  it('covers every route of the API', () => {
    expect(operations.length).toBeGreaterThan(70);
  });

  it('documents a JSON success schema for every operation, or a file for a download', () => {
    const missing = operations.filter(({ op }) => {
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      const content = success?.[1].content ?? {};
      const download =
        Object.keys(content).length > 0 &&
        Object.values(content).every((c) => (c.schema as { format?: string } | undefined)?.format === 'binary');
      return !content['application/json']?.schema && !download;
    });
    expect(missing.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
  });

  it('documents the errors each operation can give, with the one error shape and an example code', () => {
    const gaps: string[] = [];
    for (const { method, path, op } of operations) {
      const expected = new Set<string>();
      if (op.security?.length) ['401', '403', '429'].forEach((s) => expected.add(s));
      if (op.parameters?.length || op.requestBody) expected.add('400');
      if (op.parameters?.some((p) => p.in === 'path')) expected.add('404');
      if (isCommand(op)) ['400', '404', '409', '422'].forEach((s) => expected.add(s));
      for (const status of expected) {
        const answer = op.responses[status]?.content?.['application/json'];
        const schema = JSON.stringify(answer?.schema ?? null);
        if (!schema.includes('#/components/schemas/ErrorResponse') || !answer?.example?.code)
          gaps.push(`${method.toUpperCase()} ${path} ${status}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('marks every write as a command with an Idempotency-Key header', () => {
    const writes = operations.filter(
      (o) =>
        !o.op['x-records-nothing'] &&
        (['put', 'patch', 'delete'].includes(o.method) || (o.method === 'post' && !o.path.startsWith('/audit/'))),
    );
    expect(writes.filter((o) => !isCommand(o.op)).map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
  });

  it('names operations after their controller and method, uniquely', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('Fund_commit');
  });

  it('carries the request validation rules (pattern, bounds, enums) for clients that validate as they type', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://preview.invalid/none' });
    const doc = await createOpenApiDocument({ config, database: externalDatabase(config.databaseUrl!), logger: new JsonLogger('error') });
    const commit = (doc.components!.schemas!.CommitExpenditureDto as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(commit.amountCents).toMatchObject({ type: 'integer', minimum: 1 });
    expect(commit.commitmentId.pattern).toBeDefined();
    expect(commit.rationale).toMatchObject({ minLength: 1, maxLength: 2000 });
  });
});
