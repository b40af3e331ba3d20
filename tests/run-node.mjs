// The one runner of the node:test suites (tests/api, tests/browser): runs every
// DIR/*.test.mjs (or the files given), prints the spec report, and ends with
// exactly one summary line:
//   SUITE: N passed, N failed            (", N skipped" follows when N > 0)
// A skipped (or todo) test is reported as skipped, never counted as passed.
// The exit status is non-zero when a test failed, when nothing ran, and, with
// CIBLE_STRICT=1 (CI sets it), when a test was skipped: CI has everything a
// test needs, so a skip there hides a test that did not run.
// Usage, from the repository root:
//   node tests/run-node.mjs SUITE DIR [--serial] [--timeout=MS] [FILE...]
// tests/api/run.mjs and tests/browser/run.mjs are thin entry points over it.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

// A test (not a suite: a suite passes when its cases do) reported by
// node:test's 'test:pass' or 'test:fail' event, counted once.
export function tally() {
	const t = { passed: 0, failed: 0, skipped: 0 };
	return {
		counts: t,
		pass(ev) {
			if (ev.skip !== undefined && ev.skip !== false) t.skipped++;
			else if (ev.todo !== undefined && ev.todo !== false) t.skipped++;
			else if (ev.details?.type !== 'suite') t.passed++;
		},
		// A failing suite or file (a hook that threw: a server that would not
		// start or stop cleanly, a sanitizer report) is a failure of its own.
		// A todo test that fails is not done either: skipped, not failed.
		fail(ev) {
			if (ev.todo !== undefined && ev.todo !== false) t.skipped++;
			else t.failed++;
		},
	};
}

// The summary line and the exit status for counts t.
export function verdict(suite, t, strict) {
	let line = `${suite}: ${t.passed} passed, ${t.failed} failed`;
	if (t.skipped) line += `, ${t.skipped} skipped`;
	const notes = [];
	if (t.passed + t.failed === 0) notes.push(`${suite}: no test ran, which is not a success`);
	if (strict && t.skipped)
		notes.push(`${suite}: ${t.skipped} skipped with CIBLE_STRICT=1, which counts as a failure`);
	const ok = t.failed === 0 && t.passed + t.failed > 0 && !(strict && t.skipped);
	return { line, notes, status: ok ? 0 : 1 };
}

export function runSuite({ suite, dir, files = [], concurrency = true, timeout = 120000 }) {
	const list = files.length
		? files.map((f) => resolve(f))
		: readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(dir, f));
	const strict = process.env.CIBLE_STRICT === '1';
	const count = tally();
	// CIBLE_TEST_JOBS: how many files run at once (node's default for true is
	// one less than the processors: one file at a time on CI's two cores)
	const jobs = Number(process.env.CIBLE_TEST_JOBS);
	if (concurrency === true && Number.isInteger(jobs) && jobs > 0) concurrency = jobs;
	const stream = run({ files: list, concurrency, timeout });
	stream.on('test:pass', count.pass);
	stream.on('test:fail', count.fail);
	const out = stream.compose(spec);
	out.pipe(process.stdout, { end: false });
	return new Promise((done) => {
		out.on('end', () => {
			const v = verdict(suite, count.counts, strict);
			for (const n of v.notes) process.stdout.write(`${n}\n`);
			process.stdout.write(`${v.line}\n`);
			process.exitCode = v.status;
			done(v.status);
		});
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const [suite, dir, ...rest] = process.argv.slice(2);
	if (!suite || !dir) {
		process.stderr.write('usage: node tests/run-node.mjs SUITE DIR [--serial] [--timeout=MS] [FILE...]\n');
		process.exit(2);
	}
	const opts = { suite, dir: resolve(dir), files: [], concurrency: true, timeout: 120000 };
	for (const a of rest) {
		if (a === '--serial') opts.concurrency = false;
		else if (a.startsWith('--timeout=')) opts.timeout = Number(a.slice(10));
		else opts.files.push(a);
	}
	runSuite(opts);
}
