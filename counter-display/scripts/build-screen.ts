/** Builds the counter-display screens: `npx tsx counter-display/scripts/build-screen.ts [outDir]`. */
import { buildCounterScreen } from '../src/build-screen.js';

const out = await buildCounterScreen(process.argv[2]);
process.stdout.write(`counter-display screens built in ${out}\n`);
