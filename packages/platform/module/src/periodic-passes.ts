/**
 * The loop of a background worker that works in passes: the first right after `start`, then one
 * `intervalMs` after the previous finished, or at once when a pass answers `true` (more is
 * waiting). A pass that throws goes to `onError` and the loop goes on: the next pass tries again
 * (a database or a dependency away). `stop` lets the pass in hand finish and schedules no other.
 */
export class PeriodicPasses {
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<void> | undefined;
  #stopped = true;

  constructor(
    private readonly options: {
      intervalMs: number;
      /** One pass; `true` when it left work undone (a full batch), so the next starts at once. */
      pass: () => Promise<boolean | void>;
      onError: (error: unknown) => void;
    },
  ) {}

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#pass;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#pass = this.#run().then((more) => this.#schedule(more ? 0 : this.options.intervalMs));
    }, delayMs);
    // A worker alone never keeps the process alive.
    this.#timer.unref();
  }

  async #run(): Promise<boolean> {
    try {
      return (await this.options.pass()) === true;
    } catch (error) {
      this.options.onError(error);
      return false;
    }
  }
}
