import fc from 'fast-check';

/**
 * Arbitraries for the hostile-input suite (src/app/hostile-input.fuzz.http.test.ts): values an attacker or a
 * broken client sends, and plausible values built from an OpenAPI (JSON Schema) description so that one
 * hostile field at a time reaches past the others.
 */

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

const controlChar = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));

/** Strings that have broken servers: NUL and control characters, huge, lone surrogates, odd Unicode. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '%00', '\u0007\u001b[31m', '\u007f', '\uffff', '\ud800', 'x\ud83dy'),
  fc.tuple(fc.string({ maxLength: 8 }), controlChar, fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
  fc.constantFrom('2026-02-30', '0000-01-01', '2025-13-01', '9999-99-99', '2026-2-3', '-2026-01-01', '+275760-09-13'),
  fc.constantFrom("' or 1=1 --", '"><script>alert(1)</script>', '../../etc/passwd', '${7*7}', '{{7*7}}'),
  fc.constantFrom('NaN', 'Infinity', '-1', '1e309', '0x10', '9'.repeat(40)),
  fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'A'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Any JSON value of the wrong kind, or a hostile string. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1e308, -1e-308, 1.5, [], {}, [null], { $ne: 1 }, ['a', 'b']),
  fc.integer(),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 2 }),
);

/** A JSON text that does not parse, or parses to something that is not an object. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,', 'nul', '{"a":1}}', '\u0000', '{"a":"\\ud800"}', 'null', '1', '"x"', 'true', ''),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
);

/** A value that fits the schema as far as a generator cheaply can (ids are given, since made-up ones are 404s). */
export function plausible(schema: JsonSchema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.constant('x');
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map((c) => plausible(c, ids, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return plausible(schema.allOf[0], ids, depth + 1);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const entries = Object.entries(schema.properties ?? {});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, inner] of entries) record[key] = plausible(inner, ids, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in record) });
    }
    case 'array':
      return fc.array(plausible(schema.items, ids, depth + 1), { maxLength: 3 });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 5, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 10, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
      if (schema.format === 'date' || schema.pattern?.includes('\\d{4}'))
        return fc.constantFrom('2026-01-15', '2025-06-30', '2024-02-29');
      if (schema.format === 'email') return fc.constant('someone@west.example');
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 20) });
    case undefined:
    default:
      return fc.constant('x');
  }
}

/** A plausible body with one property (or the whole body) replaced by a hostile value. */
export function hostileBody(schema: JsonSchema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema?.properties ?? {});
  const base = plausible(schema, ids);
  if (keys.length === 0) return fc.oneof(base, hostileValue);
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.tuple(base, fc.constantFrom(...keys), hostileValue) },
      { weight: 1, arbitrary: hostileValue.map((v) => [v] as const) },
    )
    .map((picked) => {
      if (picked.length === 1) return picked[0];
      const [body, key, value] = picked;
      return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, [key]: value } : value;
    });
}
