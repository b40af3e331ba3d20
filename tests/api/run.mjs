// The API suite: every tests/api/*.test.mjs (each file starts its own server),
// run by tests/run-node.mjs, which prints "api: N passed, N failed[, N skipped]"
// last. Usage, from the repository root:
//   CIBLE_BIN=$PWD/build/cible node tests/api/run.mjs [file ...]
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuite } from '../run-node.mjs';

// A file's time limit (a hang fails it, not the whole run): on PostgreSQL
// every statement is a round trip to the server, and cli.test.mjs alone
// builds four demo organisations (about 25 s each there, 5 s on SQLite), so
// the limit there is longer. access.test.mjs (every route for eight callers,
// about 700 requests) took over 120 s on SQLite while the machine's load was
// 15 on its 2 cores: the limits leave room for a busy machine.
const timeout = process.env.CIBLE_STORE === 'postgres' ? 600000 : 300000;
runSuite({ suite: 'api', dir: dirname(fileURLToPath(import.meta.url)),
	files: process.argv.slice(2), concurrency: true, timeout });
