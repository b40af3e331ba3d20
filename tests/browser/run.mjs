// The browser suite: every tests/browser/*.test.mjs (real chromium through
// playwright-core), one file at a time, run by tests/run-node.mjs, which prints
// "browser: N passed, N failed[, N skipped]" last. Usage, from the repository root:
//   CIBLE_BIN=$PWD/build/cible node tests/browser/run.mjs [file ...]
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuite } from '../run-node.mjs';

runSuite({ suite: 'browser', dir: dirname(fileURLToPath(import.meta.url)),
	files: process.argv.slice(2), concurrency: false, timeout: 180000 });
