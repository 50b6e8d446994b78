/**
 * Entry of the bench's runtime process (bundled by `motcua bench kiosk`, run as `node <bundle> <job.json>`):
 * prints one JSON line, RuntimeBenchResult.
 */
import { readFileSync } from 'node:fs';
import { runRuntimeBench, type RuntimeBenchJob } from './kiosk-runtime.js';

const jobFile = process.argv[2];
if (jobFile === undefined) throw new Error('usage: node kiosk-runtime.mjs <job.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as RuntimeBenchJob;
process.stdout.write(`${JSON.stringify(await runRuntimeBench(job))}\n`);
