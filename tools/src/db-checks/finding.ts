/** One violation of a database boundary rule, with what a reader needs to fix it. */
export interface Finding {
  /** Rule id, e.g. `db/cross-module-reference`. */
  rule: string;
  /** Path relative to the workspace root. */
  file: string;
  /** 1-based line. */
  line: number;
  /** What is wrong here, naming the objects involved. */
  message: string;
  /** One sentence on why the rule exists. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** The other module whose schema the violation reaches into, when there is one. */
  crossed?: string;
  /** The owning team (`team:` tag of the module), when known. */
  owner?: string;
}
