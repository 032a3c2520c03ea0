import { fileURLToPath } from 'node:url';

/** The repository's root folder, where package.json is. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
