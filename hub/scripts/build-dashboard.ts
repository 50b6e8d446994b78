/** `npx tsx hub/scripts/build-dashboard.ts [outDir]`: builds the supervisors' dashboard screen (default hub/dist/dashboard). */
import { buildDashboardScreen } from '../src/dashboard/build-screen.js';

const out = await buildDashboardScreen(process.argv[2]);
console.log(`dashboard screen built in ${out}`);
