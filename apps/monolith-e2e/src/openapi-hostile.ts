import { randomUUID } from 'node:crypto';

/**
 * Hostile requests derived from an OpenAPI 3.1 document: for every operation, a well-formed
 * baseline built from its schemas, then that baseline with one thing broken at a time (each path,
 * query and header parameter, each body field at any depth, and the body as a whole). Nothing
 * here knows the shop's routes, so a route added tomorrow is walked tomorrow.
 */

// The document is JSON Schema as @hono/zod-openapi writes it; only the parts read here are typed.
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface HostileRequest {
  /** What is broken, for the failure message. */
  label: string;
  method: string;
  /** Path and query string, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = document.components?.schemas?.[name] ?? {};
  }
  const alternative = current.anyOf?.[0] ?? current.oneOf?.[0];
  if (alternative) return resolve(document, alternative);
  if (current.allOf?.length) return current.allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolve(document, part) }), {});
  return current;
}

const typeOf = (schema: Schema) => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);

let sequence = 0;

/** A value the schema accepts, as far as a small generator can tell (patterns are not solved). */
export function validValue(document: OpenApiDocument, raw: Schema | undefined): unknown {
  const schema = resolve(document, raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) out[key] = validValue(document, property);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => validValue(document, schema.items));
    case 'integer':
    case 'number':
      return Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Math.max(schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1));
    case 'boolean':
      return true;
    default: {
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return `hostile.${process.pid}.${Date.now()}.${++sequence}@example.com`;
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.pattern && /\\d/.test(schema.pattern)) return '1';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    }
  }
}

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

/** Values that are wrong for almost any field: types, NULs, extremes, look-alikes of ids and cursors. */
export const BAD_VALUES: { label: string; value: unknown }[] = [
  { label: 'NUL string', value: '\u0000' },
  { label: 'string with NUL', value: 'abc\u0000def' },
  { label: 'empty string', value: '' },
  { label: 'whitespace', value: '   ' },
  { label: 'long string', value: 'x'.repeat(1_500) },
  { label: 'emoji', value: '🙂\u200d' },
  { label: 'lone surrogate', value: '\ud800' },
  { label: 'SQL', value: "' or 1=1; drop table customers --" },
  { label: 'invalid uuid', value: 'not-a-uuid' },
  { label: 'almost a uuid', value: '00000000-0000-0000-0000-00000000000g' },
  { label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'cursor: year 0', value: cursorOf(`0000-01-01T00:00:00.000Z|${randomUUID()}`) },
  { label: 'cursor: negative year', value: cursorOf(`-000001-01-01T00:00:00.000Z|${randomUUID()}`) },
  { label: 'cursor: year 275760', value: cursorOf(`+275760-09-13T00:00:00.000Z|${randomUUID()}`) },
  { label: 'cursor: bad id', value: cursorOf('2026-01-01T00:00:00.000Z|nope') },
  { label: 'cursor: garbage', value: '%%%***' },
  { label: 'zero', value: 0 },
  { label: 'negative', value: -1 },
  { label: 'fraction', value: 1.5 },
  { label: 'huge number', value: 1e308 },
  { label: 'past int64', value: 9.3e18 },
  { label: 'past safe integer', value: 2 ** 53 + 2 },
  { label: 'digits past int64', value: '99999999999999999999999' },
  { label: 'true', value: true },
  { label: 'null', value: null },
  { label: 'object', value: { nested: { deeper: '\u0000' } } },
  { label: 'array', value: ['\u0000', 1] },
];

/** Raw bodies that are wrong as a whole, with the content type they claim. */
function badBodies(validBody: unknown): { label: string; contentType?: string; body: string | Uint8Array }[] {
  const valid = JSON.stringify(validBody ?? {});
  let deep = '0';
  for (let i = 0; i < 50_000; i++) deep = `[${deep}]`;
  return [
    { label: 'no content type', body: valid },
    { label: 'text/plain', contentType: 'text/plain', body: valid },
    { label: 'form-urlencoded', contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=%00' },
    { label: 'multipart without boundary', contentType: 'multipart/form-data', body: '--x\r\n' },
    { label: 'xml', contentType: 'application/xml', body: '<a/>' },
    { label: 'malformed JSON', contentType: 'application/json', body: '{"a":' },
    { label: 'empty JSON body', contentType: 'application/json', body: '' },
    { label: 'JSON null', contentType: 'application/json', body: 'null' },
    { label: 'JSON array', contentType: 'application/json', body: '[]' },
    { label: 'JSON string', contentType: 'application/json', body: '"\\u0000"' },
    { label: 'JSON number 1e400', contentType: 'application/json', body: '1e400' },
    { label: 'duplicate keys', contentType: 'application/json', body: valid.replace(/^\{/, '{"__proto__":{"polluted":1},') },
    { label: 'nested 50,000 deep', contentType: 'application/json', body: deep },
    { label: 'oversized (2 MB)', contentType: 'application/json', body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }) },
    { label: 'invalid UTF-8 declared', contentType: 'application/json; charset=utf-8', body: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  ];
}

/** The path of every node of a JSON value (the root, each object key, each array's first element), to break one at a time. */
function nodePaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? [prefix, ...nodePaths(value[0], [...prefix, 0])] : [prefix];
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([key, item]) => nodePaths(item, [...prefix, key]))];
  return [prefix];
}

function withValueAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy;
}

/** `encodeURIComponent`, except that a lone surrogate becomes the raw (invalid UTF-8) bytes a hostile client would send. */
const encodeSegment = (text: string) =>
  // Iterating a string yields code points, and a lone surrogate on its own.
  [...text].map((char) => (/^[\ud800-\udfff]$/.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('');

const asParameterText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Every hostile request for every operation of the document. */
export function hostileRequests(document: OpenApiDocument): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const pathValues = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, String(validValue(document, p.schema))]));
      const queryValues = Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, asParameterText(validValue(document, p.schema))]));
      const headerValues = Object.fromEntries(parameters.filter((p) => p.in === 'header').map((p) => [p.name, asParameterText(validValue(document, p.schema))]));
      const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
      const validBody = jsonSchema ? validValue(document, jsonSchema) : undefined;

      const build = (
        label: string,
        parts: { path?: Record<string, string>; query?: Record<string, string>; headers?: Record<string, string>; body?: string | Uint8Array; contentType?: string | null },
      ) => {
        const pathText = template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeSegment(parts.path?.[name] ?? pathValues[name] ?? 'x'));
        const query = new URLSearchParams(parts.query ?? queryValues).toString();
        const bodyText = parts.body ?? (validBody === undefined ? undefined : JSON.stringify(validBody));
        const contentType = parts.contentType === undefined ? (bodyText === undefined ? null : 'application/json') : parts.contentType;
        requests.push({
          label: `${method.toUpperCase()} ${template}: ${label}`,
          method: method.toUpperCase(),
          url: `${pathText}${query ? `?${query}` : ''}`,
          headers: { ...(parts.headers ?? headerValues), ...(contentType ? { 'content-type': contentType } : {}) },
          ...(bodyText === undefined ? {} : { body: bodyText }),
        });
      };

      build('baseline', {});
      for (const bad of BAD_VALUES) {
        const text = asParameterText(bad.value);
        for (const name of Object.keys(pathValues)) build(`path ${name} = ${bad.label}`, { path: { ...pathValues, [name]: text } });
        for (const name of Object.keys(queryValues)) build(`query ${name} = ${bad.label}`, { query: { ...queryValues, [name]: text } });
        build(`unknown query parameter = ${bad.label}`, { query: { ...queryValues, unexpected: text } });
        // Headers cannot carry NUL or lone surrogates on the wire (fetch refuses to send them).
        if (!text.includes('\u0000') && !/[\ud800-\udfff]/.test(text)) {
          for (const name of Object.keys(headerValues)) build(`header ${name} = ${bad.label}`, { headers: { ...headerValues, [name]: text } });
        }
        if (validBody !== undefined) {
          for (const path of nodePaths(validBody)) {
            build(`body ${path.join('.') || '(root)'} = ${bad.label}`, { body: JSON.stringify(withValueAt(validBody, path, bad.value)) });
          }
        }
      }
      // Path parameters that break the URL itself: encoded separators, dots, bad escapes.
      for (const name of Object.keys(pathValues)) {
        for (const raw of ['..', '%2F', '%00', '%E0%A4%A', '%', ' ']) {
          requests.push({
            label: `${method.toUpperCase()} ${template}: raw path ${name} = ${raw}`,
            method: method.toUpperCase(),
            url: template.replace(/\{([^}]+)\}/g, (_m, param: string) => (param === name ? raw.replace(' ', '%20') : encodeURIComponent(pathValues[param] ?? 'x'))),
            headers: validBody === undefined ? {} : { 'content-type': 'application/json' },
            ...(validBody === undefined ? {} : { body: JSON.stringify(validBody) }),
          });
        }
      }
      // The body as a whole, also for operations that take none (it must be ignored or refused);
      // not for GET, which fetch will not send with a body.
      if (method !== 'get') for (const bad of badBodies(validBody)) build(`body: ${bad.label}`, { body: bad.body, contentType: bad.contentType ?? null });
    }
  }
  return requests;
}
