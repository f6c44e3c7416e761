/* PolicyKG interactive graph page.
 *
 * Safety: every string in the data is untrusted text from news dispatches. It reaches the page only
 * through textContent, element attributes set one by one (links only after their scheme is checked)
 * and Cytoscape's canvas text rendering. Nothing here uses innerHTML, insertAdjacentHTML,
 * document.write or eval.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  // BIG: lighter drawing (no arrows or edge labels, fewer node labels); LARGE: quick spectral layout
  var BIG = DATA.nodes.length > 1500;
  var LARGE = DATA.nodes.length > 1000;
  var SMALL = DATA.nodes.length <= 80;

  var TYPE_COLOURS = DATA.meta.type_colours;  // one table, in kg/viz/network.py
  var TYPE_NAMES = {
    PolicyEvent: "Policy event", Country: "Country", Bloc: "Bloc", GovernmentBody: "Government body",
    Company: "Company", ResearchOrganization: "Research organisation", Person: "Person", Group: "Group",
    Technology: "Technology", Legislation: "Legislation", LegalCase: "Legal case", Unknown: "Unknown"
  };
  var EDGE_COLOURS = DATA.meta.edge_colours;
  var EDGE_NAMES = {
    actor: "actor", target: "target", affects: "affects", precedent: "precedent",
    respondsTo: "responds to", analogousTo: "analogous to", relation: "relation between entities"
  };
  var RELATION_COLOUR = DATA.meta.relation_colour;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function safeUrl(u) {
    if (typeof u !== "string" || !u) { return null; }
    try {
      var parsed = new URL(u);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") ? parsed.href : null;
    } catch (e) { return null; }
  }
  function link(text, url) {
    var href = safeUrl(url);
    if (!href) { return el("span", text); }
    var a = el("a", text);
    a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function uniqSorted(values) {
    var seen = {}; var out = [];
    values.forEach(function (v) { if (v && !seen[v]) { seen[v] = true; out.push(v); } });
    return out.sort(function (a, b) { return a.localeCompare(b); });
  }

  // ---------------------------------------------------------------- elements and importance
  var maxDegree = 1;
  DATA.nodes.forEach(function (n) { if (n.degree > maxDegree) { maxDegree = n.degree; } });
  var nodeInfo = {};
  DATA.nodes.forEach(function (n) { nodeInfo[n.id] = n; });
  var edgeInfo = {};
  DATA.edges.forEach(function (e) { edgeInfo[e.id] = e; });
  var events = DATA.nodes.filter(function (n) { return n.kind === "event"; });

  var LABEL_PX = 12, LABEL_WIDTH_PX = 170, LABEL_MIN_ZOOM = 0.12, MAX_LABEL_CANDIDATES = 400;
  var elements = [];
  DATA.nodes.forEach(function (n) {
    elements.push({group: "nodes", data: {
      id: n.id, label: n.label, type: n.type, kind: n.kind, degree: n.degree,
      size: BIG ? Math.round(6 + 24 * Math.sqrt(n.degree / maxDegree)) : Math.round(16 + 30 * Math.sqrt(n.degree / maxDegree)),
      colour: TYPE_COLOURS[n.type] || TYPE_COLOURS.Unknown,
      fs: LABEL_PX, tw: LABEL_WIDTH_PX, tm: 2
    }, classes: "hid"});
  });
  DATA.edges.forEach(function (e) {
    elements.push({group: "edges", data: {
      id: e.id, source: e.source, target: e.target, predicate: e.predicate,
      colour: EDGE_COLOURS[e.predicate] || RELATION_COLOUR
    }});
  });

  // Labels keep one on-screen size at every zoom: sizes are given in screen pixels and divided by
  // the zoom (re-evaluated when a zoom ends). Which nodes carry a label is decided by thinLabels():
  // the selection first, then its neighbours, events, and the best connected, each only where its
  // label box meets no label already placed; below LABEL_MIN_ZOOM only the selection and its
  // neighbours are labelled.
  var zoomNow = 1;
  var style = [
    {selector: "node", style: {
      "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
      "border-width": 1, "border-color": "#ffffff", "color": "#1f2328", "label": "",
      "font-size": "data(fs)", "text-max-width": "data(tw)", "text-margin-y": "data(tm)",
      "text-valign": "bottom", "text-wrap": "wrap",
      "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": "data(tm)"
    }},
    {selector: "node.lbl, node:selected", style: {"label": "data(label)"}},
    {selector: "node.hid", style: {"display": "none"}},
    {selector: "node[kind = 'event']", style: {"shape": "diamond", "font-weight": "bold"}},
    {selector: "node[type = 'Bloc'], node[type = 'Country']", style: {"shape": "ellipse"}},
    {selector: "node[type = 'Technology'], node[type = 'Legislation'], node[type = 'LegalCase']",
     style: {"shape": "round-rectangle"}},
    {selector: "node.match", style: {"border-width": 4, "border-color": "#fbca04"}},
    {selector: "node:selected", style: {"border-width": 4, "border-color": "#1f2328", "z-index": 10}},
    {selector: "edge", style: {
      "width": 1.5, "line-color": "data(colour)", "target-arrow-color": "data(colour)",
      "curve-style": BIG ? "haystack" : "bezier", "target-arrow-shape": BIG ? "none" : "triangle",
      "arrow-scale": 0.8, "opacity": 0.75
    }},
    {selector: "edge[predicate = 'analogousTo']", style: {"line-style": "dashed", "target-arrow-shape": "none", "width": 2.5}},
    {selector: "edge[predicate = 'precedent']", style: {"line-style": "dotted", "width": 2}},
    {selector: "edge:selected", style: {"width": 4, "label": "data(predicate)", "font-size": 10, "color": "#57606a",
      "text-background-color": "#ffffff", "text-background-opacity": 1, "z-index": 10}}
  ];

  var t0 = Date.now();
  var cy = cytoscape({
    container: $("cy"), elements: elements, style: style,
    minZoom: 0.02, maxZoom: 6, boxSelectionEnabled: false, selectionType: "single",
    hideEdgesOnViewport: BIG, textureOnViewport: BIG, pixelRatio: BIG ? 1 : "auto",
    layout: {name: "preset"}
  });
  var isolated = cy.nodes().filter(function (n) { return n.degree(false) === 0; });
  var isolatedIds = {};
  isolated.forEach(function (n) { isolatedIds[n.id()] = true; });

  // the layout of the whole graph is made only when first needed (full network, large subsets)
  var homePos = null;
  function ensureHome() {
    if (homePos) { return; }
    var linked = cy.elements().not(isolated);
    var opts = {
      name: "fcose", quality: LARGE ? "draft" : "default", randomize: true, animate: false,
      nodeDimensionsIncludeLabels: false, nodeRepulsion: function () { return LARGE ? 9000 : 6000; },
      idealEdgeLength: function () { return LARGE ? 40 : 70; }, edgeElasticity: function () { return 0.45; },
      nodeSeparation: 60, tile: true, packComponents: false, fit: false, padding: 30
    };
    if (linked.nodes().length) {
      try { linked.layout(opts).run(); } catch (err) { linked.layout({name: "cose", animate: false, fit: false}).run(); }
    }
    if (isolated.length) {
      var bb = linked.nodes().length ? linked.boundingBox() : {x1: 0, y2: 0, w: 600};
      var cols = Math.max(4, Math.ceil(Math.sqrt(isolated.length * 3)));
      isolated.layout({name: "grid", fit: false, avoidOverlap: true, cols: cols,
                       boundingBox: {x1: bb.x1, y1: bb.y2 + 80, w: Math.max(bb.w, cols * 60),
                                     h: Math.ceil(isolated.length / cols) * 80}}).run();
    }
    homePos = {};
    cy.nodes().forEach(function (n) { var p = n.position(); homePos[n.id()] = {x: p.x, y: p.y}; });
  }
  function restoreHome(nodes) {
    ensureHome();
    cy.batch(function () { nodes.forEach(function (n) { n.position(homePos[n.id()]); }); });
  }
  // a subset small enough to be laid out again on its own, so that what is shown is legible
  var RELAYOUT_MAX = 400;
  function layoutSubset(eles, centre) {
    var nodes = eles.nodes();
    if (!nodes.length) { return; }
    if (nodes.length === 1) { nodes.position({x: 0, y: 0}); return; }
    restyle(nodes, 1);  // label boxes at nominal size while laying out
    var opts = {
      name: "fcose", quality: "default", randomize: true, animate: false, fit: false,
      nodeDimensionsIncludeLabels: true, nodeRepulsion: function () { return 9000; },
      idealEdgeLength: function () { return 110; }, edgeElasticity: function () { return 0.45; },
      nodeSeparation: 90, tile: true, tilingPaddingVertical: 30, tilingPaddingHorizontal: 30,
      packComponents: true
    };
    cy.batch(function () { nodes.addClass("lbl"); });
    try { eles.layout(opts).run(); } catch (err) { eles.layout({name: "cose", animate: false, fit: false}).run(); }
  }

  var shownIds = {};
  function visibleNodes() { return cy.nodes().filter(function (n) { return shownIds[n.id()] === true; }); }
  function visibleCount() { return visibleNodes().length; }

  function fitTo(nodes) {
    var eles = nodes.union(nodes.edgesWith(nodes));
    if (!nodes.length) { return; }
    // twice: the labels' size follows the zoom, and the fit measures the labels of the zoom before
    for (var pass = 0; pass < 2; pass++) {
      cy.fit(eles, 40);
      if (cy.zoom() > 1.6) { cy.zoom({level: 1.6, position: nodes.length === 1 ? nodes.position() : undefined}); cy.center(nodes); }
      restyle(nodes);
    }
  }
  // label sizes follow the zoom; only the shown nodes are restyled (the others are when shown)
  function restyle(nodes, zoom) {
    zoomNow = zoom || cy.zoom();
    var fs = LABEL_PX / zoomNow;
    cy.batch(function () {
      nodes.forEach(function (n) {
        if (n.data("fs") !== fs) { n.data({fs: fs, tw: LABEL_WIDTH_PX / zoomNow, tm: 2 / zoomNow}); }
      });
    });
  }

  // ---------------------------------------------------------------- label thinning
  function boxOf(n) {
    return n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true,
                                  includeOverlays: false, includeUnderlays: false});
  }
  function overlaps(a, b, pad) {
    return !(a.x2 + pad <= b.x1 || b.x2 + pad <= a.x1 || a.y2 + pad <= b.y1 || b.y2 + pad <= a.y1);
  }
  var selectedId = "";
  var nbIds = {};
  function thinLabels() {
    var vis = visibleNodes();
    restyle(vis);
    var w = cy.width(), h = cy.height();
    var placed = [];
    cy.batch(function () { cy.nodes(".lbl").removeClass("lbl"); });
    var cands = vis.filter(function (n) {
      var p = n.renderedPosition();
      return p.x > -50 && p.y > -50 && p.x < w + 50 && p.y < h + 50;
    }).toArray();
    cands.sort(function (a, b) {
      var ra = a.id() === selectedId ? 0 : nbIds[a.id()] ? 1 : a.data("kind") === "event" ? 2 : 3;
      var rb = b.id() === selectedId ? 0 : nbIds[b.id()] ? 1 : b.data("kind") === "event" ? 2 : 3;
      return ra - rb || b.data("degree") - a.data("degree");
    });
    if (cy.zoom() < LABEL_MIN_ZOOM) {
      cands = cands.filter(function (n) { return n.id() === selectedId || nbIds[n.id()]; });
    }
    cands = cands.slice(0, MAX_LABEL_CANDIDATES);
    var nodeBoxes = [];
    cands.forEach(function (n) {
      n.addClass("lbl");
      var b = boxOf(n);
      var free = n.id() === selectedId || placed.every(function (p) { return !overlaps(b, p, 2); });
      if (free) { placed.push(b); nodeBoxes.push(n); } else { n.removeClass("lbl"); }
    });
    return placed.length;
  }
  var thinTimer = null;
  cy.on("viewport", function () {
    if (thinTimer) { clearTimeout(thinTimer); }
    thinTimer = setTimeout(function () { thinTimer = null; thinLabels(); }, 150);
  });

  // ---------------------------------------------------------------- state (kept in the URL fragment)
  var FILTER_KEYS = ["country", "target", "sector", "measure", "status", "from", "to"];
  var VIEWS = ["overview", "network", "ego", "map"];
  function defaults() {
    return {view: "overview", country: "", target: "", sector: "", measure: "", status: "", from: "", to: "", q: "",
            sel: "", hops: 1, mapby: "acting"};
  }
  var state = defaults();
  function stateFromHash() {
    var s = defaults();
    var p;
    try { p = new URLSearchParams(location.hash.replace(/^#/, "")); } catch (e) { return s; }
    Object.keys(s).forEach(function (k) { if (p.has(k)) { s[k] = p.get(k); } });
    if (VIEWS.indexOf(s.view) < 0) { s.view = "overview"; }
    if (s.mapby !== "targeted") { s.mapby = "acting"; }
    s.hops = Math.max(1, Math.min(4, parseInt(s.hops, 10) || 1));
    if (s.sel && !nodeInfo[s.sel]) { s.sel = ""; }
    if (s.view === "ego" && !s.sel) { s.view = "overview"; }
    FILTER_KEYS.forEach(function (k) {  // only values the page offers
      var input = $("f-" + k);
      if (input.tagName === "SELECT") {
        var ok = Array.prototype.some.call(input.options, function (o) { return o.value === s[k]; });
        if (!ok) { s[k] = ""; }
      } else if (s[k] && !/^\d{4}-\d{2}-\d{2}$/.test(s[k])) { s[k] = ""; }
    });
    return s;
  }
  function stateHash(s) {
    var p = new URLSearchParams();
    var d = defaults();
    Object.keys(d).forEach(function (k) { if (String(s[k]) !== String(d[k])) { p.set(k, s[k]); } });
    var text = p.toString();
    return text ? "#" + text : "";
  }
  var lastHash = null;
  function writeHash(push) {
    var h = stateHash(state);
    if (h === (location.hash || "")) { lastHash = h; return; }
    lastHash = h;
    var url = location.href.replace(/#.*$/, "") + (h || "#");
    if (push) { location.assign(url); } else { location.replace(url); }
  }
  window.addEventListener("hashchange", function () {
    if ((location.hash || "") === lastHash || (location.hash === "#" && lastHash === "")) { return; }
  state = stateFromHash();
    render(false, true);
  });

  // ---------------------------------------------------------------- which nodes are shown
  function dateSpan(s) {  // an event dated 2023 or 2023-07 spans that whole year or month
    if (!s) { return null; }
    var p = String(s).split("-");
    return [p[0] + "-" + (p[1] || "01") + "-" + (p[2] || "01"), p[0] + "-" + (p[1] || "12") + "-" + (p[2] || "31")];
  }
  function eventPasses(n, f) {
    if (f.country && (n.countries || []).indexOf(f.country) < 0) { return false; }
    if (f.target && (n.target_countries || []).indexOf(f.target) < 0) { return false; }
    if (f.sector && (n.sectors || []).indexOf(f.sector) < 0) { return false; }
    if (f.measure && n.measure !== f.measure) { return false; }
    if (f.status && n.status !== f.status) { return false; }
    if (f.from || f.to) {
      var span = dateSpan(n.date);
      if (!span) { return false; }
      if (f.from && span[1] < f.from) { return false; }
      if (f.to && span[0] > f.to) { return false; }
    }
    return true;
  }
  function eventFilterOn(s) { return FILTER_KEYS.some(function (k) { return !!s[k]; }); }
  function searchHits(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) { return null; }
    return DATA.nodes.filter(function (n) {
      if (String(n.label).toLowerCase().indexOf(q) >= 0) { return true; }
      return (n.aliases || []).some(function (a) { return String(a).toLowerCase().indexOf(q) >= 0; });
    });
  }
  var neighbours = {};
  DATA.nodes.forEach(function (n) { neighbours[n.id] = []; });
  DATA.edges.forEach(function (e) {
    if (neighbours[e.source] && neighbours[e.target]) { neighbours[e.source].push(e.target); neighbours[e.target].push(e.source); }
  });
  var OVERVIEW_EVENTS = 12;
  var topEvents = events.slice().sort(function (a, b) {
    return b.degree - a.degree || String(b.date || "").localeCompare(String(a.date || ""));
  }).slice(0, OVERVIEW_EVENTS);

  function typeFilter() {
    var on = {};
    Object.keys(typeBoxes).forEach(function (t) { on[t] = typeBoxes[t].checked; });
    return on;
  }
  // the filtered network: matching events, the entities they link to (and with a country filter
  // alone, that country's own organisations); a search keeps the matches and their neighbours
  function filteredSet(s, hits) {
    var typeOn = typeFilter();
    var filterOn = eventFilterOn(s);
    var visible = {};
    DATA.nodes.forEach(function (n) {
      if (n.kind === "event" && typeOn.PolicyEvent !== false && eventPasses(n, s)) { visible[n.id] = true; }
    });
    DATA.nodes.forEach(function (n) {
      if (n.kind === "event" || typeOn[n.type] === false) { return; }
      if (!filterOn) { visible[n.id] = true; return; }
      if (s.country && !(s.target || s.sector || s.measure || s.status || s.from || s.to) &&
          (n.countries || []).indexOf(s.country) >= 0) { visible[n.id] = true; }
    });
    if (filterOn) {
      DATA.edges.forEach(function (e) {
        var a = nodeInfo[e.source], b = nodeInfo[e.target];
        if (a && a.kind === "event" && visible[a.id] && b && b.kind !== "event" && typeOn[b.type] !== false) { visible[b.id] = true; }
        if (b && b.kind === "event" && visible[b.id] && a && a.kind !== "event" && typeOn[a.type] !== false) { visible[a.id] = true; }
      });
    }
    if (hits) {
      var keep = {};
      hits.forEach(function (n) { keep[n.id] = true; neighbours[n.id].forEach(function (m) { keep[m] = true; }); });
      Object.keys(visible).forEach(function (id) { if (!keep[id]) { delete visible[id]; } });
      hits.forEach(function (n) { if (typeOn[n.type] !== false) { visible[n.id] = true; } });
    } else if (!isolatedBox.checked) {
      Object.keys(isolatedIds).forEach(function (id) { delete visible[id]; });
    }
    return visible;
  }
  function egoSet(s) {
    var typeOn = typeFilter();
    var visible = {}; visible[s.sel] = true;
    var frontier = [s.sel];
    for (var d = 0; d < s.hops && frontier.length; d++) {
      var next = [];
      frontier.forEach(function (id) {
        // a hub met on the way (a country most events name) is shown but not walked through
        if (d > 0 && neighbours[id].length > 12) { return; }
        neighbours[id].forEach(function (m) {
          if (!visible[m] && typeOn[nodeInfo[m].type] !== false) { visible[m] = true; next.push(m); }
        });
      });
      frontier = next;
    }
    return visible;
  }
  function overviewSet() {
    var visible = {};
    var typeOn = typeFilter();
    if (typeOn.PolicyEvent === false) { return visible; }
    topEvents.forEach(function (n) { visible[n.id] = true; });
    topEvents.forEach(function (n) {
      neighbours[n.id].forEach(function (m) {
        if (nodeInfo[m].kind !== "event" && typeOn[nodeInfo[m].type] !== false) { visible[m] = true; }
      });
    });
    return visible;
  }
  // the events the list on the right shows: those the filters and the search leave
  function listedEvents(visible) {
    if (state.view === "ego") { return events.filter(function (n) { return visible[n.id]; }); }
    var hits = searchHits(state.q);
    var hitIds = null;
    if (hits) {
      hitIds = {};
      hits.forEach(function (n) { hitIds[n.id] = true; neighbours[n.id].forEach(function (m) { hitIds[m] = true; }); });
    }
    return events.filter(function (n) { return eventPasses(n, state) && (!hitIds || hitIds[n.id]); });
  }

  // ---------------------------------------------------------------- render the state
  var shownEvents = events;
  function render(push, relayout) {
    syncInputs();
    var wasHidden = $("matrix").hidden;
    $("matrix").hidden = state.view !== "overview";
    $("mapview").hidden = state.view !== "map";
    $("cy").hidden = state.view === "map";
    if (state.view === "map") { drawMap(); }
    void wasHidden;
    cy.resize();
    var hits = searchHits(state.q);
    showSearchResults(hits);
    var visible, mode;
    if (state.view === "ego" && state.sel) { visible = egoSet(state); mode = "subset"; }
    else if (state.view === "overview" && !eventFilterOn(state) && !hits) { visible = overviewSet(); mode = "subset"; }
    else { visible = filteredSet(state, hits); mode = (eventFilterOn(state) || hits) ? "subset" : "home"; }
    cy.batch(function () {  // only the nodes that change
      cy.nodes().forEach(function (n) {
        var id = n.id(), on = visible[id] === true;
        if (on !== (shownIds[id] === true)) { if (on) { n.removeClass("hid"); } else { n.addClass("hid"); } }
      });
    });
    shownIds = {};
    Object.keys(visible).forEach(function (id) { if (visible[id] && nodeInfo[id]) { shownIds[id] = true; } });
    var nodes = visibleNodes();
    selectedId = state.sel && visible[state.sel] ? state.sel : "";
    nbIds = {};
    if (selectedId) { neighbours[selectedId].forEach(function (m) { nbIds[m] = true; }); }
    cy.elements().unselect();
    if (selectedId) { cy.getElementById(selectedId).select(); }
    var key = state.view + "|" + FILTER_KEYS.map(function (k) { return state[k]; }).join("|") + "|" + state.q + "|" +
      (state.view === "ego" ? state.sel + "|" + state.hops : "") + "|" + nodes.length;
    if (state.view === "map") {  // the graph is hidden: lay it out when it is shown again
      lastLayoutKey = null;
    } else if (key !== lastLayoutKey || relayout) {
      lastLayoutKey = key;
      if (mode === "subset" && nodes.length <= RELAYOUT_MAX) {
        layoutSubset(nodes.union(nodes.edgesWith(nodes)), selectedId ? cy.getElementById(selectedId) : null);
      } else {
        restoreHome(nodes);
      }
      fitTo(nodes);
    }
    if (state.view !== "map") { thinLabels(); }
    shownEvents = listedEvents(visible);
    if (selectedId) { showNode(selectedId); } else { showOverview(); }
    markMatrix();
    $("status").textContent = "Showing " + nodes.length + " of " + cy.nodes().length + " nodes";
    $("view-overview").setAttribute("aria-pressed", String(state.view === "overview"));
    $("view-network").setAttribute("aria-pressed", String(state.view === "network"));
    $("view-map").setAttribute("aria-pressed", String(state.view === "map"));
    writeHash(push);
  }
  var lastLayoutKey = null;
  function setState(changes, push) {
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    render(push !== false);
  }
  function syncInputs() {
    FILTER_KEYS.forEach(function (k) { if ($("f-" + k).value !== state[k]) { $("f-" + k).value = state[k]; } });
    if ($("search").value !== state.q) { $("search").value = state.q; }
  }

  // ---------------------------------------------------------------- header, legend, filters
  $("stats").textContent = DATA.meta.dispatches + " dispatches · " + DATA.meta.entities + " entities · " +
    DATA.meta.events + " events · " + DATA.edges.length + " links";

  var typeCounts = {};
  DATA.nodes.forEach(function (n) { typeCounts[n.type] = (typeCounts[n.type] || 0) + 1; });
  var typeBoxes = {};
  Object.keys(TYPE_COLOURS).forEach(function (t) {
    if (!typeCounts[t]) { return; }
    var lab = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = t;
    box.setAttribute("data-type", t);
    box.addEventListener("change", function () { lastLayoutKey = null; render(false); });
    typeBoxes[t] = box;
    var sw = el("span", null, "swatch" + (t === "PolicyEvent" ? " event" : ""));
    sw.style.backgroundColor = TYPE_COLOURS[t];
    lab.appendChild(box); lab.appendChild(sw); lab.appendChild(document.createTextNode(TYPE_NAMES[t] + " "));
    lab.appendChild(el("span", "(" + typeCounts[t] + ")", "count"));
    $("types").appendChild(lab);
  });
  var isolatedBox = el("input"); isolatedBox.type = "checkbox"; isolatedBox.id = "f-isolated";
  isolatedBox.checked = SMALL || isolated.length === cy.nodes().length;
  if (isolated.length) {
    var isoLab = el("label");
    isoLab.appendChild(isolatedBox);
    isoLab.appendChild(document.createTextNode(" Unlinked entities "));
    isoLab.appendChild(el("span", "(" + isolated.length + ")", "count"));
    isolatedBox.addEventListener("change", function () { lastLayoutKey = null; render(false); });
    $("types").appendChild(isoLab);
  }
  var edgeLegend = $("edge-legend");
  Object.keys(EDGE_COLOURS).concat(["relation"]).forEach(function (p) {
    var row = el("div");
    var sw = el("span", null, "swatch line" + (p === "analogousTo" ? " dashed" : ""));
    sw.style.backgroundColor = EDGE_COLOURS[p] || RELATION_COLOUR;
    sw.style.borderColor = EDGE_COLOURS[p] || RELATION_COLOUR;
    row.appendChild(sw); row.appendChild(document.createTextNode(EDGE_NAMES[p]));
    edgeLegend.appendChild(row);
  });

  function filterChanged() {
    var changes = {sel: ""};
    FILTER_KEYS.forEach(function (k) { changes[k] = $("f-" + k).value; });
    if (state.view === "ego" || state.view === "map") { changes.view = "overview"; }
    setState(changes, true);
  }
  function fillSelect(id, values) {
    var sel = $(id);
    var any = el("option", "any"); any.value = ""; sel.appendChild(any);
    values.forEach(function (v) { var o = el("option", v); o.value = v; sel.appendChild(o); });
    sel.addEventListener("change", filterChanged);
  }
  fillSelect("f-country", uniqSorted([].concat.apply([], DATA.nodes.map(function (n) { return n.countries || []; }))));
  fillSelect("f-target", uniqSorted([].concat.apply([], events.map(function (n) { return n.target_countries || []; }))));
  fillSelect("f-sector", uniqSorted([].concat.apply([], events.map(function (n) { return n.sectors || []; }))));
  fillSelect("f-measure", uniqSorted(events.map(function (n) { return n.measure; })));
  fillSelect("f-status", uniqSorted(events.map(function (n) { return n.status; })));
  $("f-from").addEventListener("change", filterChanged);
  $("f-to").addEventListener("change", filterChanged);
  $("reset").addEventListener("click", function () {
    Object.keys(typeBoxes).forEach(function (t) { typeBoxes[t].checked = true; });
    isolatedBox.checked = SMALL || isolated.length === cy.nodes().length;
    lastLayoutKey = null;
    var d = defaults(); d.view = state.view === "ego" ? "overview" : state.view; d.mapby = state.mapby;
    state = d;
    render(true);
  });
  $("view-overview").addEventListener("click", function () { setState({view: "overview", sel: ""}, true); });
  $("view-network").addEventListener("click", function () { setState({view: "network", sel: ""}, true); });
  $("view-map").addEventListener("click", function () { setState({view: "map", sel: ""}, true); });
  $("map-acting").addEventListener("change", function () { setState({mapby: "acting"}, true); });
  $("map-targeted").addEventListener("change", function () { setState({mapby: "targeted"}, true); });

  // ---------------------------------------------------------------- world map (choropleth)
  var MAP = DATA.map || {shapes: [], acting: {}, targeted: {}, names: {}, viewBox: [-170, -84, 350, 142]};
  var SVGNS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  var drawnMapBy = null;
  function drawMap() {
    $("map-acting").checked = state.mapby === "acting";
    $("map-targeted").checked = state.mapby === "targeted";
    if (drawnMapBy === state.mapby) { return; }
    drawnMapBy = state.mapby;
    var counts = MAP[state.mapby] || {};
    var max = 1;
    Object.keys(counts).forEach(function (k) { if (counts[k] > max) { max = counts[k]; } });
    var rgb = state.mapby === "acting" ? [207, 34, 46] : [9, 105, 218];
    var box = $("map-svg");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var svg = svgEl("svg", {viewBox: MAP.viewBox.join(" "), id: "map", role: "img",
                            "aria-label": "events by " + state.mapby + " country"});
    var shapes = svgEl("g", {"stroke": "#ffffff", "stroke-width": 0.3});
    var labels = svgEl("g", {"font-size": 2.6, "text-anchor": "middle", "font-family": "DejaVu Sans, sans-serif"});
    MAP.shapes.forEach(function (c) {
      var v = counts[c.name] || 0;
      var p = svgEl("path", {d: c.d, "data-name": c.name, "data-count": v,
                             fill: v ? "rgba(" + rgb.join(",") + "," + (0.2 + 0.8 * v / max).toFixed(2) + ")" : "#e6e8eb"});
      var title = svgEl("title"); title.textContent = (MAP.names[c.name] || c.name) + ": " + v + " events";
      p.appendChild(title);
      if (v && MAP.names[c.name]) {
        p.setAttribute("class", "has-events");
        p.addEventListener("click", function () {
          var change = {view: "overview", sel: "", country: "", target: ""};
          change[state.mapby === "acting" ? "country" : "target"] = MAP.names[c.name];
          setState(change, true);
        });
      }
      shapes.appendChild(p);
      if (v) {
        var t = svgEl("text", {x: c.x, y: c.y + 1.1, "data-name": c.name, "class": "count"});
        t.textContent = String(v);
        labels.appendChild(t);
      }
    });
    svg.appendChild(shapes); svg.appendChild(labels);
    box.appendChild(svg);
    // counts on small neighbours (Netherlands, Belgium) would overlap: the larger count stays,
    // the other is left to the tooltip and the list
    var kept = [];
    Array.prototype.slice.call(labels.childNodes).sort(function (a, b) {
      return Number(b.textContent) - Number(a.textContent);
    }).forEach(function (t) {
      var r = t.getBBox();
      var clash = kept.some(function (k) { return r.x < k.x + k.width && k.x < r.x + r.width && r.y < k.y + k.height && k.y < r.y + r.height; });
      if (clash) { labels.removeChild(t); } else { kept.push(r); }
    });
    var list = $("map-list");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || a.localeCompare(b); }).forEach(function (k) {
      var li = el("li", (MAP.names[k] || k) + " — " + counts[k]);
      li.setAttribute("data-name", k);
      list.appendChild(li);
    });
  }

  // ---------------------------------------------------------------- country x measure matrix
  var matrixCells = [];
  (function buildMatrix() {
    var counts = {}, rowTotal = {}, colTotal = {};
    events.forEach(function (n) {
      var m = n.measure || "Other";
      (n.countries && n.countries.length ? n.countries : ["(no country)"]).forEach(function (c) {
        counts[c + "\u0000" + m] = (counts[c + "\u0000" + m] || 0) + 1;
        rowTotal[c] = (rowTotal[c] || 0) + 1;
      });
      colTotal[m] = (colTotal[m] || 0) + 1;
    });
    var rows = Object.keys(rowTotal).sort(function (a, b) { return rowTotal[b] - rowTotal[a] || a.localeCompare(b); });
    var cols = Object.keys(colTotal).sort(function (a, b) { return colTotal[b] - colTotal[a] || a.localeCompare(b); });
    var max = 1;
    Object.keys(counts).forEach(function (k) { if (counts[k] > max) { max = counts[k]; } });
    var table = el("table"); table.id = "matrix-table";
    var thead = el("thead"); var hr = el("tr");
    hr.appendChild(el("th", "acting country \\ measure", "corner"));
    cols.forEach(function (m) {
      var th = el("th", m, "col linklike"); th.title = m + ": " + colTotal[m] + " events";
      th.addEventListener("click", function () { setState({measure: m, country: "", sel: ""}, true); });
      matrixCells.push({el: th, country: "", measure: m});
      hr.appendChild(th);
    });
    thead.appendChild(hr); table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (c) {
      var tr = el("tr");
      var th = el("th", c, "row"); th.title = c + ": " + rowTotal[c] + " events";
      if (c !== "(no country)") {
        th.className = "row linklike";
        th.addEventListener("click", function () { setState({country: c, measure: "", sel: ""}, true); });
        matrixCells.push({el: th, country: c, measure: ""});
      }
      tr.appendChild(th);
      cols.forEach(function (m) {
        var v = counts[c + "\u0000" + m] || 0;
        var td = el("td", v ? v : "");
        if (v) {
          td.className = "cell";
          td.style.backgroundColor = "rgba(207, 34, 46, " + (0.12 + 0.6 * v / max).toFixed(2) + ")";
          td.title = c + " · " + m + ": " + v;
          td.setAttribute("data-country", c); td.setAttribute("data-measure", m);
          if (c !== "(no country)") {
            td.addEventListener("click", function () { setState({country: c, measure: m, sel: ""}, true); });
            matrixCells.push({el: td, country: c, measure: m});
          }
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    $("matrix-body").appendChild(table);
  })();
  function markMatrix() {
    matrixCells.forEach(function (c) {
      var on = (c.country || c.measure) && state.country === c.country && state.measure === c.measure;
      c.el.classList.toggle("active", !!on);
    });
  }

  // ---------------------------------------------------------------- search
  function showSearchResults(hits) {
    var results = $("results");
    while (results.firstChild) { results.removeChild(results.firstChild); }
    cy.batch(function () { cy.nodes(".match").removeClass("match"); });
    if (!hits) { $("search-count").textContent = ""; return; }
    $("search-count").textContent = hits.length + (hits.length === 1 ? " match" : " matches");
    cy.batch(function () { hits.forEach(function (n) { cy.getElementById(n.id).addClass("match"); }); });
    hits.slice(0, 50).forEach(function (n) {
      var li = el("li", n.label);
      li.title = TYPE_NAMES[n.type] || n.type;
      li.addEventListener("click", function () { focusNode(n.id); });
      results.appendChild(li);
    });
  }
  var searchTimer = null;
  $("search").addEventListener("input", function () {
    var v = this.value;
    if (searchTimer) { clearTimeout(searchTimer); searchTimer = null; }
    if (state.view === "ego") { state.view = "overview"; }
    state.q = v; state.sel = "";
    render(false);
  });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hits = searchHits(state.q) || [];
      if (hits.length === 1) { focusNode(hits[0].id); }
    }
  });

  // selecting a node shows its neighbourhood, one hop out (Expand adds a hop)
  function focusNode(id) {
    if (!nodeInfo[id]) { return; }
    setState({view: "ego", sel: id, hops: 1}, true);
  }

  // ---------------------------------------------------------------- details panel
  function clearDetails() {
    var box = $("details-body");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    return box;
  }
  function field(dl, name, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) { return; }
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = Array.isArray(value) ? value.join(", ") : String(value); }
    dl.appendChild(dd);
  }
  function evidenceList(box, evidence) {
    if (!evidence || !evidence.length) { return; }
    box.appendChild(el("h2", "Evidence (" + evidence.length + ")"));
    evidence.forEach(function (ev) {
      if (ev.sentence) { box.appendChild(el("blockquote", ev.sentence)); }
      var src = el("div", null, "src");
      src.appendChild(link(ev.title || ev.dispatch || "(no dispatch)", ev.url));
      var extra = [];
      if (ev.dispatch_date) { extra.push(ev.dispatch_date); }
      if (ev.source && ev.source !== "text") { extra.push(ev.source); }
      if (ev.rule) { extra.push("rule " + ev.rule); }
      if (typeof ev.confidence === "number") { extra.push("confidence " + ev.confidence.toFixed(2)); }
      if (extra.length) { src.appendChild(document.createTextNode(" · " + extra.join(" · "))); }
      box.appendChild(src);
    });
  }
  function wikidataLink(qid) {
    if (!/^Q[1-9][0-9]*$/.test(qid || "")) { return null; }
    return link(qid, "https://www.wikidata.org/wiki/" + qid);
  }

  function showNode(id) {
    var n = nodeInfo[id]; if (!n) { return; }
    var box = clearDetails();
    var nav = el("p");
    var back = el("button", "Back"); back.type = "button"; back.id = "back";
    back.addEventListener("click", function () { history.back(); });
    nav.appendChild(back);
    if (state.view === "ego") {
      var more = el("button", "Expand (" + (state.hops + 1) + " hops)"); more.type = "button"; more.id = "expand";
      more.disabled = state.hops >= 4;
      more.addEventListener("click", function () { setState({hops: state.hops + 1}, true); });
      nav.appendChild(document.createTextNode(" ")); nav.appendChild(more);
    }
    box.appendChild(nav);
    box.appendChild(el("h3", n.label));
    box.appendChild(el("div", (TYPE_NAMES[n.type] || n.type), "count"));
    var dl = el("dl");
    field(dl, "summary", n.summary);
    field(dl, "measure", n.measure);
    field(dl, "sectors", n.sectors);
    field(dl, "status", n.status);
    field(dl, "date", n.date);
    field(dl, "country", n.countries);
    field(dl, "aliases", n.aliases);
    field(dl, "Wikidata", wikidataLink(n.wikidata));
    field(dl, "description", n.description);
    field(dl, "reference", n.reference ? link(n.reference, n.reference) : null);
    field(dl, "confidence", typeof n.confidence === "number" ? n.confidence.toFixed(2) : null);
    field(dl, "key", n.id);
    box.appendChild(dl);
    var links = cy.getElementById(id).connectedEdges();
    if (links.length) {
      box.appendChild(el("h2", "Links (" + links.length + ")"));
      var ul = el("ul");
      links.forEach(function (e) {
        var info = edgeInfo[e.id()];
        var out = info.source === id;
        var other = nodeInfo[out ? info.target : info.source];
        var li = el("li");
        li.appendChild(document.createTextNode((out ? "" : "← ") + (EDGE_NAMES[info.predicate] || info.predicate) + (out ? " → " : " · ")));
        var span = el("span", other ? other.label : "?", "linklike");
        span.addEventListener("click", function () { if (other) { focusNode(other.id); } });
        li.appendChild(span);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    evidenceList(box, n.evidence);
    if (window.kgDecision) { window.kgDecision(box, n, false); }  // decisions.js: corrected? copy decision
  }

  function showEdge(id) {
    var e = edgeInfo[id]; if (!e) { return; }
    var s = nodeInfo[e.source], t = nodeInfo[e.target];
    var box = clearDetails();
    box.appendChild(el("h3", EDGE_NAMES[e.predicate] || e.predicate));
    var dl = el("dl");
    var from = el("span", s ? s.label : e.source, "linklike");
    from.addEventListener("click", function () { focusNode(e.source); });
    var to = el("span", t ? t.label : e.target, "linklike");
    to.addEventListener("click", function () { focusNode(e.target); });
    field(dl, "from", from);
    field(dl, "predicate", e.predicate);
    field(dl, "to", to);
    field(dl, "score", typeof e.score === "number" ? e.score.toFixed(2) : null);
    field(dl, "basis", e.basis);
    field(dl, "explanation", e.explanation);
    field(dl, "confidence", typeof e.confidence === "number" ? e.confidence.toFixed(2) : null);
    box.appendChild(dl);
    evidenceList(box, e.evidence);
    if (window.kgDecision) { window.kgDecision(box, e, true); }  // decisions.js: corrected? copy decision
  }

  // what the panel shows when nothing is selected: the events the filters leave, newest first
  function showOverview() {
    var box = clearDetails();
    box.appendChild(el("p", "Click a node to see its neighbourhood and evidence; click the background to come back here.", "hint"));
    var dated = shownEvents.slice().sort(function (a, b) {
      return String(b.date || "").localeCompare(String(a.date || "")) || String(a.label).localeCompare(String(b.label));
    });
    var h = el("h2", "Events (" + dated.length + (dated.length !== events.length ? " of " + events.length : "") + ")");
    h.id = "events-heading";
    box.appendChild(h);
    var ol = el("ul", null, "events");
    dated.slice(0, 60).forEach(function (n) {
      var li = el("li");
      li.setAttribute("data-id", n.id);
      var span = el("span", n.label, "linklike");
      span.addEventListener("click", function () { focusNode(n.id); });
      li.appendChild(span);
      var extra = [n.date, n.status].filter(function (x) { return x; }).join(" · ");
      if (extra) { li.appendChild(el("span", " " + extra, "count")); }
      ol.appendChild(li);
    });
    if (dated.length > 60) { ol.appendChild(el("li", "and " + (dated.length - 60) + " more", "hint")); }
    box.appendChild(ol);
    box.appendChild(el("h2", "Dispatches (" + (DATA.dispatches || []).length + ")"));
    var list = el("ol", null, "dispatches");
    (DATA.dispatches || []).slice(0, 100).forEach(function (d) {
      var li = el("li");
      li.appendChild(link(d.title || d.id, d.url));
      if (d.date) { li.appendChild(el("span", " · " + d.date, "count")); }
      list.appendChild(li);
    });
    if (!(DATA.dispatches || []).length) { list.appendChild(el("li", "none recorded", "hint")); }
    box.appendChild(list);
  }

  cy.on("tap", function (evt) {
    if (evt.target === cy && state.sel) { setState({sel: "", view: state.view === "ego" ? "overview" : state.view}, true); }
  });
  cy.on("tap", "node", function (evt) { if (evt.target.id() !== state.sel) { focusNode(evt.target.id()); } });
  cy.on("tap", "edge", function (evt) { showEdge(evt.target.id()); });
  cy.on("mouseover", "node", function (evt) { $("cy").title = evt.target.data("label"); });
  cy.on("mouseout", "node", function () { $("cy").title = ""; });

  state = stateFromHash();
  lastHash = stateHash(state);
  render(false);
  var layoutMs = Date.now() - t0;

  // ---------------------------------------------------------------- API for tests and power users
  window.kgViz = {
    cy: cy,
    ready: true,
    layoutMs: layoutMs,
    nodeCount: function () { return cy.nodes().length; },
    edgeCount: function () { return cy.edges().length; },
    visibleCount: visibleCount,
    visibleIds: function () { return visibleNodes().map(function (n) { return n.id(); }); },
    labelledIds: function () {
      return visibleNodes().filter(function (n) { return !!n.style("label"); }).map(function (n) { return n.id(); });
    },
    listedEventIds: function () {
      return Array.prototype.map.call(document.querySelectorAll("#details-body ul.events li[data-id]"),
                                      function (li) { return li.getAttribute("data-id"); });
    },
    state: function () { return JSON.parse(JSON.stringify(state)); },
    setState: function (changes) { setState(changes, true); },
    view: function (v) { setState({view: v, sel: ""}, true); },
    mapCounts: function () { return JSON.parse(JSON.stringify({acting: MAP.acting, targeted: MAP.targeted})); },
    search: function (q) { state.q = q; state.sel = ""; if (state.view === "ego") { state.view = "overview"; } render(false); return (searchHits(q) || []).map(function (n) { return n.id; }); },
    overview: function () { if (state.sel) { setState({sel: "", view: state.view === "ego" ? "overview" : state.view}, true); } else { showOverview(); } },
    select: focusNode,
    thinLabels: thinLabels
  };
  document.body.setAttribute("data-ready", "true");
})();
