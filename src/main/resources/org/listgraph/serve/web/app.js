// The listgraph query page: saved queries, a query box, results as a table. No libraries, no network
// access beyond this server, so it works offline.
'use strict';

const state = { endpoint: '/listgraph/sparql', base: null, queries: [], current: null, running: null };
const $ = (id) => document.getElementById(id);

const el = LG.el;

function status(text, isError) {
  const s = $('status');
  s.textContent = text;
  s.className = isError ? 'error' : '';
}

function short(iri) {
  return LG.shortIri(iri, state.base);
}

function choose(q) {
  if (state.running) state.running.abort();
  state.current = q;
  $('results').replaceChildren();
  $('downloads').replaceChildren();
  $('sent-box').hidden = true;
  status('');
  document.querySelectorAll('#saved button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.name === q.name)));
  $('description').textContent = q.description || '';
  $('query').value = q.text;
  const params = $('params');
  params.replaceChildren();
  q.parameters.forEach((p) => {
    params.append(el('label', { for: 'param-' + p.name }, p.name),
      el('input', { id: 'param-' + p.name, 'data-param': p.name, required: 'required', autocomplete: 'off' }),
      el('span', { class: 'help' }, p.help));
  });
  history.replaceState(null, '', '#' + encodeURIComponent(q.name));
  const first = params.querySelector('input');
  if (first) first.focus();
}

async function prepare() {
  const body = new URLSearchParams();
  body.set('query', $('query').value);
  document.querySelectorAll('#params input').forEach((i) => body.set('param.' + i.dataset.param, i.value));
  const r = await fetch('/page/prepare', { method: 'POST', body, signal: state.running.signal });
  const answer = await r.json();
  if (!r.ok) throw new Error(answer.error || ('prepare failed: ' + r.status));
  return answer.query;
}

function cell(term) {
  if (!term) return el('td', {});
  if (term.type === 'uri') {
    const a = el('a', { href: '#', title: 'Describe ' + term.value }, short(term.value));
    a.addEventListener('click', (e) => { e.preventDefault(); describe(term.value); });
    if (!state.base || !term.value.startsWith(state.base)) return el('td', {}, a);
    // The store's own nodes can also be seen among their neighbours.
    return el('td', {}, a, ' ', el('a', { href: '/explore#iri=' + encodeURIComponent(term.value), class: 'explore',
      title: 'Explore its neighbours as a graph' }, 'graph'));
  }
  if (term.type === 'bnode') return el('td', {}, '_:' + term.value);
  const extra = term['xml:lang'] ? el('span', { class: 'lang' }, ' @' + term['xml:lang'])
    : term.datatype && !term.datatype.endsWith('#string') ? el('span', { class: 'dt' }, ' ^^' + short(term.datatype)) : '';
  return el('td', {}, term.value, extra);
}

function table(json) {
  const vars = json.head.vars || [];
  const rows = json.results.bindings;
  return el('table', { id: 'result-table' },
    el('thead', {}, el('tr', {}, vars.map((v) => el('th', {}, v)))),
    el('tbody', {}, rows.map((b) => el('tr', {}, vars.map((v) => cell(b[v]))))));
}

function downloads(sparql, graph) {
  const d = $('downloads');
  d.replaceChildren();
  const formats = graph ? [['Turtle', 'ttl'], ['N-Triples', 'nt'], ['JSON-LD', 'json-ld']] : [['CSV', 'csv'], ['TSV', 'tsv'], ['JSON', 'json']];
  d.append('Download: ');
  for (const [label, output] of formats) {
    const href = state.endpoint + '?query=' + encodeURIComponent(sparql) + '&output=' + output;
    d.append(el('a', { href, download: 'results.' + output.replace('json-ld', 'jsonld') }, label), ' ');
  }
}

async function run() {
  // A new run replaces the one still going, so an older answer never overwrites a newer one.
  if (state.running) state.running.abort();
  const control = new AbortController();
  state.running = control;
  // This run answers from the newest data the page has heard of: its "new data" note is done with.
  if (watched.latest !== undefined && watched.seen !== watched.latest) {
    watched.seen = watched.latest;
    if (!$('watch').classList.contains('failed')) $('watch').hidden = true;
  }
  const missing = [...document.querySelectorAll('#params input')].filter((i) => i.value.trim() === '');
  if (missing.length > 0) {
    status('Give a value for ' + missing.map((i) => i.dataset.param).join(', ') + '.', true);
    missing[0].focus();
    return;
  }
  const started = performance.now();
  status('Running…');
  $('results').replaceChildren();
  $('downloads').replaceChildren();
  let sparql;
  try {
    sparql = await prepare();
  } catch (e) {
    if (e.name !== 'AbortError') status(e.message, true);
    return;
  }
  $('sent').textContent = sparql;
  $('sent-box').hidden = false;
  let r;
  try {
    r = await fetch(state.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json, text/turtle;q=0.9' },
      body: sparql,
      signal: control.signal
    });
  } catch (e) {
    if (e.name !== 'AbortError') status('The server did not answer: ' + e.message, true);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!r.ok) {
    const text = (await r.text()).trim();
    status(r.status === 503 ? 'The query took longer than the server allows (timeout); make it cheaper, e.g. with LIMIT.\n' + text
      : 'The endpoint answered ' + r.status + ': ' + text, true);
    return;
  }
  const type = r.headers.get('Content-Type') || '';
  let body;
  try {
    body = await r.text();
  } catch (e) {
    if (e.name !== 'AbortError') status('The answer broke off: ' + e.message, true);
    return;
  }
  if (control.signal.aborted) return;
  downloads(sparql, !type.includes('json'));
  if (!type.includes('json')) {
    $('results').append(el('pre', { id: 'result-rdf' }, body));
    status('Graph answered in ' + seconds + ' s');
    return;
  }
  let json;
  try {
    json = JSON.parse(body);
  } catch (e) {
    // The server streams rows; when the timeout strikes mid-stream the answer ends unfinished.
    status('The results are incomplete: the query ran out of time while the rows were being sent. Make it cheaper, e.g. with LIMIT.', true);
    return;
  }
  if (typeof json.boolean === 'boolean') {
    $('results').append(el('p', { id: 'ask' }, 'Answer: ' + json.boolean));
    status('ASK answered in ' + seconds + ' s');
    return;
  }
  const n = json.results.bindings.length;
  $('results').append(table(json));
  if (n === 0 && state.current && state.current.lookups) suggest(state.current);
  const cap = Number(r.headers.get('Listgraph-Row-Limit'));
  status(n + (n === 1 ? ' row' : ' rows') + ' in ' + seconds + ' s'
    + (cap > 0 && n >= cap ? ' (the server answers at most ' + cap + ' rows: there may be more; page with LIMIT and OFFSET)' : ''));
}

// A saved query that names a person or topic and finds nothing offers the close values, as 'listgraph query' does.
async function suggest(q) {
  for (const [param, lookup] of Object.entries(q.lookups)) {
    const input = document.querySelector('#params input[data-param="' + param + '"]');
    if (!input) continue;
    const body = new URLSearchParams();
    body.set('lookup', lookup);
    body.set('value', input.value);
    let answer;
    try {
      answer = await (await fetch('/page/suggest', { method: 'POST', body })).json();
    } catch (e) {
      return;
    }
    const close = answer.suggestions || [];
    const p = el('p', { id: 'suggestions' }, 'No rows for ' + param + ' "' + input.value + '". ');
    if (close.length === 0) {
      p.append(lookup === 'versions' ? 'It is not a later version of another list (revisionOf in lists.json), or holds what that one holds.'
        : 'Nothing close; the saved query ' + (lookup === 'topics' ? 'topics' : 'authors') + ' lists them all.');
    } else {
      p.append('Did you mean ');
      close.forEach((c, i) => {
        const b = el('button', { type: 'button', class: 'suggestion' }, c);
        b.addEventListener('click', () => { input.value = c; run(); });
        p.append(i > 0 ? ', ' : '', b);
      });
      p.append('?');
    }
    $('results').append(p);
  }
}

function describe(iri) {
  if (/[<>"{}|^`\\\s]/.test(iri)) {
    status('This IRI cannot be written in a query: ' + iri, true);
    return;
  }
  state.current = null;
  document.querySelectorAll('#saved button').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  $('params').replaceChildren();
  $('description').textContent = '';
  $('query').value = 'DESCRIBE <' + iri + '>';
  run();
}

async function init() {
  try {
    const config = await (await fetch('/page/config.json')).json();
    state.endpoint = config.endpoint;
    state.base = config.base;
    state.queries = config.queries;
  } catch (e) {
    status('Could not load the saved queries: ' + e.message, true);
  }
  $('endpoint').textContent = new URL(state.endpoint, location.href).href;
  const list = $('saved');
  state.queries.forEach((q) => {
    const b = el('button', { type: 'button', 'data-name': q.name, 'aria-pressed': 'false' }, q.title, el('small', {}, q.name));
    b.addEventListener('click', () => choose(q));
    list.append(el('li', {}, b));
  });
  $('form').addEventListener('submit', (e) => { e.preventDefault(); run(); });
  $('query').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
  let wanted = '';
  try {
    wanted = decodeURIComponent(location.hash.slice(1));
  } catch (e) {
    // a malformed #fragment: start with no saved query chosen
  }
  const q = state.queries.find((x) => x.name === wanted);
  if (q) choose(q);
}

// A server run with --watch rebuilds when the lists change: say so when new data is there, or when a rebuild
// stopped (its problems as text), so an answer on screen is never taken for the current one unawares.
const watched = { seen: null };

function watchBanner(w) {
  const box = $('watch');
  const time = new Date(w.at).toLocaleTimeString();
  box.replaceChildren();
  box.className = 'watch';
  if (w.state === 'rebuilding') {
    box.append('The lists changed; rebuilding… (answers still come from the state before)');
  } else if (w.state === 'failed') {
    box.className = 'watch failed';
    box.append('The rebuild at ' + time + ' stopped; answers still come from the last good state. It said:',
      el('pre', {}, w.problems.join('\n')));
  } else if (watched.seen !== null && w.generation !== watched.seen) {
    box.append('New data since this page loaded or the query last ran (rebuilt at ' + time + '): run the query again to see it.');
  } else {
    box.hidden = true;
    return;
  }
  box.hidden = false;
}

async function watch() {
  try {
    const w = await (await fetch('/page/watch.json', { cache: 'no-store' })).json();
    if (!w.watching) return; // a server that does not rebuild: nothing to follow
    if (watched.seen === null) watched.seen = w.generation;
    watched.latest = w.generation;
    watchBanner(w);
  } catch (e) {
    // the server is gone or restarting: try again later
  }
  setTimeout(watch, 2000);
}

document.addEventListener('DOMContentLoaded', init);
document.addEventListener('DOMContentLoaded', watch);
