// The API suite: every tests/api/*.test.mjs (each file starts its own server),
// run by tests/run-node.mjs, which prints "api: N passed, N failed[, N skipped]"
// last. Usage, from the repository root:
//   CIBLE_BIN=$PWD/build/cible node tests/api/run.mjs [file ...]
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuite } from '../run-node.mjs';

runSuite({ suite: 'api', dir: dirname(fileURLToPath(import.meta.url)),
	files: process.argv.slice(2), concurrency: true, timeout: 120000 });
