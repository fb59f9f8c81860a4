/**
 * Background work a module runs inside the serving process (a reconciler, a relay, a pruner).
 * The host starts every worker after migrations and stops it before closing the database.
 */
export interface Worker {
  /** Unique within the module; logs and `/ready` name it `<module>/<name>`. */
  readonly name: string;
  start(): Promise<void>;
  /** Finishes the work in hand, then resolves. */
  stop(): Promise<void>;
}
