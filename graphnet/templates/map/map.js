/* graphnet map: wires the legend, filters, search and buttons to vis-network.
   Every text from the data is put into the page with textContent, never as HTML. */
(function () {
  "use strict";
  window.graphnetTimings = {start: performance.now()};
  var payload = JSON.parse(document.getElementById("graphnet-data").textContent);
  var text = payload.text;

  window.graphnetTimings.parsed = performance.now();
  var nodes = new vis.DataSet(payload.nodes);
  payload.edges.forEach(function (e) { if (e.hidden) { e.startsHidden = true; } });
  var edges = new vis.DataSet(payload.edges);
  var original = {};
  payload.nodes.forEach(function (n) { original[n.id] = { color: n.color, font: n.font || {} }; });
  var originalEdge = {};
  payload.edges.forEach(function (e) { originalEdge[e.id] = e.color; });

  var large = payload.large;
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 42 },
    physics: {
      enabled: false,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.6 },
      stabilization: { enabled: false }
    },
    interaction: {
      hover: true, tooltipDelay: 120, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
      keyboard: false, navigationButtons: false, multiselect: false
    },
    nodes: {
      font: { size: payload.view === "aggregate" ? 16 : 22, face: "Segoe UI, system-ui, DejaVu Sans, Arial, sans-serif",
              color: "#111111", strokeWidth: 5, strokeColor: "#ffffff" },
      widthConstraint: { maximum: 200 },
      borderWidthSelected: 4
    },
    edges: { selectionWidth: 2, hoverWidth: 1, arrowStrikethrough: false, smooth: false,
             arrows: { to: { scaleFactor: 0.8 } } }
  };
  window.graphnetTimings.datasets = performance.now();
  if (payload.view === "aggregate") {
    options.edges.color = { color: "#8A8A8A", opacity: 0.5, highlight: "#000000", hover: "#000000" };
  }
  var container = document.getElementById("gn-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  window.graphnetTimings.network = performance.now();
  // A white background, so "save as PNG" gives a picture, not a transparent sheet.
  network.on("beforeDrawing", function (ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });

  // ---- tooltips ------------------------------------------------------------
  // graphnet's own tooltip, filled with textContent: vis-network shows a string
  // title as HTML in some versions, and building one element per item up front
  // would slow large maps down.
  var tip = document.createElement("div");
  tip.className = "gn-tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  container.appendChild(tip);
  var numbers = new Intl.NumberFormat(payload.lang === "cs" ? "cs-CZ" : "en-GB");
  function edgeLines(e) {
    if (e.tooltip) { return e.tooltip; }
    var a = nodes.get(e.from), b = nodes.get(e.to);
    var parts = Object.keys(e.byKind || {}).map(function (k) {
      return (text.kinds[k] || k) + " " + numbers.format(e.byKind[k]);
    });
    return [a.tooltip[0] + " – " + b.tooltip[0],
            text.tip_links + ": " + numbers.format(e.links) + " (" + parts.join(", ") + ")"];
  }
  function showTip(lines, pointer) {
    tip.replaceChildren();
    lines.forEach(function (line, i) {
      var row = document.createElement(i === 0 ? "strong" : "div");
      row.textContent = line;
      tip.appendChild(row);
    });
    tip.hidden = false;
    var x = pointer.x + 16, y = pointer.y + 16;
    var room = container.getBoundingClientRect();
    if (x + tip.offsetWidth > room.width) { x = Math.max(4, pointer.x - tip.offsetWidth - 12); }
    if (y + tip.offsetHeight > room.height) { y = Math.max(4, pointer.y - tip.offsetHeight - 12); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) {
    var n = nodes.get(p.node);
    if (n && n.tooltip) { showTip(n.tooltip, p.pointer.DOM); }
  });
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    if (e) { showTip(edgeLines(e), p.pointer.DOM); }
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) { network.on(name, hideTip); });
  window.graphnetTooltip = tip;

  // ---- filters -----------------------------------------------------------
  var sectorOn = {}, kindOn = {}, extraOn = {};
  // The tie layers: an edge of a layer with no switch in the legend keeps the
  // visibility it came with (its layer's, as the map was made).
  var layerOn = {};
  var state = { suggestions: false };
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    var table = { sector: sectorOn, kind: kindOn, extra: extraOn, layer: layerOn }[box.dataset.filter];
    table[box.value] = box.checked;
    box.addEventListener("change", function () {
      table[box.value] = box.checked;
      applyFilters();
    });
  });
  var suggestionBox = document.getElementById("gn-suggestions");
  if (suggestionBox) {
    suggestionBox.addEventListener("change", function () {
      state.suggestions = suggestionBox.checked;
      applyFilters();
    });
  }

  function nodeShown(n) {
    return n.layer === "label" || sectorOn[n.sector] !== false;
  }
  function edgeShown(e, shown) {
    if (!shown[e.from] || !shown[e.to]) { return false; }
    if (e.layer === "suggestion") { return state.suggestions; }
    if (e.layer === "extra") { return extraOn[e.group] !== false; }
    if (e.tie_layer !== undefined) {
      var on = layerOn[e.tie_layer];
      if (on === undefined ? Boolean(e.startsHidden) : !on) { return false; }
      // Platform pairs follow their layer's switch only, not the kind switches.
      if (e.tie_layer === "platform") { return true; }
    }
    if (e.kinds) { return e.kinds.some(function (k) { return kindOn[k] !== false; }); }
    return kindOn[e.kind] !== false;
  }
  function applyFilters() {
    var shown = {}, nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) {
      var visible = nodeShown(n);
      shown[n.id] = visible;
      if (Boolean(n.hidden) === visible) { nodeChanges.push({ id: n.id, hidden: !visible }); }
    });
    edges.forEach(function (e) {
      var visible = edgeShown(e, shown);
      if (Boolean(e.hidden) === visible) { edgeChanges.push({ id: e.id, hidden: !visible }); }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
  }

  // ---- search and highlight ------------------------------------------------
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var searchable = nodes.get({ filter: function (n) { return n.layer !== undefined; } });
  function findNode(query) {
    var q = fold(query);
    if (!q) { return null; }
    var tests = [
      function (label) { return label === q; },
      function (label) { return label.indexOf(q) === 0; },
      function (label) { return label.indexOf(q) >= 0; }
    ];
    for (var i = 0; i < tests.length; i++) {
      for (var j = 0; j < searchable.length; j++) {
        var n = searchable[j];
        if (!n.hidden && tests[i](fold(n.label))) { return n.id; }
      }
    }
    return null;
  }
  var highlighted = null;
  function clearHighlight() {
    if (highlighted === null) { return; }
    highlighted = null;
    nodes.update(Object.keys(original).map(function (id) {
      return { id: id, color: original[id].color, font: Object.assign({}, original[id].font, { color: "#111111" }) };
    }));
    edges.update(Object.keys(originalEdge).map(function (id) { return { id: id, color: originalEdge[id] }; }));
  }
  function highlight(id) {
    clearHighlight();
    highlighted = id;
    var near = {};
    near[id] = true;
    // Neighbours by the edges shown (a hidden layer's partners are not near).
    edges.forEach(function (e) {
      if (e.hidden) { return; }
      if (e.from === id) { near[e.to] = true; } else if (e.to === id) { near[e.from] = true; }
    });
    var nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) {
      if (!near[n.id] && n.layer !== "label") {
        nodeChanges.push({ id: n.id, color: { background: "#e4e4e4", border: "#c8c8c8" },
                           font: { color: "#b0b0b0" } });
      }
    });
    edges.forEach(function (e) {
      if (e.from !== id && e.to !== id) {
        edgeChanges.push({ id: e.id, color: { color: "#dddddd", opacity: 0.5 } });
      }
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
  }
  var status = document.getElementById("gn-search-status");
  function focusActor(id) {
    network.selectNodes([id]);
    highlight(id);
    window.graphnet.focused = id;
    network.focus(id, { scale: Math.max(network.getScale(), 1.1),
                        animation: { duration: 450, easingFunction: "easeInOutQuad" } });
  }
  var search = document.getElementById("gn-search");
  function runSearch(exactOnly) {
    var query = search.value;
    if (!fold(query)) {
      status.textContent = "";
      clearHighlight();
      network.unselectAll();
      window.graphnet.focused = null;
      return;
    }
    var id = findNode(query);
    if (id !== null && exactOnly && fold(nodes.get(id).label) !== fold(query)) { id = null; }
    if (id === null) {
      if (!exactOnly) { status.textContent = text.search_none; }
      return;
    }
    status.textContent = "";
    focusActor(id);
  }
  search.addEventListener("input", function () { runSearch(true); });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); runSearch(false); }
  });
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); } else { clearHighlight(); }
  });

  // ---- buttons -------------------------------------------------------------
  var legendButton = document.getElementById("gn-legend-toggle");
  legendButton.addEventListener("click", function () {
    var legend = document.getElementById("gn-legend");
    legend.hidden = !legend.hidden;
    legendButton.setAttribute("aria-expanded", legend.hidden ? "false" : "true");
    legendButton.textContent = legend.hidden ? text.show_legend : text.hide_legend;
    // The canvas changed width: size it again and show the whole network.
    network.setSize("100%", "100%");
    network.fit({ animation: false });
  });
  document.getElementById("gn-fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 400 } });
  });
  var physicsButton = document.getElementById("gn-physics");
  physicsButton.addEventListener("click", function () {
    var running = physicsButton.getAttribute("aria-pressed") !== "true";
    network.setOptions({ physics: { enabled: running } });
    physicsButton.setAttribute("aria-pressed", running ? "true" : "false");
    physicsButton.textContent = running ? text.freeze : text.release;
    window.graphnet.physics = running;
  });
  document.getElementById("gn-png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    var link = document.createElement("a");
    link.href = canvas.toDataURL("image/png");
    link.download = "graphnet-map.png";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  window.graphnet = {
    network: network, nodes: nodes, edges: edges, view: payload.view,
    focused: null, physics: false, focus: focusActor, applyFilters: applyFilters
  };
  applyFilters();
  if (payload.focus !== null && payload.focus !== undefined) {
    network.selectNodes([payload.focus]);
    highlight(payload.focus);
    window.graphnet.focused = payload.focus;
  }
  network.once("afterDrawing", function () { window.graphnetTimings.drawn = performance.now(); window.graphnetReady = true; });
  network.fit({ animation: false });
})();
