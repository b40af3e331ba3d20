// The objective form's live SMART check: as the person types, the draft goes
// to POST /api/smart/check (with the session and its CSRF token) and the
// verdict is shown beside the form. Fields the sentence reader understood
// (the API's "read") fill the empty inputs. Works without this script: the
// form posts and the server checks everything again.
'use strict';
(function () {
	const form = document.getElementById('objective-form');
	const out = document.getElementById('smart-live');
	if (!form || !out) return;
	const token = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
	const lang = document.documentElement.lang || 'fr';
	const L = lang === 'en'
		? { score: 'Score', questions: 'Questions to ask', filled: 'filled in from the sentence',
			specific: 'Specific', measurable: 'Measurable', achievable: 'Achievable',
			relevant: 'Relevant', time_bound: 'Time-bound', pass: 'ok', warn: 'review', fail: 'missing' }
		: { score: 'Score', questions: 'Questions à se poser', filled: 'rempli d\'après la phrase',
			specific: 'Spécifique', measurable: 'Mesurable', achievable: 'Atteignable',
			relevant: 'Pertinent', time_bound: 'Temporel', pass: 'ok', warn: 'à revoir', fail: 'manque' };

	function num(v) {
		if (!v) return undefined;
		const n = Number(String(v).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
		return Number.isFinite(n) ? n : undefined;
	}

	function draft() {
		const f = new FormData(form);
		const d = {};
		for (const k of ['title', 'what', 'who', 'where', 'why', 'how', 'indicator', 'unit', 'level',
			'direction']) {
			const v = (f.get(k) || '').trim();
			if (v) d[k] = v;
		}
		if (!d.title) d.title = '';
		for (const k of ['parent_id', 'axis_id']) {
			const v = f.get(k);
			if (v) d[k] = Number(v);
		}
		const owner = f.get('owner') || '';
		if (owner.startsWith('p:')) d.owner_person_id = Number(owner.slice(2));
		if (owner.startsWith('u:')) d.owner_unit_id = Number(owner.slice(2));
		for (const k of ['baseline', 'target']) {
			const n = num(f.get(k));
			if (n !== undefined) d[k] = n;
		}
		for (const k of ['start', 'due']) {
			const v = f.get(k);
			if (/^\d{4}-\d{2}-\d{2}$/.test(v || '')) d[k] = v;
		}
		return d;
	}

	function el(tag, cls, text) {
		const e = document.createElement(tag);
		if (cls) e.className = cls;
		if (text !== undefined) e.textContent = text;
		return e;
	}

	// fields of the sentence reader's result that an empty input takes
	function fill(read) {
		if (!read) return;
		const put = (name, value) => {
			const input = form.elements[name];
			if (!input || value === undefined || value === null) return;
			// an input the person filled, or a choice they made, stays theirs
			if (input.tagName === 'SELECT' ? input.dataset.touched : input.value) return;
			if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === String(value)))
				return;
			input.value = value;
			input.dataset.filled = '1';
			input.title = L.filled;
		};
		put('direction', read.direction);
		put('indicator', read.indicator);
		put('target', read.target);
		put('unit', read.unit);
		put('start', read.start);
		put('due', read.due);
	}

	function show(v) {
		out.replaceChildren();
		const p = el('p');
		p.append(L.score + ' : ', el('strong', '', String(v.score)), '/100');
		out.append(p);
		const ul = el('ul', 'smart');
		for (const k of ['specific', 'measurable', 'achievable', 'relevant', 'time_bound']) {
			const c = v.criteria[k];
			const li = el('li', 'sv sv-' + c.verdict);
			li.append(el('strong', '', L[k]), ' — ' + L[c.verdict]);
			if (c.reasons.length) {
				const r = el('ul');
				for (const x of c.reasons) {
					const i = el('li', '', x.message + ' ');
					if (x.suggestion) i.append(el('em', '', x.suggestion));
					r.append(i);
				}
				li.append(r);
			}
			ul.append(li);
		}
		out.append(ul);
		if (v.questions && v.questions.length) {
			out.append(el('p', '', L.questions));
			const q = el('ul');
			for (const s of v.questions) q.append(el('li', '', s));
			out.append(q);
		}
	}

	let timer = null, seq = 0;
	async function check() {
		const mine = ++seq;
		try {
			const r = await fetch('/api/smart/check', {
				method: 'POST', credentials: 'same-origin',
				headers: { 'content-type': 'application/json', 'x-csrf-token': token,
					'accept-language': lang },
				body: JSON.stringify(draft()),
			});
			if (mine !== seq) return;  // a newer check is on its way
			const v = await r.json();
			if (r.ok) {
				fill(v.read);
				show(v);
			} else if (v.error) {
				out.replaceChildren(el('p', 'field-error', v.error.message));
			}
		} catch (e) {
			/* offline or server gone: the form still posts */
		}
	}
	form.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(check, 250);
	});
	form.addEventListener('change', (ev) => {
		if (ev.isTrusted && ev.target.tagName === 'SELECT') ev.target.dataset.touched = '1';
		clearTimeout(timer);
		timer = setTimeout(check, 50);
	});
	if ((form.elements.title || {}).value) check();
})();
