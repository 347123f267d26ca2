// Small enhancements over plain HTML forms; every page works without this script.
"use strict";

// Review queue: one key per action (not while typing in a field).
document.addEventListener("keydown", (event) => {
  const form = document.getElementById("review-form");
  if (!form || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
  if (typing) {
    if (event.key === "Escape") target.blur();
    return;
  }
  if (event.key === "e") {
    event.preventDefault();
    const first = form.querySelector("#fields select, #fields input");
    if (first) first.focus();
    return;
  }
  const button = document.querySelector(`button[data-key="${CSS.escape(event.key)}"]`);
  if (button) {
    event.preventDefault();
    button.click();
  }
});

// Source page: selecting a passage of the text opens the form to add a missed fact, with its offsets.
function offsetIn(doc, node, offset) {
  let el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  while (el && el !== doc && !el.hasAttribute("data-start")) el = el.parentElement;
  if (!el || el === doc) return null;
  const base = Number(el.getAttribute("data-start"));
  const range = document.createRange();
  range.selectNodeContents(el);
  range.setEnd(node, offset);
  return base + range.toString().length;
}

document.addEventListener("mouseup", () => {
  const doc = document.getElementById("doc");
  const form = document.getElementById("add-fact");
  if (!doc || !form) return;
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !doc.contains(sel.anchorNode) || !doc.contains(sel.focusNode)) return;
  let a = offsetIn(doc, sel.anchorNode, sel.anchorOffset);
  let b = offsetIn(doc, sel.focusNode, sel.focusOffset);
  if (a === null || b === null || a === b) return;
  if (a > b) [a, b] = [b, a];
  document.getElementById("add-start").value = a;
  document.getElementById("add-end").value = b;
  document.getElementById("add-quote").textContent = sel.toString();
  form.hidden = false;
});

// Highlight the evidence of the fact named in the address (#fact-id).
function markTarget() {
  document.querySelectorAll("mark.ev.target").forEach((m) => m.classList.remove("target"));
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  document.querySelectorAll("mark.ev[data-facts]").forEach((m) => {
    if (m.getAttribute("data-facts").split(" ").includes(id)) m.classList.add("target");
  });
}
window.addEventListener("hashchange", markTarget);
document.addEventListener("DOMContentLoaded", markTarget);
