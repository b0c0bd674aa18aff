/** The project's seeded generator (src/random.ts) under the name the tests' fixtures use. */
export { mulberry32 as seeded } from '../../src/random.js';
