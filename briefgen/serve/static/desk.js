// The review desk's few behaviours, in plain JavaScript: every change is a JSON
// POST carrying the page's CSRF token; the server's message is shown beside the
// field it is about; after a change the page reloads, with the preview.
"use strict";

const csrf = document.querySelector('meta[name="csrf-token"]').content;

async function post(url, data) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify(data),
  });
  let answer;
  try {
    answer = await response.json();
  } catch (error) {
    answer = { ok: false, message: await response.text() };
  }
  answer.status = response.status;
  return answer;
}

function say(element, text, bad) {
  element.textContent = text;
  element.classList.toggle("bad", Boolean(bad));
}

function reloadAt(anchor) {
  if (anchor) history.replaceState(null, "", "#" + anchor);
  location.reload();
}

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.classList.contains("correct")) return;
  event.preventDefault();
  const card = form.closest("[data-event]");
  const message = form.querySelector(".message");
  const answer = await post("/api/correct", {
    action: form.dataset.action,
    field: form.dataset.field,
    value: form.elements.value.value,
    event: card.dataset.event,
    version: card.dataset.version,
  });
  if (answer.ok) {
    say(message, "saved", false);
    reloadAt("ev-" + card.dataset.event);
  } else if (answer.stale) {
    const stale = card.querySelector(".stale");
    say(stale, answer.message, true);
    stale.hidden = false;
  } else {
    form.classList.add("invalid");
    say(message, answer.message, true);
  }
});

const publish = document.getElementById("publish");
if (publish) {
  publish.addEventListener("click", async () => {
    const out = document.getElementById("published");
    say(out, "writing…", false);
    publish.disabled = true;
    const answer = await post("/api/publish", {});
    publish.disabled = false;
    if (answer.ok) say(out, "Written: " + answer.paths.join(", "), false);
    else say(out, answer.message, true);
  });
}

// The article page: a selection in the text becomes the evidence of a new event.
const text = document.getElementById("article-text");
const add = document.getElementById("add-event");
if (text && add) {
  text.addEventListener("mouseup", () => {
    const chosen = window.getSelection().toString().trim();
    if (!chosen) return;
    add.elements.evidence.value = chosen;
    add.hidden = false;
  });
  add.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = {};
    for (const input of add.querySelectorAll("input, select")) {
      if (input.value.trim()) fields[input.name] = input.value;
    }
    const answer = await post("/api/correct", {
      action: "add",
      article: add.closest("[data-article]").dataset.article,
      evidence: add.elements.evidence.value,
      fields: fields,
    });
    const message = add.querySelector(".message");
    if (answer.ok) say(message, "Added: " + answer.written.join("; "), false);
    else say(message, answer.message, true);
  });
}

// The judgments page: the estimative-language check as you type, and saving.
const judgments = document.getElementById("judgments-text");
if (judgments) {
  const list = document.getElementById("judgments-problems");
  let timer = null;
  async function check() {
    const answer = await post("/api/check", { text: judgments.value });
    list.replaceChildren();
    for (const problem of answer.problems || []) {
      const item = document.createElement("li");
      item.textContent = problem;
      list.append(item);
    }
    if (answer.ok) {
      const item = document.createElement("li");
      item.className = "clean";
      item.textContent = "Every judgment passes the check.";
      list.append(item);
    }
  }
  judgments.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });
  check();
  document.getElementById("judgments-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await post("/api/judgments", { text: judgments.value });
    const message = document.getElementById("judgments-saved");
    if (answer.ok) {
      say(message, "Saved to " + answer.file, false);
      const preview = document.getElementById("preview");
      if (preview) preview.src = "/preview";
    } else say(message, answer.message, true);
  });
}
