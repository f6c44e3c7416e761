/* PolicyKG page: whether an event or link was corrected by an analyst, and the decision that
   accepts or rejects it ("copy decision"). Kept apart from app.js, which calls
   window.kgDecision(box, item, isEdge) at the end of its details panel. Text only: every value
   goes on screen with textContent, never as markup. */
(function () {
  "use strict";
  var RELATIONS = ["headquarteredIn", "memberOf", "partOf", "worksFor", "leads", "produces", "subsidiaryOf"];
  var ROLES = ["target", "affects", "precedent"];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  // a single-quoted shell word: safe whatever the key holds
  function shellWord(s) { return "'" + String(s).replace(/'/g, "'\\''") + "'"; }

  // the key a decision takes (kg/corrections/keys.py), or null when nothing can be decided here
  function decisionKey(item, isEdge) {
    if (!isEdge) { return item.kind === "event" ? item.id : null; }
    var p = item.predicate;
    if (RELATIONS.indexOf(p) >= 0 || ROLES.indexOf(p) >= 0 || p === "analogousTo") {
      return item.source + " " + p + " " + item.target;
    }
    return null;
  }

  function copyBox(box, label, text) {
    var row = el("div", null, "row decision");
    var input = el("input");
    input.readOnly = true;
    input.value = text;
    var btn = el("button", label);
    btn.type = "button";
    btn.addEventListener("click", function () {
      input.select();
      var done = function () { btn.textContent = "copied"; setTimeout(function () { btn.textContent = label; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { try { document.execCommand("copy"); done(); } catch (e) { /* selected: Ctrl+C */ } });
      } else {
        try { document.execCommand("copy"); done(); } catch (e) { /* selected: Ctrl+C */ }
      }
    });
    row.appendChild(btn);
    row.appendChild(input);
    box.appendChild(row);
  }

  window.kgDecision = function (box, item, isEdge) {
    var key = decisionKey(item, isEdge);
    var mine = (item.evidence || []).filter(function (ev) { return ev.source === "analyst"; });
    if (!key && !mine.length) { return; }
    box.appendChild(el("h2", "Review"));
    if (mine.length) {
      mine.forEach(function (ev) {
        var who = ev.analyst || "an analyst";
        box.appendChild(el("p", "Corrected by " + who + (ev.decided ? " on " + ev.decided : "")
          + (ev.reason ? ": " + ev.reason : ""), "corrected"));
      });
    } else if (isEdge && ROLES.indexOf(item.predicate) >= 0) {
      box.appendChild(el("p", "Role values: corrections show on the event.", "hint"));
    } else {
      box.appendChild(el("p", "Not corrected: as extracted.", "hint"));
    }
    if (!key) { return; }
    var word = key.indexOf(" ") >= 0 ? shellWord(key) : key;
    copyBox(box, "copy accept", "kg review --accept " + word);
    copyBox(box, "copy reject", "kg review --reject " + word + " --why " + shellWord("..."));
  };
}());
