'use strict';
// The experiments dashboard: plain JavaScript over the admin API; the key stays in this tab's sessionStorage.
(function () {
  const $ = (id) => document.getElementById(id);
  const COLOURS = ['#2457c5', '#d9480f', '#1f7a3a', '#862e9c', '#e67700', '#0b7285', '#5c940d', '#c2255c', '#495057', '#364fc7'];

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children) e.append(c);
    return e;
  }

  // Jackson writes an undefined rate (an arm with no sessions yet) as "NaN": shown as a dash.
  const finite = (x) => x != null && Number.isFinite(Number(x));
  const num = (x, d = 3) => (finite(x) ? Number(x).toFixed(d) : '—');
  const pct = (x) => (finite(x) ? (100 * Number(x)).toFixed(1) + '%' : '—');

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json', 'X-Admin-Key': sessionStorage.getItem('elicitor-admin-key') || '' } });
    const text = await r.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!r.ok) throw new Error((data && (data.detail || data.title)) || (r.status + ' ' + r.statusText));
    return data;
  }

  function showError(e) {
    $('error').textContent = e.message || String(e);
    $('error').hidden = false;
  }

  function table(headers, rows) {
    const t = el('table', { className: 'results' });
    t.append(el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', textContent: h }))));
    for (const r of rows) t.append(el('tr', {}, ...r.map((c) => (c instanceof Node ? el('td', {}, c) : el('td', { textContent: String(c) })))));
    return t;
  }

  /** Cumulative acceptance per arm over time, as lines: the experiment's "regret curve". */
  function timeline(rows, arms) {
    const byArm = new Map(arms.map((a) => [a.name, []]));
    const totals = new Map(arms.map((a) => [a.name, { s: 0, a: 0 }]));
    const times = [...new Set(rows.map((r) => r.bucketStart))].sort();
    for (const t of times) {
      for (const r of rows.filter((x) => x.bucketStart === t && totals.has(x.arm))) {
        totals.get(r.arm).s += r.sessions;
        totals.get(r.arm).a += r.accepted;
      }
      for (const [arm, tot] of totals) if (tot.s > 0) byArm.get(arm).push({ i: times.indexOf(t), v: tot.a / tot.s });
    }
    const w = 640; const h = 220; const pad = 30;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('class', 'timeline');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Cumulative acceptance rate per arm over ' + times.length + ' time buckets');
    const x = (i) => pad + (times.length <= 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (times.length - 1));
    const y = (v) => h - pad - v * (h - 2 * pad);
    for (const v of [0, 0.5, 1]) {
      const line = document.createElementNS(svg.namespaceURI, 'line');
      Object.entries({ x1: pad, x2: w - pad, y1: y(v), y2: y(v), stroke: '#d5dbe8' }).forEach(([k, val]) => line.setAttribute(k, val));
      const label = document.createElementNS(svg.namespaceURI, 'text');
      Object.entries({ x: 2, y: y(v) + 4, 'font-size': 11, fill: '#5b6475' }).forEach(([k, val]) => label.setAttribute(k, val));
      label.textContent = (100 * v) + '%';
      svg.append(line, label);
    }
    arms.forEach((a, k) => {
      const pts = byArm.get(a.name);
      if (!pts.length) return;
      const path = document.createElementNS(svg.namespaceURI, 'polyline');
      path.setAttribute('points', pts.map((p) => x(p.i) + ',' + y(p.v)).join(' '));
      Object.entries({ fill: 'none', stroke: COLOURS[k % COLOURS.length], 'stroke-width': 2 }).forEach(([kk, val]) => path.setAttribute(kk, val));
      svg.append(path);
      for (const p of pts) {
        const c = document.createElementNS(svg.namespaceURI, 'circle');
        Object.entries({ cx: x(p.i), cy: y(p.v), r: 3, fill: COLOURS[k % COLOURS.length] }).forEach(([kk, val]) => c.setAttribute(kk, val));
        svg.append(c);
      }
    });
    const legend = el('p', { className: 'legend' }, ...arms.map((a, k) => {
      const s = el('span', { textContent: '● ' + a.name });
      s.style.color = COLOURS[k % COLOURS.length];
      return s;
    }));
    return el('div', {}, svg, legend);
  }

  async function render(e) {
    const box = el('section', { className: 'experiment' });
    box.setAttribute('aria-label', 'Experiment ' + e.name);
    box.append(el('h2', { textContent: e.name }),
      el('p', {}, el('span', { className: 'status-' + e.status, textContent: e.status }),
        ' · catalog ' + e.catalog + ' · unit ' + e.unit + ' · since ' + e.createdAt + (e.stoppedAt ? ' · stopped ' + e.stoppedAt : '')));
    const [r, rows] = await Promise.all([api('/experiments/' + e.id + '/results'), api('/experiments/' + e.id + '/timeline?bucket=minute')]);
    box.append(table(['arm', 'strategy', 'sessions', 'withdrawn', 'acceptance (95%)', 'answers / session', 'stop rate', 'next query p50 / p99 ms'],
      r.arms.map((a) => [a.name, a.strategy, a.sessions, a.withdrawnSessions,
        pct(a.acceptanceRate) + ' [' + pct(a.acceptanceLow) + ', ' + pct(a.acceptanceHigh) + ']',
        num(a.answersPerSession, 2), pct(a.stopRate), num(a.nextQueryMsP50, 1) + ' / ' + num(a.nextQueryMsP99, 1)])));
    box.append(table(['arm − control', 'acceptance difference (95%)', 'always-valid p', 'verdict'],
      r.comparisons.map((c) => [c.arm + ' − ' + c.control,
        pct(c.difference) + ' [' + pct(c.differenceLow) + ', ' + pct(c.differenceHigh) + ']', num(c.alwaysValidPValue),
        el('span', { className: c.significant ? 'ok' : '', textContent: c.significant ? 'significant' : 'not (yet) significant' })])));
    box.append(el('p', {}, 'Sample-ratio check: p = ' + num(r.sampleRatioPValue) + ' ',
      el('span', { className: r.sampleRatioMismatch ? 'flag' : 'ok', textContent: r.sampleRatioMismatch
        ? 'MISMATCH: assignment is broken; do not trust the comparison' : 'ok' })));
    box.append(el('h3', { textContent: 'Acceptance over time (cumulative, per minute of session start)' }), timeline(rows, r.arms));
    return box;
  }

  async function show(ev) {
    if (ev) ev.preventDefault();
    $('error').hidden = true;
    if ($('key').value) sessionStorage.setItem('elicitor-admin-key', $('key').value);
    const box = $('experiments');
    box.replaceChildren();
    try {
      const list = await api('/experiments');
      if (!list.length) box.append(el('p', { textContent: 'No experiment yet: POST /experiments starts one.' }));
      for (const e of list) box.append(await render(e));
    } catch (e) {
      showError(e);
    }
  }

  $('key-form').addEventListener('submit', show);
  if (sessionStorage.getItem('elicitor-admin-key')) show();
})();
