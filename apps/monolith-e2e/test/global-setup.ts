import type { TestProject } from 'vitest/node';
import { freshMonolithDatabase, startMonolith } from '../src/monolith-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One real monolith, on a fresh database, shared by the HTTP suites. */
export default async function setup(project: TestProject) {
  const database = await freshMonolithDatabase('e2e');
  const monolith = await startMonolith(database.env);
  project.provide('baseUrl', monolith.baseUrl);
  return async () => {
    await monolith.stop();
    await database.cleanup();
  };
}
