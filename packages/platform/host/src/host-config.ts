import { z } from 'zod';
import type { ModuleDescriptor } from '@shop/platform-module';

/**
 * The host's environment schema: its own variables plus every composed module's, so the whole
 * environment is read and validated once, at start-up. Two modules may read one variable only
 * with the same schema object.
 */
export function hostConfigSchema<S extends z.ZodObject>(host: S, modules: readonly ModuleDescriptor[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = { ...host.shape };
  for (const module of modules) {
    for (const [variable, schema] of Object.entries(module.config?.shape ?? {})) {
      const existing = shape[variable];
      if (existing && existing !== schema) {
        throw new Error(`module "${module.name}" declares ${variable} with a schema different from another declaration of it`);
      }
      shape[variable] = schema as z.ZodType;
    }
  }
  return z.object(shape);
}

/** The part of the parsed environment a module declared, parsed again by its own schema for its types. */
export function moduleConfigOf(module: ModuleDescriptor, environment: Record<string, unknown>): Record<string, unknown> {
  if (!module.config) return {};
  const picked = Object.fromEntries(Object.keys(module.config.shape).map((key) => [key, environment[key]]));
  return module.config.parse(picked) as Record<string, unknown>;
}
