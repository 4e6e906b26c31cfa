// The Wawp mock's dashboard: reads and steers the mock through its control API only.
// Data is written into the page with textContent, never as HTML.
"use strict";

(() => {
  const API = "/__admin/wawp";
  const TOKEN_KEY = "wawp-admin-token";
  const POLL_MS = 700;
  const $ = (id) => document.getElementById(id);

  let model = null;          // the state table's moves and the documented faults (ui/model.json)
  let selected = null;       // the instance id shown in the Session section
  let locked = false;        // true while the control API wants a token we do not have
  let timer = null;

  class Locked extends Error {}

  function notice(text, isError) {
    const n = $("notice");
    n.textContent = text || "";
    n.className = isError ? "error" : "";
  }

  // One control call: JSON in and out, the admin token (if any) in its header.
  async function call(method, path, body) {
    const headers = { "Accept": "application/json" };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      headers["X-Wawp-Admin-Token"] = token;
    }
    const init = { method, headers, credentials: "omit", cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const res = await fetch(API + path, init);
    if (res.status === 401) {
      lock(token ? "The admin token did not match; enter it again." : null);
      throw new Locked();
    }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      throw new Error(data.message || (method + " " + path + " answered " + res.status));
    }
    return data;
  }

  function lock(why) {
    sessionStorage.removeItem(TOKEN_KEY);
    locked = true;
    $("panels").hidden = true;
    $("login").hidden = false;
    if (why) {
      notice(why, true);
    }
    $("login-token").focus();
  }

  function unlock(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    locked = false;
    $("login").hidden = true;
    $("panels").hidden = false;
    notice("");
    poll();
  }

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  // Rebuilds a table's rows only when its data changed, so reading or selecting text is not disturbed.
  function renderRows(tbody, list, build) {
    const signature = JSON.stringify(list);
    if (tbody.dataset.signature === signature) return;
    tbody.dataset.signature = signature;
    tbody.replaceChildren(...list.map(build));
  }

  function age(iso) {
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) return s + " s";
    if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
    return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
  }

  function time(iso) {
    return iso ? iso.replace("T", " ").replace(/\.\d+Z$/, "Z") : "";
  }

  // Tokens are shown masked ("abcd..."): a filter matches when either begins with the other.
  function tokenMatches(hint, filter) {
    if (!filter) return true;
    const shown = (hint || "").replace(/\.\.\.$/, "");
    return shown.startsWith(filter) || filter.startsWith(shown);
  }

  // Rows are kept per session and updated in place, so a focused button keeps its focus.
  function renderSessions(list) {
    const filter = $("sessions-filter").value.trim();
    const shown = list.filter((s) => tokenMatches(s.access_token, filter));
    const tbody = $("sessions-rows");
    const old = new Map([...tbody.children].map((tr) => [tr.dataset.instance, tr]));
    shown.forEach((s, i) => {
      let tr = old.get(s.instance_id);
      if (!tr) {
        tr = document.createElement("tr");
        tr.dataset.instance = s.instance_id;
        const td = document.createElement("td");
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = s.instance_id;
        b.setAttribute("aria-label", "Show session " + s.instance_id);
        b.addEventListener("click", () => select(s.instance_id));
        td.appendChild(b);
        tr.appendChild(td);
        for (let c = 0; c < 5; c++) tr.appendChild(document.createElement("td"));
      }
      old.delete(s.instance_id);
      const cells = tr.children;
      cells[1].textContent = s.session_name;
      cells[2].textContent = s.access_token;
      cells[3].textContent = s.status;
      cells[3].className = "status status-" + s.status;
      cells[4].textContent = s.logged_in ? "yes" : "no";
      cells[5].textContent = age(s.created_at);
      tr.className = s.instance_id === selected ? "selected" : "";
      if (tbody.children[i] !== tr) tbody.insertBefore(tr, tbody.children[i] || null);
    });
    old.forEach((tr) => tr.remove());
    $("sessions-empty").hidden = list.length > 0;
  }

  function select(id) {
    selected = id;
    $("session").hidden = false;
    $("session-id").textContent = id;
    $("session-moves").dataset.from = "";
    poll();
  }

  function renderMoves(s) {
    const box = $("session-moves");
    if (box.dataset.from === s.status) return; // keep focus on a button while nothing changed
    box.dataset.from = s.status;
    const hadFocus = box.contains(document.activeElement);
    const moves = (model && model.moves[s.status]) || [];
    box.replaceChildren(...moves.map((m) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = m.label + " \u2192 " + m.to;
      b.dataset.to = m.to;
      b.addEventListener("click", () => move(s.instance_id, m.to, m.label));
      return b;
    }));
    if (hadFocus && box.firstElementChild) box.firstElementChild.focus(); // keyboard users stay among the moves
  }

  async function move(id, to, label) {
    try {
      const s = await call("POST", "/sessions/" + encodeURIComponent(id) + "/status", { status: to });
      notice("Session " + id + ": " + label + ", now " + s.status + ".");
      poll();
    } catch (e) {
      if (!(e instanceof Locked)) notice(e.message, true);
    }
  }

  async function renderSession() {
    if (!selected) return;
    const id = encodeURIComponent(selected);
    let s;
    try {
      s = await call("GET", "/sessions/" + id);
    } catch (e) {
      if (e instanceof Locked) throw e;
      $("session-status").textContent = "gone (" + e.message + ")";
      $("session-moves").replaceChildren();
      $("qr-figure").hidden = true;
      return;
    }
    $("session-status").textContent = s.status;
    $("session-status").className = "status status-" + s.status;
    $("session-name").textContent = s.session_name;
    $("session-token").textContent = s.access_token;
    $("session-login").textContent = s.logged_in ? "yes" : "no";
    renderMoves(s);
    const qr = s.status === "SCAN_QR_CODE" ? (await call("GET", "/sessions/" + id + "/qr")).qr : null;
    const img = $("qr");
    if (qr && img.getAttribute("src") !== qr) img.setAttribute("src", qr);
    $("qr-figure").hidden = !qr;
    const hooks = await call("GET", "/sessions/" + id + "/webhooks");
    $("webhook-urls").textContent = hooks.urls.length === 0 ? "No webhook URLs set."
        : "Sent to " + hooks.urls.join(", ") + (hooks.signed ? " (signed)." : " (unsigned).");
    renderRows($("deliveries-rows"), hooks.deliveries.slice(-20).reverse(), (d) => {
      const tr = document.createElement("tr");
      cell(tr, time(d.at));
      cell(tr, d.status);
      cell(tr, d.url);
      cell(tr, d.attempt);
      cell(tr, d.response || "");
      cell(tr, d.error);
      return tr;
    });
  }

  function describeFault(f) {
    if (f.status) return f.status + " " + (f.format || "json");
    if (f.fault) return f.fault;
    if (f.raw) return "raw " + f.raw.status;
    return "delay";
  }

  function renderFaults(list) {
    renderRows($("faults-rows"), list, (f) => {
      const tr = document.createElement("tr");
      cell(tr, f.endpoint);
      cell(tr, describeFault(f));
      cell(tr, f.delay_ms ? f.delay_ms + " ms" : "");
      cell(tr, f.times);
      cell(tr, f.access_token || "any");
      cell(tr, f.instance_id || "any");
      return tr;
    });
  }

  function renderRequests(list) {
    renderRows($("requests-rows"), list.slice().reverse(), (r) => {
      const tr = document.createElement("tr");
      cell(tr, r.sequence);
      cell(tr, time(r.at));
      cell(tr, r.method);
      cell(tr, r.path);
      cell(tr, r.endpoint);
      cell(tr, r.status);
      cell(tr, r.fault);
      cell(tr, r.access_token);
      cell(tr, r.instance_id);
      return tr;
    });
  }

  function requestsQuery() {
    const q = new URLSearchParams({ limit: "100" });
    if ($("requests-endpoint").value) q.set("endpoint", $("requests-endpoint").value);
    const status = $("requests-status").value.trim();
    if (/^[1-5]\d\d$/.test(status)) q.set("status", status);
    return "/requests?" + q;
  }

  // One refresh at a time; a refresh asked for while one runs follows it at once.
  let polling = false;
  let again = false;
  let pollFailed = false;

  async function poll() {
    if (polling) {
      again = true;
      return;
    }
    clearTimeout(timer);
    if (locked) return;
    polling = true;
    try {
      if (!model) await loadModel();
      renderSessions((await call("GET", "/sessions")).sessions);
      await renderSession();
      renderFaults((await call("GET", "/faults")).faults);
      renderRequests((await call("GET", requestsQuery())).requests);
      if (pollFailed) notice("");
      pollFailed = false;
    } catch (e) {
      if (!(e instanceof Locked)) {
        notice("Could not refresh: " + e.message, true);
        pollFailed = true;
      }
    } finally {
      polling = false;
    }
    if (locked) return;
    if (again) {
      again = false;
      poll();
    } else {
      timer = setTimeout(poll, POLL_MS);
    }
  }

  // ---- the fault form offers only what the specification documents ----

  async function loadModel() {
    const res = await fetch(API + "/ui/model.json", { cache: "no-store" });
    model = await res.json();
    const endpoint = $("fault-endpoint");
    endpoint.replaceChildren(...model.endpoints.map((e) => new Option(e.key, e.key)));
    endpoint.value = "start";
    $("requests-endpoint").append(...model.endpoints.map((e) => new Option(e.key, e.key)));
    $("fault-socket").replaceChildren(...model.socket_faults.map((f) => new Option(f, f)));
    syncFaultForm();
  }

  function endpointModel() {
    return model.endpoints.find((e) => e.key === $("fault-endpoint").value);
  }

  function setOptions(select, values) {
    const keep = select.value;
    select.replaceChildren(...values.map((v) => new Option(v, v)));
    if (values.includes(keep)) select.value = keep;
  }

  function syncFaultForm() {
    if (!model) return;
    const e = endpointModel();
    setOptions($("fault-status"), Object.keys(e.statuses));
    setOptions($("fault-format"), e.statuses[$("fault-status").value] || []);
    const kind = $("fault-kind").value;
    $("fault-status").disabled = kind !== "status";
    $("fault-format").disabled = kind !== "status";
    $("fault-socket").disabled = kind !== "socket";
    $("fault-instance").disabled = !e.takes_session;   // create names no session
    if (!e.takes_session) $("fault-instance").value = "";
  }

  async function armFault(event) {
    event.preventDefault();
    const body = { endpoint: $("fault-endpoint").value, times: Number($("fault-times").value || "1") };
    const kind = $("fault-kind").value;
    const delay = Number($("fault-delay").value || "0");
    if (kind === "status") {
      body.status = Number($("fault-status").value);
      body.format = $("fault-format").value;
    } else if (kind === "socket") {
      body.fault = $("fault-socket").value;
    }
    if (delay > 0 || kind === "delay") body.delay_ms = delay;
    const token = $("fault-token").value.trim();
    const instance = $("fault-instance").value.trim();
    if (token) body.access_token = token;
    if (instance && !$("fault-instance").disabled) body.instance_id = instance;
    try {
      const f = await call("POST", "/faults", body);
      notice("Armed: " + f.endpoint + " answers " + describeFault(f) + " " + f.times + " time(s).");
      poll();
    } catch (e) {
      if (!(e instanceof Locked)) notice(e.message, true);
    }
  }

  async function clearFaults() {
    try {
      await call("DELETE", "/faults");
      notice("All faults cleared.");
      poll();
    } catch (e) {
      if (!(e instanceof Locked)) notice(e.message, true);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("login").addEventListener("submit", (e) => {
      e.preventDefault();
      const token = $("login-token").value;
      $("login-token").value = "";
      if (token) unlock(token);
    });
    $("fault-form").addEventListener("submit", armFault);
    $("fault-endpoint").addEventListener("change", syncFaultForm);
    $("fault-status").addEventListener("change", syncFaultForm);
    $("fault-kind").addEventListener("change", syncFaultForm);
    $("faults-clear").addEventListener("click", clearFaults);
    $("sessions-filter").addEventListener("input", poll);
    $("requests-endpoint").addEventListener("change", poll);
    $("requests-status").addEventListener("input", poll);
    poll();
  });
})();
