// What the query page and the explorer share: the standard prefixes, building elements from text (never from
// markup, so a list's text can never become an element), and IRIs written short.
'use strict';

const LG = (() => {
  const PREFIXES = {
    'https://w3id.org/listgraph/ns#': 'lg:', 'http://purl.org/dc/terms/': 'dct:', 'http://xmlns.com/foaf/0.1/': 'foaf:',
    'http://www.w3.org/2004/02/skos/core#': 'skos:', 'https://schema.org/': 'schema:', 'http://www.w3.org/ns/prov#': 'prov:',
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf:', 'http://www.w3.org/2000/01/rdf-schema#': 'rdfs:',
    'http://www.w3.org/2001/XMLSchema#': 'xsd:', 'http://www.w3.org/2002/07/owl#': 'owl:'
  };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) e.setAttribute(k, v); });
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  /** The IRI as lists' users read it: id:… under the store's base, a declared prefix, or whole. */
  function shortIri(iri, base) {
    if (base && iri.startsWith(base) && iri.length > base.length) return 'id:' + iri.slice(base.length);
    for (const [ns, p] of Object.entries(PREFIXES)) {
      if (iri.startsWith(ns) && iri.length > ns.length && !iri.slice(ns.length).includes('/')) return p + iri.slice(ns.length);
    }
    return iri;
  }

  /** The PREFIX lines of the standard prefixes, for queries a person copies and runs elsewhere. */
  function prefixLines(base) {
    const lines = Object.entries(PREFIXES).map(([ns, p]) => 'PREFIX ' + p + ' <' + ns + '>');
    if (base) lines.push('PREFIX id: <' + base + '>');
    return lines.join('\n');
  }

  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

  return { PREFIXES, RDF_TYPE, el, shortIri, prefixLines };
})();
