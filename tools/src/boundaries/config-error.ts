/** A broken rules or teams file: the run stops with exit code 2 instead of reporting findings. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
