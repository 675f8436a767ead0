import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the bench runs from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** Where `npm run bench` writes its JSON. */
export const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));
