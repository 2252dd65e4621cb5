import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';
import { buildOpenApiDocument } from '@ancrage/platform';

type Json = Record<string, unknown>;

/**
 * Test copy of the component schemas: objects refuse properties they do not document, and OpenAPI
 * 3.0's `nullable` beside a `$ref`/`allOf` becomes an explicit alternative with null.
 */
function tighten(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tighten);
  if (!node || typeof node !== 'object') return node;
  const out: Json = Object.fromEntries(
    Object.entries(node as Json).map(([k, v]) => [
      k,
      k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, tighten(s)])) : tighten(v),
    ]),
  );
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable === true && (out.allOf || out.$ref || out.oneOf || out.anyOf)) {
    const { nullable: _n, description, ...rest } = out;
    return { anyOf: [{ type: 'null' }, rest], ...(description ? { description } : {}) };
  }
  return out;
}

/** Routes left out of the document on purpose (the embedded demo's sign-in helper). */
const EXCLUDED = ['/demo/'];

const local = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));

/**
 * Checks every JSON answer the app sends during a suite against the OpenAPI document: the status
 * is documented for the route, and the body matches its schema exactly (no undocumented field).
 */
export class OpenApiContract {
  readonly violations: string[] = [];
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly doc: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi.json', components: tighten(doc.components) as Json });
  }

  static of(app: INestApplication): OpenApiContract {
    return new OpenApiContract(buildOpenApiDocument(app));
  }

  check(method: string, expressPath: string, status: number, body: unknown): void {
    const path = expressPath.replace(/:(\w+)/g, '{$1}');
    const operation = (this.doc.paths[path] as Json | undefined)?.[method.toLowerCase()] as { responses?: Json } | undefined;
    if (!operation) return void this.violations.push(`${method} ${path}: not in the OpenAPI document`);
    const response = operation.responses?.[String(status)] as { content?: Record<string, { schema?: unknown }> } | undefined;
    if (!response) return void this.violations.push(`${method} ${path}: answered ${status}, which is not documented`);
    const key = `${method} ${path} ${status}`;
    if (!this.validators.has(key)) {
      const schema = response.content?.['application/json']?.schema;
      this.validators.set(key, schema ? this.ajv.compile(tighten(local(schema)) as Json) : null);
    }
    const validate = this.validators.get(key);
    if (!validate) return void this.violations.push(`${method} ${path}: answered ${status} with JSON, but no JSON schema is documented`);
    if (!validate(body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map(
          (e) =>
            `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
        );
      this.violations.push(`${key}: ${errors.join('; ')}`);
    }
  }

  /**
   * Express middleware: inspects each JSON answer of a matched route, whether sent as an object
   * (res.json) or already serialised (the view cache sends the JSON text).
   */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const send = res.send.bind(res);
      let checked = false;
      res.send = (body: unknown) => {
        const isJson =
          /application\/json/.test(String(res.getHeader('content-type') ?? '')) ||
          (typeof body === 'object' && body !== null && !Buffer.isBuffer(body));
        if (!checked && isJson && req.route?.path && !EXCLUDED.some((p) => String(req.route.path).startsWith(p))) {
          checked = true;
          this.check(
            req.method,
            String(req.route.path),
            res.statusCode,
            typeof body === 'string' ? JSON.parse(body) : JSON.parse(JSON.stringify(body ?? null)),
          );
        }
        return send(body);
      };
      next();
    };
  }

  /** Throws, naming each violation once, when any answer strayed from the document. */
  assertClean(): void {
    const unique = [...new Set(this.violations)];
    if (unique.length) throw new Error(`answers that do not match the OpenAPI document:\n  ${unique.join('\n  ')}`);
  }
}
