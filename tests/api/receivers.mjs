// What the notification tests share: waiting for a condition, a time zone at
// a chosen local hour, and the SMTP sink (smtp_sink.py, python3-aiosmtpd)
// started on loopback.
import { spawn } from 'node:child_process';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// fn's first truthy value, polled every 200 ms; fails after ms
export async function until(what, fn, ms = 30000) {
	const end = Date.now() + ms;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await sleep(200);
	}
}

// A time zone where it is now about localHour (Etc/GMT-N is UTC+N).
export function zoneAt(localHour) {
	let off = localHour - new Date().getUTCHours();
	if (off > 14) off -= 24;
	if (off < -12) off += 24;
	return off === 0 ? 'UTC' : `Etc/GMT${off > 0 ? '-' : '+'}${Math.abs(off)}`;
}

// The SMTP sink writing what it accepts into dir (extra: its mode and
// files, e.g. 'starttls', cert, key); resolves with { child, port }.
export async function startSmtpSink(dir, ...extra) {
	// Debian's python (python3-aiosmtpd), not one of a version manager earlier in PATH
	const child = spawn(process.env.CIBLE_PYTHON || '/usr/bin/python3',
		[new URL('./smtp_sink.py', import.meta.url).pathname, dir, ...extra],
		{ stdio: ['pipe', 'pipe', 'inherit'] });
	const port = await new Promise((res, rej) => {
		let out = '';
		const t = setTimeout(() => rej(new Error('the SMTP sink did not start')), 15000);
		child.stdout.on('data', (c) => {
			out += c;
			const m = /PORT (\d+)/.exec(out);
			if (m) { clearTimeout(t); res(Number(m[1])); }
		});
		child.on('exit', (code) => rej(new Error(`the SMTP sink exited ${code}`)));
	});
	return { child, port };
}
