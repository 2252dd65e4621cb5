import fc from 'fast-check';

type Schema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  $ref?: string;
  allOf?: Schema[];
};

/** Values that have broken APIs: wrong types, edges of ranges, hostile text, prototype keys, depth. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    -0,
    1e20,
    -1e20,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff\ud800',
    '2019-02-30',
    '2017-02-29',
    '2018-W01-1',
    '20180630',
    '9999-99-99',
    '1e20',
    'NaN',
    '__proto__',
    'constructor',
    'toString',
    '<script>alert(1)</script>',
    "'; DROP TABLE event_log; --",
    '=HYPERLINK("http://x")',
    'x'.repeat(5000),
    '🙂'.repeat(50),
    [],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.integer({ min: 20, max: 60 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
);

export function resolve(doc: { components: { schemas: Record<string, Schema> } }, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    if (s.$ref) s = doc.components.schemas[s.$ref.split('/').pop()!];
    else if (s.allOf?.length === 1) s = s.allOf[0];
    else break;
  }
  return s;
}

/** A value that looks like what the schema wants (an enum member, an example, a right-typed value). */
function plausible(doc: Parameters<typeof resolve>[0], schema: Schema | undefined, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (!s) return hostile;
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.example !== undefined) return fc.oneof(fc.constant(s.example), hostile);
  switch (s.type) {
    case 'integer':
      return fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer());
    case 'number':
      return fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.double());
    case 'boolean':
      return fc.boolean();
    case 'string':
      return s.format === 'date'
        ? fc.constantFrom('2018-06-30', '2018-02-30')
        : fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('fuzz-id', 'ml-berck', '62001'));
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(value(doc, s.items, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : body(doc, s, depth + 1);
    default:
      return hostile;
  }
}

/** A value for a field: mostly plausible, often hostile. */
function value(doc: Parameters<typeof resolve>[0], schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: plausible(doc, schema, depth) }, { weight: 2, arbitrary: hostile });
}

/** A body built from an object schema: each property present or not, plausible or hostile, plus strays. */
export function body(doc: Parameters<typeof resolve>[0], schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (!s?.properties) return fc.oneof(hostile, fc.jsonValue({ maxDepth: 3 }));
  const fields = Object.fromEntries(
    Object.entries(s.properties).map(([name, p]) => [name, fc.option(value(doc, p, depth), { nil: undefined, freq: 4 })]),
  );
  const stray = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'actor', 'x\u0000'), hostile, { maxKeys: 2 });
  return fc.tuple(fc.record(fields), stray, fc.boolean()).map(([known, extra, withExtra]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(known)) if (v !== undefined) out[k] = v;
    if (withExtra)
      for (const [k, v] of Object.entries(extra))
        Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
    return out;
  });
}

/** A path parameter: usually the real thing (so the request reaches its handler), sometimes hostile. */
export function pathValue(name: string, known: Record<string, string[]>): fc.Arbitrary<string> {
  const real = known[name] ?? ['x1'];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', '%00', '%ED%A0%80', 'a%2Fb', '1e20', '-1', '0', "'", '%', 'x'.repeat(300)),
    },
  );
}

export function queryValue(doc: Parameters<typeof resolve>[0], schema: Schema | undefined): fc.Arbitrary<string> {
  return value(doc, schema).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
}
