// The listgraph explorer: search the store, draw a node's neighbours, expand any node by clicking it, read its
// details. Every answer comes from the read-only SPARQL endpoint; every text from the lists is set as text.
// Neighbourhoods are read a page at a time, so a node with 100,000 neighbours costs what one with 30 does.
'use strict';

const PAGE = 30;
const LG_NS = 'https://w3id.org/listgraph/ns#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const PROV = 'http://www.w3.org/ns/prov#';

// Node kinds, most specific first: the first type a node has decides its colour and shape.
const KINDS = [
  { name: 'List', types: [LG_NS + 'List'], color: '#c2410c', symbol: 'triangle', size: 26 },
  { name: 'Topic', types: [LG_NS + 'Topic', SKOS + 'Concept', SKOS + 'ConceptScheme'], color: '#15803d', symbol: 'diamond', size: 22 },
  { name: 'Series', types: [LG_NS + 'Series'], color: '#0e7490', symbol: 'pin', size: 22 },
  { name: 'Organization', types: [FOAF + 'Organization'], color: '#7e22ce', symbol: 'rect', size: 20 },
  { name: 'Person or agent', types: [FOAF + 'Person', FOAF + 'Agent', PROV + 'Agent'], color: '#db2777', symbol: 'roundRect', size: 20 },
  { name: 'Work', types: [LG_NS + 'Resource'], color: '#2457c5', symbol: 'circle', size: 18 },
  { name: 'Entry, section or account', types: [LG_NS + 'Entry', LG_NS + 'RemovedEntry', LG_NS + 'Section', FOAF + 'OnlineAccount', LG_NS + 'Commit'],
    color: '#a16207', symbol: 'emptyCircle', size: 12, structure: true },
  { name: 'Other', types: [], color: '#64748b', symbol: 'circle', size: 14 },
  { name: 'More', types: [], color: '#94a3b8', symbol: 'roundRect', size: 16 }
];
const OTHER = KINDS.length - 2;
const MORE = KINDS.length - 1;
const STRUCTURE_TYPES = KINDS.filter((k) => k.structure).flatMap((k) => k.types);
// Label properties, best first.
const LABELS = [SKOS + 'prefLabel', 'http://purl.org/dc/terms/title', FOAF + 'name', FOAF + 'nick', LG_NS + 'label',
  FOAF + 'accountName', 'http://www.w3.org/2000/01/rdf-schema#label', LG_NS + 'commitId'];

const state = {
  endpoint: '/listgraph/sparql', base: null,
  nodes: new Map(), // iri -> { iri, label, types, kind, work, pages, more, expanded }
  edges: new Map(), // "s p o" -> { s, p, o }
  order: [], // expanded nodes, in the order the user expanded them
  selected: null, chart: null, searches: 0,
  generation: 0, // a new picture (Clear, the checkbox) makes answers for the old one stale
  loading: new Map() // iri -> the page being read, so two clicks never read the same page twice
};
const $ = (id) => document.getElementById(id);
const el = LG.el;
const short = (iri) => LG.shortIri(iri, state.base);

function status(text, isError) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

/** A SPARQL string literal holding exactly {@code text}. */
function literal(text) {
  return JSON.stringify(text);
}

/** An IRI from the store or from a person, checked before it goes into a query. */
function iriTerm(iri) {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\]*$/.test(iri)) throw new Error('not an IRI: ' + iri);
  return '<' + iri + '>';
}

function showStructure() {
  return $('show-structure').checked;
}

function hiddenFilter(v) {
  if (showStructure()) return '';
  return '  FILTER NOT EXISTS { ' + v + ' a ?hidden . VALUES ?hidden { ' + STRUCTURE_TYPES.map(iriTerm).join(' ') + ' } }\n';
}

async function select(sparql) {
  const r = await fetch(state.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
    body: LG.prefixLines(state.base) + '\n' + sparql
  });
  if (!r.ok) {
    const text = (await r.text()).trim();
    throw new Error(r.status === 503 ? 'the endpoint timed out; try a narrower search' : 'the endpoint answered ' + r.status + ': ' + text);
  }
  return (await r.json()).results.bindings;
}

function kindOf(types) {
  for (let i = 0; i < OTHER; i++) if (KINDS[i].types.some((t) => types.has(t))) return i;
  return OTHER;
}

function labelRank(lang) {
  return !lang || lang.toLowerCase().startsWith('en') ? 0 : 1;
}

/** Types and the best label of each IRI not yet known, in one query. */
async function describeNodes(iris) {
  const unknown = [...new Set(iris)].filter((i) => !state.nodes.has(i));
  if (unknown.length === 0) return;
  const rows = await select('SELECT ?n ?type ?lp ?label WHERE {\n  VALUES ?n { ' + unknown.map(iriTerm).join(' ') + ' }\n'
    + '  { ?n a ?type } UNION { VALUES ?lp { ' + LABELS.map(iriTerm).join(' ') + ' } ?n ?lp ?label }\n}');
  const found = new Map(unknown.map((i) => [i, { types: new Set(), labels: new Map() }]));
  rows.forEach((b) => {
    const f = found.get(b.n.value);
    if (b.type) f.types.add(b.type.value);
    if (b.label) {
      const candidate = { value: b.label.value, rank: labelRank(b.label['xml:lang']) };
      const prev = f.labels.get(b.lp.value);
      // English or untagged first, then the smallest, so the same store always gives the same label.
      if (!prev || candidate.rank < prev.rank || (candidate.rank === prev.rank && candidate.value < prev.value)) f.labels.set(b.lp.value, candidate);
    }
  });
  found.forEach((f, iri) => {
    const lp = LABELS.find((p) => f.labels.has(p));
    const kind = kindOf(f.types);
    // A work's own kind (Talk, Article…) says more than "Work".
    const work = KINDS[kind].name !== 'Work' ? undefined
      : [...f.types].filter((t) => t.startsWith(LG_NS) && t !== LG_NS + 'Resource').map((t) => t.slice(LG_NS.length)).sort()[0];
    state.nodes.set(iri, { iri, label: lp ? f.labels.get(lp).value : short(iri), types: f.types, kind, work, pages: 0, more: false, expanded: false,
      neighbours: new Set() });
  });
}

/** Reads the next page of a node's neighbours, once at a time per node (a second click waits for the first). */
function expand(iri) {
  if (state.loading.has(iri)) return state.loading.get(iri);
  const reading = readPage(iri).finally(() => state.loading.delete(iri));
  state.loading.set(iri, reading);
  return reading;
}

/** Reads and draws one page of a node's neighbours (typed nodes only: URLs stay in the details). */
async function readPage(iri) {
  const node = state.nodes.get(iri);
  if (!node || (node.expanded && !node.more)) return;
  const generation = state.generation;
  status('Reading the neighbours of ' + node.label + '…');
  const x = iriTerm(iri);
  const rows = await select('SELECT ?dir ?p ?n WHERE {\n'
    + '  { ' + x + ' ?p ?n . BIND("out" AS ?dir) } UNION { ?n ?p ' + x + ' . BIND("in" AS ?dir) }\n'
    + '  FILTER(isIRI(?n) && ?n != ' + x + ' && ?p != rdf:type)\n'
    + '  FILTER EXISTS { ?n a ?type }\n' + hiddenFilter('?n')
    // No ORDER BY: sorting a topic's 64,000 works took 4-12 s at a million entries; unsorted, the store's own index
    // order (the same for the same store) gives each page in 0.1 s, and a page at offset 60,000 in about a second.
    + '}\nLIMIT ' + (PAGE + 1) + ' OFFSET ' + (node.pages * PAGE));
  const page = rows.slice(0, PAGE);
  await describeNodes(page.map((b) => b.n.value));
  if (generation !== state.generation) return;
  page.forEach((b) => {
    const s = b.dir.value === 'out' ? iri : b.n.value;
    const o = b.dir.value === 'out' ? b.n.value : iri;
    state.edges.set(s + ' ' + b.p.value + ' ' + o, { s, p: b.p.value, o });
    node.neighbours.add(b.n.value);
  });
  node.pages++;
  node.more = rows.length > PAGE;
  if (!node.expanded) state.order.push(iri);
  node.expanded = true;
  const shown = node.neighbours.size;
  status(node.label + ': ' + shown + (node.more ? '+' : '') + ' neighbour' + (shown === 1 ? '' : 's') + ' drawn'
    + (node.more ? '; click “more…” for the next page' : '') + '.');
  draw();
  if (state.selected === iri) buttons(node);
}

function visibleNodes() {
  const ids = new Set(state.order);
  state.edges.forEach((e) => { ids.add(e.s); ids.add(e.o); });
  if (state.selected) ids.add(state.selected);
  return [...ids].filter((i) => state.nodes.has(i)).sort();
}

/** Where the layout has put each node so far, so a new page of neighbours does not reshuffle the picture. */
function positions() {
  const at = new Map();
  const series = state.chart.getModel().getSeriesByIndex(0);
  const data = series && series.getData();
  if (!data) return at;
  for (let i = 0; i < data.count(); i++) {
    const p = data.getItemLayout(i);
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) at.set(data.getId(i), p);
  }
  return at;
}

function draw() {
  const ids = visibleNodes();
  const at = positions();
  const near = new Map();
  state.edges.forEach((e) => {
    if (!at.has(e.o) && at.has(e.s)) near.set(e.o, at.get(e.s));
    if (!at.has(e.s) && at.has(e.o)) near.set(e.s, at.get(e.o));
  });
  const data = ids.map((iri) => {
    const n = state.nodes.get(iri);
    const p = at.get(iri) || near.get(iri);
    const place = p ? { x: p[0] + (at.has(iri) ? 0 : Math.random() * 40 - 20), y: p[1] + (at.has(iri) ? 0 : Math.random() * 40 - 20) } : {};
    const k = KINDS[n.kind];
    const text = n.label.length > 42 ? n.label.slice(0, 40) + '…' : n.label;
    return { ...place, id: iri, name: text, full: n.label, category: n.kind, symbol: k.symbol, symbolSize: n.expanded ? k.size * 1.35 : k.size,
      itemStyle: iri === state.selected ? { borderColor: '#111827', borderWidth: 3 } : undefined, value: n.work || k.name };
  });
  const links = [...state.edges.values()].map((e) => ({ source: e.s, target: e.o, value: short(e.p), label: { formatter: short(e.p) } }));
  state.order.filter((i) => state.nodes.get(i)?.more).forEach((i) => {
    data.push({ id: 'more ' + i, name: 'more…', category: MORE, symbol: KINDS[MORE].symbol, symbolSize: KINDS[MORE].size, value: 'next ' + PAGE });
    links.push({ source: i, target: 'more ' + i, value: 'next page', lineStyle: { type: 'dashed' } });
  });
  state.chart.setOption({
    series: [{ id: 'graph', type: 'graph', data, links }]
  }, { replaceMerge: ['series'] });
  $('counts').textContent = ids.length + ' nodes, ' + state.edges.size + ' edges';
  $('copy').disabled = state.order.length === 0;
  $('clear').disabled = ids.length === 0;
  $('sparql').textContent = state.order.length ? shownQuery() : '';
  const list = $('nodes');
  list.replaceChildren(...ids.map((iri) => {
    const n = state.nodes.get(iri);
    const b = el('button', { type: 'button', 'data-iri': iri, class: 'node' }, n.label);
    b.addEventListener('click', () => open(iri, true));
    return el('li', {}, b, ' ', el('span', { class: 'kind' }, n.work || KINDS[n.kind].name),
      n.expanded ? el('span', { class: 'hint' }, n.more ? ' (expanded, more to read)' : ' (expanded)') : '');
  }));
}

/** A query that gives what is drawn: the expanded nodes' neighbourhoods, with the same filters. */
function shownQuery() {
  const partial = state.order.filter((i) => state.nodes.get(i)?.more);
  const lines = ['# What the listgraph explorer drew: the neighbours of ' + state.order.length + ' node'
    + (state.order.length === 1 ? '' : 's') + ' (typed nodes only; rdf:type, literals and plain URLs left out).'];
  if (partial.length) lines.push('# The explorer has read only the first pages of ' + partial.map(short).join(', ') + '; this query gives them all.');
  lines.push(LG.prefixLines(state.base), 'CONSTRUCT { ?s ?p ?o } WHERE {', '  VALUES ?focus { ' + state.order.map(iriTerm).join(' ') + ' }',
    '  { ?focus ?p ?o . BIND(?focus AS ?s) BIND(?o AS ?n) } UNION { ?s ?p ?focus . BIND(?focus AS ?o) BIND(?s AS ?n) }',
    '  FILTER(isIRI(?n) && ?n != ?focus && ?p != rdf:type)',
    '  FILTER EXISTS { ?n a ?type }');
  if (!showStructure()) {
    lines.push('  FILTER NOT EXISTS { ?n a ?hidden . VALUES ?hidden { ' + STRUCTURE_TYPES.map(short).join(' ') + ' } }');
  }
  lines.push('}');
  return lines.join('\n');
}

/** Selects a node: its details in the side panel, and (when asked) its neighbours drawn. */
async function open(iri, expandIt) {
  const generation = state.generation;
  try {
    await describeNodes([iri]);
    if (generation !== state.generation) return;
    if (state.nodes.get(iri).types.size === 0) {
      // Not a node of this store (a URL, or a link from elsewhere): say so rather than draw an empty one.
      state.nodes.delete(iri);
      status('Not a node of this store: ' + iri + (/^https?:\/\//.test(iri) ? ' (a web address; the details of the nodes that link to it list it)' : ''), true);
      return;
    }
    state.selected = iri;
    // A click expands a node once; its further pages come from its "more…" node or the More button.
    if (expandIt && !state.nodes.get(iri).expanded) await expand(iri);
    else draw();
    if (generation !== state.generation) return;
    await details(iri);
    history.replaceState(null, '', '#iri=' + encodeURIComponent(iri));
  } catch (e) {
    status(e.message, true);
  }
}

function valueCell(term, property) {
  if (term.type === 'uri') {
    const known = state.nodes.has(term.value);
    const underBase = state.base && term.value.startsWith(state.base);
    // A vocabulary term (foaf:Person, lg:Talk) is a name, not a place to go.
    const names = [LG.RDF_TYPE, SKOS + 'inScheme', 'http://www.w3.org/2000/01/rdf-schema#subClassOf'].includes(property);
    if (names && short(term.value) !== term.value) return el('code', {}, short(term.value));
    if (/^https?:\/\//.test(term.value) && !underBase) {
      return el('a', { href: term.value, rel: 'noopener noreferrer', target: '_blank' }, term.value);
    }
    const b = el('button', { type: 'button', class: 'link', 'data-iri': term.value }, known ? state.nodes.get(term.value).label : short(term.value));
    b.addEventListener('click', () => open(term.value, true));
    return b;
  }
  const extra = term['xml:lang'] ? ' @' + term['xml:lang']
    : term.datatype && !term.datatype.endsWith('#string') ? ' ^^' + short(term.datatype) : '';
  return el('span', {}, term.value, el('span', { class: 'dt' }, extra));
}

function buttons(node) {
  $('expand').hidden = node.expanded;
  $('more').hidden = !(node.expanded && node.more);
}

/** All the node's own properties, what points at it (counted by property), and the list lines it comes from. */
async function details(iri) {
  const node = state.nodes.get(iri);
  const x = iriTerm(iri);
  const [own, incoming, sources] = await Promise.all([
    select('SELECT ?p ?o WHERE { ' + x + ' ?p ?o } ORDER BY ?p ?o LIMIT 201'),
    select('SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s ?p ' + x + ' } GROUP BY ?p ORDER BY ?p'),
    select('SELECT ?entry ?path ?line ?md WHERE {\n  { VALUES ?entry { ' + x + ' } } UNION { ?entry schema:item ' + x + ' }\n'
      + '  ?entry lg:inList ?list ; lg:line ?line .\n  OPTIONAL { ?entry lg:markdown ?md }\n  OPTIONAL { ?list lg:sourcePath ?path }\n'
      + '} ORDER BY ?path ?line LIMIT 51')
  ]);
  if (state.selected !== iri) return;
  $('details').hidden = false;
  $('details-title').textContent = node.label;
  $('details-iri').replaceChildren(el('code', {}, short(iri)), ' ', el('span', { class: 'kind' }, node.work || KINDS[node.kind].name));
  buttons(node);
  const rows = own.slice(0, 200).map((b) => el('tr', {}, el('td', {}, short(b.p.value)), el('td', {}, valueCell(b.o, b.p.value))));
  if (own.length > 200) rows.push(el('tr', {}, el('td', { colspan: '2', class: 'hint' }, 'more than 200 values; query the endpoint for all')));
  incoming.forEach((b) => rows.push(el('tr', { class: 'incoming' }, el('td', {}, '← ' + short(b.p.value)),
    el('td', {}, b.n.value + (b.n.value === '1' ? ' node points here' : ' nodes point here')))));
  $('properties').tBodies[0].replaceChildren(...rows);
  $('sources-title').hidden = sources.length === 0;
  $('sources').replaceChildren(...sources.slice(0, 50).map((b) => {
    const where = (b.path ? b.path.value : '(list file unknown)') + ':' + b.line.value;
    const open_ = el('button', { type: 'button', class: 'link', 'data-iri': b.entry.value }, where);
    open_.addEventListener('click', () => open(b.entry.value, false));
    return el('li', {}, open_, b.md ? el('pre', { class: 'markdown' }, b.md.value) : '');
  }));
}

async function search(text) {
  const q = text.normalize('NFC').trim();
  $('hits').replaceChildren();
  if (!q) return;
  const run = ++state.searches;
  status('Searching…');
  try {
    if (/^https?:\/\/\S+$/.test(q)) {
      await showHits(run, q, (await select('SELECT ?n WHERE { BIND(' + iriTerm(q) + ' AS ?n) FILTER EXISTS { ?n a ?t } }')).map((b) => b.n.value), true);
      return;
    }
    const lower = q.toLowerCase();
    // The lookup keys are indexed: an exact name, handle or topic answers at once, whatever the store's size.
    const exact = (await select('SELECT DISTINCT ?n WHERE { ?n lg:lookupKey ' + literal(lower) + ' } ORDER BY ?n LIMIT 20')).map((b) => b.n.value);
    await showHits(run, q, exact, false);
    // Then a part of a name, handle, topic or title: the first 20 the store finds. A scan that stops once it has
    // them; names and topics come before titles, and text no title has costs about 10 s at a million entries.
    const partly = await select('SELECT DISTINCT ?n WHERE {\n'
      + '  { ?n lg:lookupKey ?l } UNION { ?n skos:prefLabel ?l } UNION { ?n foaf:name ?l } UNION { ?n dct:title ?l }\n'
      + '  FILTER(CONTAINS(LCASE(STR(?l)), ' + literal(lower) + '))\n} LIMIT 20');
    await showHits(run, q, [...new Set([...exact, ...partly.map((b) => b.n.value)])], true);
  } catch (e) {
    if (run === state.searches) status(e.message, true);
  }
}

/** Lists the hits of search number {@code run}, unless a newer search has started since. */
async function showHits(run, q, found, done) {
  await describeNodes(found);
  if (run !== state.searches) return;
  // Entries, sections and accounts only when the box asks for them, as in the picture.
  const hits = found.filter((i) => showStructure() || !KINDS[state.nodes.get(i).kind].structure);
  $('hits').replaceChildren(...hits.map((iri) => {
    const n = state.nodes.get(iri);
    const b = el('button', { type: 'button', class: 'hit', 'data-iri': iri }, n.label);
    b.addEventListener('click', () => open(iri, true));
    return el('li', {}, b, ' ', el('span', { class: 'kind' }, n.work || KINDS[n.kind].name));
  }));
  if (!done) status(hits.length + ' exact; looking for “' + q + '” in names, topics and titles…');
  else status(hits.length === 0 ? 'Nothing found for “' + q + '”.' : hits.length + (hits.length >= 20 ? '+' : '') + ' found; click one to draw it.');
}

function clear() {
  state.generation++;
  state.loading.clear();
  state.edges.clear();
  state.order = [];
  state.selected = null;
  state.nodes.clear();
  $('details').hidden = true;
  draw();
  status('');
  history.replaceState(null, '', '#');
}

function chart() {
  const c = echarts.init($('graph'), null, { renderer: 'canvas' });
  c.setOption({
    color: KINDS.map((k) => k.color),
    legend: [{ data: KINDS.map((k) => ({ name: k.name, icon: k.symbol })), top: 4, left: 'center', textStyle: { fontSize: 11 } }],
    // Drawn, never parsed: a list's markup in a label stays text.
    tooltip: { renderMode: 'richText', formatter: (p) => (p.dataType === 'edge' ? p.data.value : (p.data.full || p.data.name) + '\n' + p.data.value) },
    series: [{
      id: 'graph', type: 'graph', layout: 'force', roam: true, draggable: true, data: [], links: [], top: 40,
      labelLayout: { hideOverlap: true },
      categories: KINDS.map((k) => ({ name: k.name, symbol: k.symbol, itemStyle: { color: k.color } })),
      label: { show: true, position: 'right', fontSize: 11, color: '#1d2330' },
      edgeLabel: { show: true, fontSize: 9, color: '#5b6475' },
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6,
      force: { repulsion: 260, edgeLength: [60, 140], gravity: 0.08 },
      lineStyle: { color: '#9aa3b2', curveness: 0.08 },
      emphasis: { focus: 'adjacency' }
    }]
  });
  c.on('click', (p) => {
    if (p.dataType !== 'node') return;
    if (p.data.id.startsWith('more ')) {
      const owner = p.data.id.slice(5);
      open(owner, false).then(() => expand(owner)).catch((e) => status(e.message, true));
    } else {
      open(p.data.id, true);
    }
  });
  window.addEventListener('resize', () => c.resize());
  return c;
}

async function init() {
  try {
    const config = await (await fetch('/page/config.json')).json();
    state.endpoint = config.endpoint;
    state.base = config.base;
  } catch (e) {
    status('The page could not read its settings: ' + e.message, true);
    return;
  }
  state.chart = chart();
  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); search($('search').value); });
  $('expand').addEventListener('click', () => state.selected && expand(state.selected).catch((e) => status(e.message, true)));
  $('more').addEventListener('click', () => state.selected && expand(state.selected).catch((e) => status(e.message, true)));
  $('clear').addEventListener('click', clear);
  $('show-structure').addEventListener('change', () => {
    const keep = state.order.slice();
    clear();
    (async () => { for (const i of keep) await open(i, true); })();
  });
  $('copy').addEventListener('click', async () => {
    const text = shownQuery();
    try {
      await navigator.clipboard.writeText(text);
      status('The SPARQL for this picture is on the clipboard.');
    } catch (e) {
      $('sparql-box').open = true;
      status('Copy it from “SPARQL for what you see” below (the browser refused the clipboard).');
    }
  });
  const hash = new URLSearchParams(location.hash.slice(1));
  const wanted = hash.get('iri');
  if (wanted && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(wanted)) {
    $('search').value = wanted;
    await search(wanted);
  } else if (wanted) await open(wanted, true);
  else if (hash.get('q')) {
    $('search').value = hash.get('q');
    await search(hash.get('q'));
  }
  $('search').focus();
}

document.addEventListener('DOMContentLoaded', init);
