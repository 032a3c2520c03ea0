import type { TestProject } from 'vitest/node';
import { startPrismMock } from '../../scripts/harness/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismMockUrl: string;
  }
}

/** Starts one Prism mock of the bundled spec for the whole run and stops it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrismMock();
  project.provide('prismMockUrl', prism.url);
  return () => prism.stop();
}
