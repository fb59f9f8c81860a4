type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
/** What a schema says about values, without prose (`description`, `title`, `examples`, `$schema`). */
function shape(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shape);
  if (!isObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !['description', 'title', 'examples', '$schema', 'default'].includes(key))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => [key, shape(value)]),
  );
}
const same = (a: unknown, b: unknown) => JSON.stringify(shape(a)) === JSON.stringify(shape(b));
const enumOf = (schema: Schema): unknown[] | undefined => (Array.isArray(schema['enum']) ? schema['enum'] : schema['const'] !== undefined ? [schema['const']] : undefined);

/**
 * Why a payload valid under `current` may break a consumer written against `recorded`, one line
 * per field: a field removed, retyped or narrowed (fewer enum values, a new format), a field that
 * was optional now required, a new required field (events already stored lack it, and a consumer
 * replaying them would refuse them). A new optional field, a widened enum and prose are compatible.
 */
export function breakingChanges(recorded: unknown, current: unknown, path = '(payload)'): string[] {
  if (!isObject(recorded) || !isObject(current)) return same(recorded, current) ? [] : [`${path}: changed`];
  if (recorded['type'] === 'object' && current['type'] === 'object') {
    const before = (recorded['properties'] ?? {}) as Schema;
    const after = (current['properties'] ?? {}) as Schema;
    const requiredBefore = new Set((recorded['required'] ?? []) as string[]);
    const requiredAfter = new Set((current['required'] ?? []) as string[]);
    const changes: string[] = [];
    for (const field of Object.keys(before)) {
      const at = path === '(payload)' ? field : `${path}.${field}`;
      if (!(field in after)) changes.push(`${at}: removed`);
      else changes.push(...breakingChanges(before[field], after[field], at));
    }
    for (const field of Object.keys(after)) {
      const at = path === '(payload)' ? field : `${path}.${field}`;
      if (!(field in before) && requiredAfter.has(field)) changes.push(`${at}: new required field`);
      if (field in before && requiredAfter.has(field) && !requiredBefore.has(field)) changes.push(`${at}: was optional, now required`);
    }
    return changes;
  }
  if (recorded['type'] === 'array' && current['type'] === 'array') return breakingChanges(recorded['items'], current['items'], `${path}[]`);
  const valuesBefore = enumOf(recorded);
  const valuesAfter = enumOf(current);
  if (valuesBefore && valuesAfter && recorded['type'] === current['type']) {
    const dropped = valuesBefore.filter((value) => !valuesAfter.some((v) => JSON.stringify(v) === JSON.stringify(value)));
    if (dropped.length > 0) return [`${path}: no longer allows ${dropped.map((v) => JSON.stringify(v)).join(', ')}`];
    return [];
  }
  if (same(recorded, current)) return [];
  if (recorded['type'] !== current['type']) return [`${path}: retyped from ${JSON.stringify(recorded['type'] ?? 'any')} to ${JSON.stringify(current['type'] ?? 'any')}`];
  return [`${path}: constraints changed (${JSON.stringify(shape(recorded))} → ${JSON.stringify(shape(current))})`];
}

/** Whether the recorded and the current schema describe the same values (prose aside). */
export function sameContract(recorded: unknown, current: unknown): boolean {
  return same(recorded, current);
}
