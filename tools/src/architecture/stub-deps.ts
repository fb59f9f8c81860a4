/**
 * A stand-in for every dependency a module factory takes (db, logger, other modules' APIs,
 * events): any property is another stub, any call returns a stub, and it is not a thenable.
 * Building a module with it wires its routes without touching a database.
 */
export function stubDeps(): Record<string, unknown> {
  const target = function stub() {};
  return new Proxy(target, {
    get: (_target, property) => (property === 'then' ? undefined : property === Symbol.toPrimitive ? () => 'stub' : stubDeps()),
    apply: () => stubDeps(),
    construct: () => stubDeps(),
  }) as unknown as Record<string, unknown>;
}
