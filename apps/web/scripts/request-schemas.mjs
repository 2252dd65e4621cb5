// Build step: from the generated OpenAPI document, keep what the page validates forms with: each
// operation's request body schema and the component schemas they reach. The page then checks a
// field as the API will, without shipping the whole document.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../src/api');
const doc = JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8'));
const operations = {};
const needed = new Set();
const collect = (node) => {
  if (!node || typeof node !== 'object') return;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.split('/').pop();
    if (!needed.has(name)) {
      needed.add(name);
      collect(doc.components.schemas[name]);
    }
  }
  for (const value of Object.values(node)) collect(value);
};
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    const schema = op.requestBody?.content?.['application/json']?.schema;
    if (!schema) continue;
    operations[`${method} ${path}`] = schema;
    collect(schema);
  }
}
const schemas = Object.fromEntries([...needed].sort().map((name) => [name, doc.components.schemas[name]]));
writeFileSync(join(dir, 'request-schemas.json'), `${JSON.stringify({ operations, schemas })}\n`);
console.error(`request schemas: ${Object.keys(operations).length} operations, ${needed.size} schemas`);
