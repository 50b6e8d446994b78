/** Builds the kiosk screen with the shared Vite config: `npx tsx kiosk/scripts/build-screen.ts [outDir]`. */
import { buildKioskScreen } from '../src/build-screen.js';

const out = await buildKioskScreen(process.argv[2]);
process.stdout.write(`kiosk screen built in ${out}\n`);
