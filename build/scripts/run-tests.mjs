#!/usr/bin/env node
// Runs the whole Vitest suite and ends with one plain summary line ("N passed, N failed, N skipped"), so a CI
// log says at a glance how many tests ran. Exits with Vitest's own exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = join(mkdtempSync(join(tmpdir(), 'motcua-vitest-')), 'report.json');
const r = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let summary = 'no test report was written';
try {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  summary = `${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests + j.numTodoTests} skipped`;
  if (j.numTotalTests === 0) summary += ' (no tests ran)';
} catch {
  // keep the fallback summary
}
console.log(`\nvitest: ${summary}`);
process.exit(r.status ?? 1);
