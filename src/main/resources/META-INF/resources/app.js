'use strict';
// The Elicitor page: plain JavaScript over the public API (no build step). Every figure shown comes from the API.
(function () {
  const $ = (id) => document.getElementById(id);
  let session = null;
  let query = null;
  let busy = false;

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children) e.append(c);
    return e;
  }

  const fmt = (x, digits = 2) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(digits));
  const pct = (p) => Math.round(100 * p) + '%';

  async function api(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let r;
    try {
      r = await fetch(path, init);
    } catch (e) {
      throw new Error('The service cannot be reached (' + e.message + ').');
    }
    const text = await r.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!r.ok) {
      const detail = (data && (data.detail || data.title)) || (r.status + ' ' + r.statusText);
      throw new Error(detail + (data && data.field ? ' (' + data.field + ')' : ''));
    }
    return data;
  }

  function showError(e) {
    $('error').textContent = e.message || String(e);
    $('error').hidden = false;
  }

  function clearError() {
    $('error').hidden = true;
    $('error').textContent = '';
  }

  async function loadCatalogs() {
    const catalogs = await api('GET', '/catalogs');
    const select = $('catalog');
    select.replaceChildren();
    for (const c of catalogs.filter((c) => c.latest)) {
      select.append(el('option', { value: c.id, textContent: c.title + ' (' + c.itemCount + ' items)' }));
    }
    $('catalog-help').textContent = catalogs.length ? '' : 'No catalog is loaded.';
  }

  /** Runs one user action at a time; a failure shows the API's detail instead of a blank page. */
  async function exclusively(action) {
    if (busy) return;
    busy = true;
    clearError();
    try {
      await action();
    } catch (e) {
      showError(e);
    } finally {
      busy = false;
    }
  }

  function start(ev) {
    ev.preventDefault();
    return exclusively(async () => {
      const body = { catalog: $('catalog').value, queryKind: $('query-kind').value };
      if ($('strategy').value) body.strategy = $('strategy').value;
      session = await api('POST', '/sessions', body);
      document.body.dataset.sessionId = session.sessionId;
      $('restart').hidden = false;
      await next();
    });
  }

  async function next() {
    query = await api('POST', '/next-query', { sessionId: session.sessionId });
    renderQuestion();
    await refresh();
  }

  function optionCards() {
    if (query.kind === 'partial') {
      return query.options.map((o, i) => ({
        title: 'Option ' + String.fromCharCode(65 + i),
        rows: Object.entries(o.attributes),
      }));
    }
    return query.items.map((item) => ({
      title: item.title || item.id,
      rows: Object.entries(item.attributes || {}),
    }));
  }

  function renderQuestion() {
    const cards = optionCards();
    const box = $('options');
    box.replaceChildren();
    cards.forEach((c, i) => {
      const table = el('table');
      for (const [k, v] of c.rows) table.append(el('tr', {}, el('td', { textContent: k }), el('td', { textContent: String(v) })));
      const b = el('button', { type: 'button', className: 'option' },
        el('span', { className: 'key', textContent: String(i + 1), ariaHidden: 'true' }),
        el('h3', { textContent: c.title }), table);
      b.setAttribute('aria-label', 'Choose ' + c.title + ' (key ' + (i + 1) + ')');
      b.dataset.index = String(i);
      b.addEventListener('click', () => answer(i));
      box.append(b);
    });
    $('question-title').textContent = query.kind === 'partial'
      ? 'Which do you prefer, all else being equal?' : 'Which do you prefer?';
    $('stop').hidden = !query.stop;
    renderWhy();
    $('question').hidden = false;
  }

  function renderWhy() {
    const why = query.why;
    const body = $('why-body');
    body.replaceChildren();
    if (!why) return;
    const names = optionCards().map((c) => c.title);
    if (why.partialAttributes) {
      body.append(el('p', { textContent: 'This question shows only ' + why.partialAttributes.join(' and ')
        + ': what you choose tells how much they matter to you.' }));
    }
    if (why.differences && why.differences.length) {
      const list = el('ul', { className: 'why-list' });
      for (const d of why.differences) {
        list.append(el('li', { textContent: d.attribute + ': ' + d.values.map((v) => v ?? '—').join(' vs ') }));
      }
      body.append(el('p', { textContent: 'The options differ most, for what we know of you, on:' }), list);
    }
    const answers = el('ul', { className: 'why-list' });
    why.answers.forEach((a, i) => {
      answers.append(el('li', { textContent: 'If you choose ' + names[i] + ' (we think ' + pct(a.probability)
        + ' likely): the expected regret of our recommendation goes from ' + fmt(why.expectedRegret, 3) + ' to '
        + fmt(why.expectedRegret - a.regretReduction, 3) + '.' }));
    });
    body.append(el('p', { textContent: 'What each answer would teach:' }), answers);
  }

  function answer(i) {
    if (!query) return undefined;
    return exclusively(async () => {
      const body = { sessionId: session.sessionId, queryId: query.queryId };
      if (query.kind === 'partial') body.chosenOption = i; else body.chosenItemId = query.items[i].id;
      await api('POST', '/answer', body);
      await next();
    });
  }

  async function refresh() {
    const id = encodeURIComponent(session.sessionId);
    const [recs, ex] = await Promise.all([
      api('GET', '/sessions/' + id + '/recommendations?limit=5'),
      api('GET', '/sessions/' + id + '/explanation'),
    ]);
    const list = $('recs');
    list.replaceChildren();
    for (const r of recs) {
      const li = el('li', {}, el('strong', { textContent: r.title || r.id }));
      if (r.because && r.because.length) {
        li.append(el('span', { className: 'because', textContent: 'mostly for its '
          + r.because.map((b) => b.attribute + ' ' + (b.value ?? '') + (b.utility >= 0 ? ' (+)' : ' (−)')).join(', ') }));
      }
      list.append(li);
    }
    $('confidence').textContent = 'Chance that the first is your best: ' + pct(ex.probabilityTopIsBest) + '.';
    $('answers-count').textContent = ex.answers + (ex.answers === 1 ? ' answer' : ' answers') + ' so far'
      + (ex.answersWorthAsking != null ? ', ' + ex.answersWorthAsking + ' of them to questions worth asking' : '') + '.';
    renderWeights(ex.attributeWeights);
    renderPopulation(ex.population);
    $('recommendations').hidden = false;
    $('learned').hidden = false;
  }

  function renderWeights(weights) {
    const box = $('weights');
    box.replaceChildren();
    if (!weights) return;
    box.append(el('p', { className: 'help', textContent: 'How much a typical difference in each attribute is worth'
      + ' to you (bar: 90% interval, mark: best guess; right of the line means you prefer more).' }));
    const scaled = weights.map((w) => ({ w, m: w.mean * w.spread, lo: w.low * w.spread, hi: w.high * w.spread }));
    const span = Math.max(1e-9, ...scaled.map((s) => Math.max(Math.abs(s.lo), Math.abs(s.hi))));
    const at = (v) => (50 + 50 * v / span).toFixed(1) + '%';
    for (const s of scaled) {
      const label = s.w.level ? s.w.attribute + ': ' + s.w.level + ' over ' + s.w.baseline : s.w.attribute;
      const track = el('div', { className: 'bar-track' },
        el('div', { className: 'bar-zero' }), el('div', { className: 'bar-interval' }), el('div', { className: 'bar-mean' }));
      track.children[0].style.left = '50%';
      track.children[1].style.left = at(Math.min(s.lo, s.hi));
      track.children[1].style.width = (50 * Math.abs(s.hi - s.lo) / span).toFixed(1) + '%';
      track.children[2].style.left = at(s.m);
      track.setAttribute('aria-label', label + ': ' + fmt(s.m) + ' (90% from ' + fmt(s.lo) + ' to ' + fmt(s.hi) + ')');
      track.setAttribute('role', 'img');
      box.append(el('div', { className: 'bar-row' }, el('span', { textContent: label }), track));
    }
  }

  function renderPopulation(p) {
    const box = $('population');
    box.replaceChildren();
    if (!p) return;
    const part = (title, items) => {
      box.append(el('h3', { textContent: title }));
      const ul = el('ul');
      for (const i of items) ul.append(el('li', { textContent: i.title || i.id }));
      box.append(ul);
    };
    part('You agree with most people on', p.agreed);
    part('You like more than most people', p.likedMore);
    part('You like less than most people', p.likedLess);
  }

  function restart() {
    session = null;
    query = null;
    clearError();
    for (const id of ['question', 'recommendations', 'learned']) $(id).hidden = true;
    $('restart').hidden = true;
    $('start').focus();
  }

  document.addEventListener('keydown', (ev) => {
    if (!query || $('question').hidden || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.target && (ev.target.tagName === 'SELECT' || ev.target.tagName === 'INPUT')) return;
    const n = Number.parseInt(ev.key, 10);
    const count = query.kind === 'partial' ? query.options.length : query.items.length;
    if (n >= 1 && n <= count) {
      ev.preventDefault();
      answer(n - 1);
    }
  });

  $('start-form').addEventListener('submit', start);
  $('restart').addEventListener('click', restart);
  loadCatalogs().catch(showError);
})();
