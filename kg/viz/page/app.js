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
  var byDegree = DATA.nodes.slice().sort(function (a, b) { return b.degree - a.degree; });
  var labelCut = BIG ? (byDegree[Math.min(60, byDegree.length - 1)] || {degree: 0}).degree : 0;

  var elements = [];
  DATA.nodes.forEach(function (n) {
    var d = {
      id: n.id, label: n.label, type: n.type, kind: n.kind,
      size: BIG ? Math.round(5 + 25 * Math.sqrt(n.degree / maxDegree)) : Math.round(18 + 32 * Math.sqrt(n.degree / maxDegree)),
      colour: TYPE_COLOURS[n.type] || TYPE_COLOURS.Unknown,
      important: SMALL || (!BIG ? (n.kind === "event" || n.degree >= 3) : (n.degree > labelCut))
    };
    elements.push({group: "nodes", data: d});
  });
  DATA.edges.forEach(function (e) {
    elements.push({group: "edges", data: {
      id: e.id, source: e.source, target: e.target, predicate: e.predicate,
      colour: EDGE_COLOURS[e.predicate] || RELATION_COLOUR
    }});
  });
  var nodeInfo = {};
  DATA.nodes.forEach(function (n) { nodeInfo[n.id] = n; });
  var edgeInfo = {};
  DATA.edges.forEach(function (e) { edgeInfo[e.id] = e; });

  var style = [
    {selector: "node", style: {
      "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
      "border-width": 1, "border-color": "#ffffff", "font-size": 12, "color": "#1f2328",
      "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 150,
      "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1
    }},
    {selector: "node", style: {"label": "data(label)"}},  // minor labels appear as you zoom in
    {selector: "node[!important]", style: {"min-zoomed-font-size": SMALL ? 0 : 9}},
    {selector: "node[?important]", style: {"min-zoomed-font-size": SMALL ? 0 : 6}},
    {selector: "node[kind = 'event']", style: {"shape": "diamond", "font-weight": "bold", "font-size": 13, "text-max-width": 220}},
    {selector: "node[type = 'Bloc'], node[type = 'Country']", style: {"shape": "ellipse"}},
    {selector: "node[type = 'Technology'], node[type = 'Legislation'], node[type = 'LegalCase']",
     style: {"shape": "round-rectangle"}},
    {selector: "node:selected, node.match", style: {
      "label": "data(label)", "border-width": 4, "border-color": "#fbca04", "z-index": 10}},
    {selector: "edge", style: {
      "width": 1.5, "line-color": "data(colour)", "target-arrow-color": "data(colour)",
      "curve-style": BIG ? "haystack" : "bezier", "target-arrow-shape": BIG ? "none" : "triangle",
      "arrow-scale": 0.8, "opacity": 0.8
    }},
    {selector: "edge[predicate = 'analogousTo']", style: {"line-style": "dashed", "target-arrow-shape": "none", "width": 2.5}},
    {selector: "edge[predicate = 'precedent']", style: {"line-style": "dotted", "width": 2}},
    {selector: "edge:selected", style: {"width": 4, "label": "data(predicate)", "font-size": 10,
      "text-background-color": "#ffffff", "text-background-opacity": 1, "z-index": 10}}
  ];
  if (!BIG) {
    style.push({selector: "edge", style: {"label": "data(predicate)", "font-size": 8, "color": "#57606a",
      "text-rotation": "autorotate", "min-zoomed-font-size": 9}});
  }

  var t0 = Date.now();
  var cy = cytoscape({
    container: $("cy"), elements: elements, style: style,
    minZoom: 0.02, maxZoom: 6, boxSelectionEnabled: false,
    hideEdgesOnViewport: BIG, textureOnViewport: BIG, pixelRatio: BIG ? 1 : "auto",
    layout: {name: "preset"}
  });
  var layoutOptions = {
    name: "fcose", quality: LARGE ? "draft" : "default", randomize: true, animate: false,
    nodeDimensionsIncludeLabels: !LARGE, nodeRepulsion: function () { return LARGE ? 9000 : 6000; },
    idealEdgeLength: function () { return LARGE ? 40 : 55; }, edgeElasticity: function () { return 0.45; },
    nodeSeparation: 60, tile: true, packComponents: false, fit: true, padding: 30
  };
  // entities with no link at all (mentioned, nothing more) are laid out apart, in a grid under the
  // graph, and hidden until "Unlinked entities" is ticked: they say little and take much room
  var isolated = cy.nodes().filter(function (n) { return n.degree(false) === 0; });
  var linked = cy.elements().not(isolated);
  if (linked.nodes().length) {
    try {
      linked.layout(layoutOptions).run();
    } catch (err) {
      linked.layout({name: "cose", animate: false, fit: true}).run();
    }
  }
  if (isolated.length) {
    var bb = linked.nodes().length ? linked.boundingBox() : {x1: 0, y2: 0, w: 600};
    var cols = Math.max(4, Math.ceil(Math.sqrt(isolated.length * 3)));
    isolated.layout({name: "grid", fit: false, avoidOverlap: true, cols: cols,
                     boundingBox: {x1: bb.x1, y1: bb.y2 + 80, w: Math.max(bb.w, cols * 60),
                                   h: Math.ceil(isolated.length / cols) * 60}}).run();
  }
  var layoutMs = Date.now() - t0;
  function fitVisible() {
    var vis = cy.elements().filter(function (e) { return e.style("display") !== "none"; });
    cy.fit(vis.length ? vis : undefined, 30);
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
    box.addEventListener("change", applyFilters);
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
    isolatedBox.addEventListener("change", function () { applyFilters(); fitVisible(); });
    $("types").appendChild(isoLab);
  }
  var isolatedIds = {};
  isolated.forEach(function (n) { isolatedIds[n.id()] = true; });
  var edgeLegend = $("edge-legend");
  Object.keys(EDGE_COLOURS).concat(["relation"]).forEach(function (p) {
    var row = el("div");
    var sw = el("span", null, "swatch line" + (p === "analogousTo" ? " dashed" : ""));
    sw.style.backgroundColor = EDGE_COLOURS[p] || RELATION_COLOUR;
    sw.style.borderColor = EDGE_COLOURS[p] || RELATION_COLOUR;
    row.appendChild(sw); row.appendChild(document.createTextNode(EDGE_NAMES[p]));
    edgeLegend.appendChild(row);
  });

  function fillSelect(id, values, labeller) {
    var sel = $(id);
    var any = el("option", "any"); any.value = ""; sel.appendChild(any);
    values.forEach(function (v) {
      var o = el("option", labeller ? labeller(v) : v); o.value = v; sel.appendChild(o);
    });
    sel.addEventListener("change", applyFilters);
  }
  var events = DATA.nodes.filter(function (n) { return n.kind === "event"; });
  fillSelect("f-country", uniqSorted([].concat.apply([], DATA.nodes.map(function (n) { return n.countries || []; }))));
  fillSelect("f-sector", uniqSorted([].concat.apply([], events.map(function (n) { return n.sectors || []; }))));
  fillSelect("f-measure", uniqSorted(events.map(function (n) { return n.measure; })));
  fillSelect("f-status", uniqSorted(events.map(function (n) { return n.status; })));
  $("f-from").addEventListener("change", applyFilters);
  $("f-to").addEventListener("change", applyFilters);
  $("reset").addEventListener("click", function () {
    Object.keys(typeBoxes).forEach(function (t) { typeBoxes[t].checked = true; });
    isolatedBox.checked = SMALL || isolated.length === cy.nodes().length;
    ["f-country", "f-sector", "f-measure", "f-status", "f-from", "f-to"].forEach(function (id) { $(id).value = ""; });
    $("search").value = ""; search("");
    applyFilters(); fitVisible();
  });

  // date range: an event dated 2023 or 2023-07 spans that whole year or month
  function dateSpan(s) {
    if (!s) { return null; }
    var p = String(s).split("-");
    var lo = p[0] + "-" + (p[1] || "01") + "-" + (p[2] || "01");
    var hi = p[0] + "-" + (p[1] || "12") + "-" + (p[2] || "31");
    return [lo, hi];
  }

  function eventPasses(n, f) {
    if (f.country && (n.countries || []).indexOf(f.country) < 0) { return false; }
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

  function currentFilters() {
    return {country: $("f-country").value, sector: $("f-sector").value, measure: $("f-measure").value,
            status: $("f-status").value, from: $("f-from").value, to: $("f-to").value};
  }

  function applyFilters() {
    var f = currentFilters();
    var eventFilter = !!(f.country || f.sector || f.measure || f.status || f.from || f.to);
    var typeOn = {};
    Object.keys(typeBoxes).forEach(function (t) { typeOn[t] = typeBoxes[t].checked; });
    var visible = {};
    DATA.nodes.forEach(function (n) {
      if (n.kind === "event" && typeOn.PolicyEvent !== false && eventPasses(n, f)) { visible[n.id] = true; }
    });
    DATA.nodes.forEach(function (n) {
      if (n.kind === "event" || typeOn[n.type] === false) { return; }
      if (!eventFilter) { visible[n.id] = true; return; }
      if (f.country && !(f.sector || f.measure || f.status || f.from || f.to) &&
          (n.countries || []).indexOf(f.country) >= 0) { visible[n.id] = true; }
    });
    if (eventFilter) {  // entities stay when a visible event points at them (other events do not)
      DATA.edges.forEach(function (e) {
        var s = nodeInfo[e.source], t = nodeInfo[e.target];
        if (s && s.kind === "event" && visible[s.id] && t && t.kind !== "event" && typeOn[t.type] !== false) { visible[t.id] = true; }
        if (t && t.kind === "event" && visible[t.id] && s && s.kind !== "event" && typeOn[s.type] !== false) { visible[s.id] = true; }
      });
    }
    if (!isolatedBox.checked) { Object.keys(isolatedIds).forEach(function (id) { delete visible[id]; }); }
    cy.batch(function () {
      cy.nodes().forEach(function (node) { node.style("display", visible[node.id()] ? "element" : "none"); });
    });
    updateStatus();
  }

  function visibleCount() { return cy.nodes().filter(function (n) { return n.style("display") !== "none"; }).length; }
  function updateStatus() {
    var v = visibleCount();
    $("status").textContent = "Showing " + v + " of " + cy.nodes().length + " nodes";
  }

  // ---------------------------------------------------------------- search
  function search(q) {
    q = (q || "").trim().toLowerCase();
    var results = $("results");
    while (results.firstChild) { results.removeChild(results.firstChild); }
    cy.nodes().removeClass("match");
    if (!q) { $("search-count").textContent = ""; return []; }
    var hits = DATA.nodes.filter(function (n) {
      if (String(n.label).toLowerCase().indexOf(q) >= 0) { return true; }
      return (n.aliases || []).some(function (a) { return String(a).toLowerCase().indexOf(q) >= 0; });
    });
    $("search-count").textContent = hits.length + (hits.length === 1 ? " match" : " matches");
    cy.batch(function () { hits.forEach(function (n) { cy.getElementById(n.id).addClass("match"); }); });
    hits.slice(0, 50).forEach(function (n) {
      var li = el("li", n.label);
      li.title = TYPE_NAMES[n.type] || n.type;
      li.addEventListener("click", function () { focusNode(n.id); });
      results.appendChild(li);
    });
    return hits.map(function (n) { return n.id; });
  }
  $("search").addEventListener("input", function () { search(this.value); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var m = cy.nodes(".match");
      if (m.length === 1) { focusNode(m[0].id()); } else if (m.length) { cy.fit(m, 60); }
    }
  });

  function focusNode(id) {
    var node = cy.getElementById(id);
    if (!node.length) { return; }
    cy.elements().unselect(); node.select();
    if (node.style("display") === "none") {  // chosen from search or a link while filtered out
      node.style("display", "element"); updateStatus();
    }
    cy.animate({center: {eles: node}, zoom: Math.max(cy.zoom(), 1.2)}, {duration: 250});
    showNode(id);
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
    box.appendChild(el("h3", n.label));
    var kind = el("div", (TYPE_NAMES[n.type] || n.type), "count");
    box.appendChild(kind);
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
    var node = cy.getElementById(id);
    var links = node.connectedEdges();
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

  // what the panel shows before anything is clicked: the story in brief, newest first
  function showOverview() {
    var box = clearDetails();
    box.appendChild(el("p", "Click a node or a link to see its evidence; click the background to come back here.", "hint"));
    var dated = events.slice().sort(function (a, b) {
      return String(b.date || "").localeCompare(String(a.date || "")) || String(a.label).localeCompare(String(b.label));
    });
    box.appendChild(el("h2", "Events (" + events.length + ")"));
    var ol = el("ul", null, "events");
    dated.slice(0, 40).forEach(function (n) {
      var li = el("li");
      var span = el("span", n.label, "linklike");
      span.addEventListener("click", function () { focusNode(n.id); });
      li.appendChild(span);
      var extra = [n.date, n.status].filter(function (x) { return x; }).join(" · ");
      if (extra) { li.appendChild(el("span", " " + extra, "count")); }
      ol.appendChild(li);
    });
    if (dated.length > 40) { ol.appendChild(el("li", "and " + (dated.length - 40) + " more", "hint")); }
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

  cy.on("tap", function (evt) { if (evt.target === cy) { cy.elements().unselect(); showOverview(); } });
  cy.on("tap", "node", function (evt) { showNode(evt.target.id()); });
  cy.on("tap", "edge", function (evt) { showEdge(evt.target.id()); });
  cy.on("mouseover", "node", function (evt) { $("cy").title = evt.target.data("label"); });
  cy.on("mouseout", "node", function () { $("cy").title = ""; });

  applyFilters();
  showOverview();
  fitVisible();
  // the important labels readable in the first view: when the whole graph is zoomed out, draw them
  // somewhat larger (in graph units); the others appear as you zoom in
  var firstZoom = cy.zoom();
  if (!SMALL && !BIG && firstZoom < 1 && cy.nodes().length) {
    var k = Math.min(1.6, 1 / firstZoom);
    cy.style()
      .selector("node[?important]").style({"font-size": Math.round(12 * k), "text-max-width": Math.round(150 * k)})
      .selector("node[?important][kind = 'event']").style({"font-size": Math.round(13 * k),
                                                           "text-max-width": Math.round(220 * k)})
      .update();
  }

  // ---------------------------------------------------------------- API for tests and power users
  window.kgViz = {
    cy: cy,
    ready: true,
    layoutMs: layoutMs,
    nodeCount: function () { return cy.nodes().length; },
    edgeCount: function () { return cy.edges().length; },
    visibleCount: visibleCount,
    visibleIds: function () {
      return cy.nodes().filter(function (n) { return n.style("display") !== "none"; }).map(function (n) { return n.id(); });
    },
    search: function (q) { $("search").value = q; return search(q); },
    overview: showOverview,
    select: focusNode,
    applyFilters: applyFilters
  };
  document.body.setAttribute("data-ready", "true");
})();
