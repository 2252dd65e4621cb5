import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SchemaObject, SwaggerModule } from '@nestjs/swagger';
import { ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { CUSTOM_RULE_SCHEMAS } from '../validators';

/** Keywords class-validator knows better than the swagger decorators: the rules the API enforces. */
const CONSTRAINTS = [
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'minItems',
  'maxItems',
  'format',
] as const;

function mergeConstraints(into: SchemaObject, from: SchemaObject): void {
  for (const k of CONSTRAINTS) if (from[k] !== undefined && into[k] === undefined) (into as Record<string, unknown>)[k] = from[k];
  // An integer rule (@IsInt) narrows swagger's "number".
  if (from.type === 'integer' && into.type === 'number') into.type = 'integer';
  if (from.items && into.items && !('$ref' in into.items) && !('$ref' in from.items)) mergeConstraints(into.items, from.items);
}

/**
 * The request schemas carry the validation rules (pattern, lengths, bounds, enums, item counts)
 * read from the DTOs' class-validator decorators, so a client validates as the API does.
 */
function addValidationRules(doc: OpenAPIObject): void {
  const rules = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    // Our own rules (calendar dates, instants, SIRET keys) say what they accept.
    additionalConverters: {
      [ValidationTypes.CUSTOM_VALIDATION]: (meta: { name?: string }) =>
        (CUSTOM_RULE_SCHEMAS[meta.name ?? ''] ?? {}) as Record<string, never>,
    },
  }) as Record<string, SchemaObject>;
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const known = rules[name];
    if (!known?.properties || !('properties' in schema) || !schema.properties) continue;
    for (const [prop, target] of Object.entries(schema.properties)) {
      const source = known.properties[prop];
      if (source && !('$ref' in target) && !('$ref' in source)) mergeConstraints(target, source);
    }
  }
}

/** The OpenAPI document, as served at /docs and as `ancrage openapi` writes it for the web client. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Ancrage API')
    .setDescription(
      'Event-sourced tracker of how employment agencies anchor themselves in their territory. ' +
        'Commands answer with the log position they wrote; queries accept `consistentWith` to wait for it, ' +
        '`asOf` (what had happened by a date) and `knownAt` (what had been recorded by an instant). ' +
        'Every error has one shape (`ErrorResponse`): a stable `code`, and `fields` naming what was refused.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  addValidationRules(doc);
  return doc;
}
