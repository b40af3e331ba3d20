// Runs every tests/browser/*.test.mjs (real chromium through playwright-core)
// node:test, prints the spec report, and ends with exactly one summary line:
//   browser: N passed, N failed
// Exits non-zero on any failure. Usage, from the repository root:
//   CIBLE_BIN=$PWD/build/cible node tests/browser/run.mjs [file ...]
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.length > 2
	? process.argv.slice(2).map((f) => resolve(f))
	: readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, f));

let passed = 0;
let failed = 0;
const stream = run({ files, concurrency: false, timeout: 180000 });
// A suite passes when its cases do, so only cases count; but a failing suite or
// file (a hook that threw: a server that would not start or stop cleanly, a
// sanitizer report) is a failure of its own.
stream.on('test:pass', (t) => { if (t.details?.type !== 'suite') passed++; });
stream.on('test:fail', () => { failed++; });
const out = stream.compose(spec);
out.pipe(process.stdout, { end: false });
out.on('end', () => {
	if (passed + failed === 0) failed = 1;  // nothing ran: that is not a success
	process.stdout.write(`browser: ${passed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
});
