/**
 * The one import of the reader under test, so that the bench follows it if it moves. It is the
 * function `appel check` uses (src/cli/check-command.ts).
 */
export { analyseManuscript } from '../src/adapters/manuscript/analyse-manuscript.js';
