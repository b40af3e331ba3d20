// The import page: the chosen file is read here (UTF-8, else Windows-1252 as
// French Excel writes it), its first rows shown, its columns offered for the
// mapping with guesses from their names; then the whole file goes to
// POST /api/import and the report is shown. The server sniffs and checks
// everything again: this is only the preview.
'use strict';
(function () {
	const form = document.getElementById('import-form');
	if (!form) return;
	const $ = (id) => document.getElementById(id);
	const W = $('import-words').dataset;
	const token = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
	let text = '', sep = ',', header = [], rows = [], jsonl = false;

	function decode(buf) {
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(buf);
		} catch (e) {
			return new TextDecoder('windows-1252').decode(buf);
		}
	}

	// one CSV line into fields (quotes, doubled quotes; enough for a preview)
	function split(line) {
		const out = [];
		let cur = '', q = false;
		for (let i = 0; i < line.length; i++) {
			const c = line[i];
			if (q) {
				if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false;
				else cur += c;
			} else if (c === '"') q = true;
			else if (c === sep) { out.push(cur); cur = ''; } else cur += c;
		}
		out.push(cur);
		return out;
	}

	const GUESS = [
		[/^(agent|conseiller|person|personne|employee|sales_agent|vendeur|email|e-mail)$/i, 'person'],
		[/^(date|day|jour|order_date|close_date|at)$/i, 'date'],
		[/^(time|heure|hour)$/i, 'time'],
		[/(^|\s|_)id$|^n°|^(call id|source_id|ref|opportunity_id)$/i, 'id'],
	];
	const FIELD = [
		[/answered|décroché|decroche/i, 'answered', 'bool'], [/resolved|résolu|resolu/i, 'resolved', 'bool'],
		[/speed|délai|delai/i, 'speed', 'number'], [/talk|durée|duree/i, 'talk', 'duration'],
		[/satisf|csat/i, 'csat', 'number'], [/topic|motif|sujet/i, 'topic', 'text'],
		[/amount|montant/i, 'amount', 'number'], [/stage|étape/i, 'stage', 'text'],
		[/close_value|value|valeur/i, 'value', 'number'], [/product|produit/i, 'product', 'text'],
	];

	function fillSelect(id, role) {
		const s = $(id);
		const keep = s.querySelector('option[value=""]');
		s.replaceChildren(...(keep ? [keep] : []));
		header.forEach((h) => {
			const o = document.createElement('option');
			o.value = h;
			o.textContent = h;
			s.append(o);
		});
		const g = header.find((h) => GUESS.some(([re, r]) => r === role && re.test(h.trim())));
		if (g) s.value = g;
	}

	function show() {
		const table = $('preview');
		table.replaceChildren();
		const head = document.createElement('tr');
		header.forEach((h) => {
			const th = document.createElement('th');
			th.scope = 'col';
			th.textContent = h;
			head.append(th);
		});
		const thead = document.createElement('thead');
		thead.append(head);
		const tbody = document.createElement('tbody');
		rows.slice(0, 5).forEach((r) => {
			const tr = document.createElement('tr');
			r.forEach((v) => { const td = document.createElement('td'); td.textContent = v; tr.append(td); });
			tbody.append(tr);
		});
		table.append(thead, tbody);
		$('dialect').textContent = jsonl ? 'JSON lines'
			: [sep === ';' ? W.dialect_semicolon : sep === '\t' ? W.dialect_tab : W.dialect_comma,
				/\d,\d/.test(text.slice(0, 4096)) && sep !== ',' ? W.decimal_comma : ''].filter(Boolean).join(', ');
		for (const [id, role] of [['f-person', 'person'], ['f-date', 'date'], ['f-time', 'time'], ['f-id', 'id']])
			fillSelect(id, role);
		const tb = $('fields').tBodies[0];
		tb.replaceChildren();
		const tpl = $('field-row');
		header.forEach((h, i) => {
			const row = tpl.content.firstElementChild.cloneNode(true);
			row.querySelector('.col').textContent = h;
			row.dataset.column = h;
			const guess = FIELD.find(([re]) => re.test(h));
			const name = row.querySelector('.name');
			name.value = guess ? guess[1] : h.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
			row.querySelector('.type').value = guess ? guess[2] : 'text';
			row.querySelector('.use').checked = !!guess;
			row.querySelector('.sample').textContent = (rows[0] || [])[i] || '';
			tb.append(row);
		});
		$('preview-section').hidden = false;
		$('mapping-section').hidden = false;
	}

	$('f-file').addEventListener('change', async (ev) => {
		const file = ev.target.files[0];
		if (!file) return;
		text = decode(await file.arrayBuffer()).replace(/^\ufeff/, '');
		jsonl = /\.(jsonl|ndjson)$/i.test(file.name) || text.trimStart().startsWith('{');
		const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 6);
		if (jsonl) {
			const objs = lines.map((l) => { try { return JSON.parse(l); } catch (e) { return {}; } });
			const flat = objs.map((o) => ({ ...o, ...(o.fields || {}) }));
			header = [...new Set(flat.flatMap((o) => Object.keys(o)))].filter((k) => k !== 'fields');
			rows = flat.map((o) => header.map((k) => String(o[k] ?? '')));
		} else {
			const first = lines[0] || '';
			const count = (c) => first.split(c).length;
			sep = [';', '\t', ','].reduce((a, c) => (count(c) > count(a) ? c : a), ',');
			header = split(first);
			rows = lines.slice(1).map(split);
		}
		show();
	});

	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const fields = [...$('fields').tBodies[0].rows]
			.filter((r) => r.querySelector('.use').checked)
			.map((r) => ({ name: r.querySelector('.name').value.trim(), column: r.dataset.column,
				type: r.querySelector('.type').value }));
		const body = { kind: $('f-kind').value.trim(), person: $('f-person').value,
			date: $('f-date').value, fields, keep_good: $('f-keep').checked,
			format: jsonl ? 'jsonl' : 'csv', data: text };
		if ($('f-time').value) body.time = $('f-time').value;
		if ($('f-id').value) body.id = $('f-id').value;
		if ($('f-save').value.trim()) body.save_mapping = $('f-save').value.trim();
		const out = $('report');
		out.replaceChildren();
		$('running').hidden = false;
		try {
			const r = await fetch('/api/import', { method: 'POST', credentials: 'same-origin',
				headers: { 'content-type': 'application/json', 'x-csrf-token': token,
					'accept-language': document.documentElement.lang },
				body: JSON.stringify(body) });
			const v = await r.json();
			const rep = r.ok ? v : v.error && v.error.report;
			const h = document.createElement('h2');
			h.textContent = r.ok ? W.done : W.failed + ' ' + (v.error ? v.error.message : r.status);
			out.append(h);
			if (rep) {
				const p = document.createElement('p');
				p.className = 'report-counts';
				p.textContent = `${rep.read} ${W.read} · ${rep.stored} ${W.stored} · ${rep.duplicates} ${W.duplicates} · ${rep.rejected} ${W.rejected}`;
				out.append(p);
				if (!rep.stored_any) {
					const n = document.createElement('p');
					n.className = 'error';
					n.textContent = W.nothing;
					out.append(n);
				}
				if (rep.rejections.length) {
					const ul = document.createElement('ul');
					for (const x of rep.rejections) {
						const li = document.createElement('li');
						li.textContent = `${W.line} ${x.line}, ${W.column} « ${x.column} » : ${x.reason}`;
						ul.append(li);
					}
					out.append(ul);
				}
			}
		} catch (e) {
			out.textContent = W.failed + ' ' + e.message;
		} finally {
			$('running').hidden = true;
		}
	});
})();
