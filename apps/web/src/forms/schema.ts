import requestSchemas from '../api/request-schemas.json';

/**
 * The request schemas of the OpenAPI document (written at build time by scripts/request-schemas.mjs):
 * a form checks each field against the very rules the API enforces.
 */
export interface JsonSchema {
  type?: string;
  $ref?: string;
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  nullable?: boolean;
}

const doc = requestSchemas as unknown as { operations: Record<string, JsonSchema>; schemas: Record<string, JsonSchema> };

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    if (s.$ref) s = doc.schemas[s.$ref.split('/').pop()!];
    else if (s.allOf?.length === 1) s = s.allOf[0];
    else break;
  }
  return s;
}

export function bodySchema(method: string, path: string): JsonSchema | undefined {
  return resolve(doc.operations[`${method} ${path}`]);
}

/** The schema of a dotted field in a body, and whether the API requires it. */
export function fieldSchema(root: JsonSchema | undefined, dotted: string): { schema: JsonSchema | undefined; required: boolean } {
  let node = resolve(root);
  let required = true;
  for (const part of dotted.split('.')) {
    if (!node?.properties) return { schema: undefined, required: false };
    required = required && (node.required ?? []).includes(part);
    node = resolve(node.properties[part]);
  }
  return { schema: node, required };
}
