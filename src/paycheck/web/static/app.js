/* paycheck serve: the form, step by step; the payslip it builds is checked by the server
   with the library's own validation as it is typed. Plain script, no build step, no
   request to anywhere but this server. */
(function () {
  "use strict";
  var NOTICE = {resignation: true, dismissal: true};  // endings with a day notice was given

  var T = JSON.parse(document.getElementById("texts").textContent);
  var lang = document.body.dataset.lang;
  var maxBytes = Number(document.body.dataset.maxBytes);
  var form = document.getElementById("payslip");
  var steps = all(".step", form);
  var current = 0;
  var left = {};              // steps he has gone on from: their problems are shown
  var touched = [];           // fields he has changed: their problems are shown
  var showAll = false;        // after "Check": every problem is shown
  var worked = {};            // ISO date -> true, the days marked worked
  var daysTouched = false;    // he (or a file) chose the days: keep them
  var daysShown = false;      // the calendar of the period is on the page
  var carried = {};           // fields of an uploaded file the form does not ask about
  var months = {};            // "CODE|YYYY-MM" -> a month of the calendar
  var seq = 0;
  var timer = null;
  var daysHint = document.getElementById("days-calendar").innerHTML;

  function t(id, args) {
    var s = T[id] || id;
    Object.keys(args || {}).forEach(function (k) { s = s.split("{" + k + "}").join(args[k]); });
    return s;
  }
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function one(sel, root) { return (root || document).querySelector(sel); }
  function field(name) { return one('[data-field="' + name + '"]', form); }
  function value(el) { return el ? el.value.trim() : ""; }
  function copy(x) { return JSON.parse(JSON.stringify(x || {})); }
  function set(obj, key, v) { if (v !== "" && v !== undefined && v !== null) { obj[key] = v; } else { delete obj[key]; } }
  function post(path, body, query) {
    return fetch(path + "?lang=" + encodeURIComponent(lang) + (query || ""), {
      method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify(body)
    });
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(d) { return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }
  function addDays(s, n) { var d = new Date(s + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n); return iso(d); }
  function monthEnd(ym) { var p = ym.split("-"); return iso(new Date(Date.UTC(+p[0], +p[1], 0))); }

  /* -- the payslip the form says ------------------------------------------------------ */

  function ranges(days) {  // sorted dates -> dates and {from, to} runs of three or more
    var out = [], run = [];
    function flush() {
      if (run.length >= 3) { out.push({"from": run[0], "to": run[run.length - 1]}); } else { out.push.apply(out, run); }
      run = [];
    }
    days.forEach(function (d) { if (run.length && addDays(run[run.length - 1], 1) !== d) { flush(); } run.push(d); });
    flush();
    return out;
  }
  function expand(items) {
    var out = [];
    (items || []).forEach(function (item) {
      if (typeof item === "string") { out.push(item); return; }
      for (var d = item["from"]; d <= item.to; d = addDays(d, 1)) { out.push(d); }
    });
    return out;
  }

  function rowData(row, map, path) {
    var data = {};
    all("[data-name]", row).forEach(function (el) {
      var name = el.dataset.name, v = el.type === "checkbox" ? (el.checked ? true : "") : value(el);
      var parts = name.split("."), target = data;
      if (parts.length === 2) { target = data[parts[0]] = data[parts[0]] || {}; }
      set(target, parts[parts.length - 1], v);
      map[path + "." + name] = el;
    });
    if (data.basis && !data.basis.kind) { delete data.basis; }
    var docs = all("[data-doc]", row).filter(function (el) { return el.checked; }).map(function (el) {
      var doc = {kind: el.dataset.doc}, date = value(one('[data-doc-date="' + el.dataset.doc + '"]', row));
      set(doc, "date", date);
      return doc;
    });
    if (docs.length) { data.documents = docs; }
    map[path] = one("[data-name]", row);
    return data;
  }

  function rows(id, path, map) {
    var out = [];
    all("#" + id + " > .row").forEach(function (row) {
      var data = rowData(row, map, path + "[" + out.length + "]");
      if (Object.keys(data).some(function (k) { return k !== "kind"; })) { out.push(data); }
    });
    return out;
  }

  function build() {
    var map = {}, data = copy(carried);
    data.format_version = 1;
    var jur = field("jurisdiction");
    map.jurisdiction = map.currency = jur;
    set(data, "jurisdiction", jur.value);
    var opt = jur.selectedOptions[0];
    set(data, "currency", opt && opt.dataset.currency);
    data.employee = data.employee || {};
    set(data.employee, "name", value(field("employee.name")));
    set(data.employee, "id", value(field("employee.id")) || value(field("employee.name")));
    map["employee.id"] = field("employee.id");
    map["employee.name"] = field("employee.name");
    data.employer = data.employer || {};
    set(data.employer, "id", value(field("employer.id")));
    map["employer.id"] = map.employer = field("employer.id");

    var month = value(field("period"));
    map.period = map["period.start"] = map["period.end"] = field("period");
    if (!(data.period && data.period.start && data.period.start.slice(0, 7) === month)) {
      if (month) { data.period = {start: month + "-01", end: monthEnd(month)}; } else { delete data.period; }
    }

    var c = data.contract = data.contract || {};
    ["pay_basis", "wage", "employment_start"].forEach(function (k) {
      set(c, k, value(field("contract." + k)));
      map["contract." + k] = field("contract." + k);
    });
    var how = value(field("contract.termination.how"));
    map["contract.termination"] = field("contract.termination.how");
    if (how) {
      c.termination = Object.assign({how: how}, c.termination);  // and what a file said the form does not ask
      c.termination.how = how;
      ["last_day", "notice_date", "reason", "article"].forEach(function (k) {
        var el = field("contract.termination." + k);
        map["contract.termination." + k] = el;
        if (k === "notice_date" && !NOTICE[how]) { delete c.termination[k]; return; }
        set(c.termination, k, value(el));
      });
    } else {
      delete c.termination;
    }
    var leave = c.annual_leave = c.annual_leave || {};  // a file's refused_in_writing, average wage
    map["contract.annual_leave"] = field("contract.annual_leave.taken");
    ["taken", "years_worked"].forEach(function (k) {
      var el = field("contract.annual_leave." + k);
      map["contract.annual_leave." + k] = el;
      set(leave, k, how ? value(el) : "");
    });
    if (!Object.keys(leave).length) { delete c.annual_leave; }

    var a = data.attendance = data.attendance || {};
    map["attendance.days_worked"] = map["attendance"] = field("attendance.days_worked");
    if (daysShown || daysTouched) {
      var days = Object.keys(worked).sort();
      delete a.days_worked_count;
      if (days.length) { a.days_worked = ranges(days); } else { delete a.days_worked; a.days_worked_count = 0; }
    }
    set(a, "overtime", rows("overtime-rows", "attendance.overtime", map));
    if (!a.overtime.length) { delete a.overtime; }
    if (!Object.keys(a).length) { delete data.attendance; }
    data.earnings = rows("earnings-rows", "earnings", map);
    data.deductions = rows("deductions-rows", "deductions", map);
    set(data, "net_pay", value(field("net_pay")));
    map.net_pay = field("net_pay");
    return {data: data, map: map};
  }

  /* -- filling the form from a payslip (an uploaded file, or after a change of language) -- */

  function fill(data) {
    carried = copy(data);
    ["jurisdiction", "currency", "employee", "net_pay", "earnings", "deductions"].forEach(function (k) { delete carried[k]; });
    if (carried.employer) { delete carried.employer.id; }
    if (carried.contract) {
      ["pay_basis", "wage", "employment_start"].forEach(function (k) { delete carried.contract[k]; });
      var ended = carried.contract.termination, leaveKept = carried.contract.annual_leave;
      if (ended) { ["how", "last_day", "notice_date", "reason", "article"].forEach(function (k) { delete ended[k]; }); }
      if (leaveKept) { ["taken", "years_worked"].forEach(function (k) { delete leaveKept[k]; }); }
    }
    if (carried.attendance) { delete carried.attendance.overtime; delete carried.attendance.days_worked; }
    field("jurisdiction").value = data.jurisdiction || "";
    field("employee.name").value = (data.employee && data.employee.name) || "";
    field("employee.id").value = (data.employee && data.employee.id) || "";
    field("employer.id").value = (data.employer && (data.employer.id)) || "";
    field("period").value = data.period && data.period.start ? data.period.start.slice(0, 7) : "";
    var c = data.contract || {}, end = c.termination || {};
    field("contract.pay_basis").value = c.pay_basis || "monthly";
    field("contract.wage").value = c.wage || "";
    field("contract.employment_start").value = c.employment_start || "";
    field("contract.termination.how").value = end.how || "";
    field("contract.termination.last_day").value = end.last_day || "";
    field("contract.termination.notice_date").value = end.notice_date || "";
    field("contract.termination.reason").value = end.reason || "";
    field("contract.termination.article").value = end.article || "";
    var leave = c.annual_leave;  // taken 0, the default, is left out of an uploaded file's form
    field("contract.annual_leave.taken").value = leave ? (leave.taken === undefined || leave.taken === null ? "0" : leave.taken) : "";
    field("contract.annual_leave.years_worked").value = (leave && leave.years_worked !== undefined && leave.years_worked !== null) ? leave.years_worked : "";
    var a = data.attendance || {};
    worked = {};
    expand(a.days_worked).forEach(function (d) { worked[d] = true; });
    daysTouched = !!(a.days_worked && a.days_worked.length) || a.days_worked_count === 0;
    fillRows("overtime-rows", "overtime-row", a.overtime);
    fillRows("earnings-rows", "earning-row", data.earnings);
    fillRows("deductions-rows", "deduction-row", data.deductions);
    field("net_pay").value = data.net_pay || "";
    refresh();
  }

  function fillRows(id, template, items) {
    one("#" + id).innerHTML = "";
    (items || []).forEach(function (item) {
      var row = addRow(id, template);
      all("[data-name]", row).forEach(function (el) {
        var parts = el.dataset.name.split("."), v = item;
        parts.forEach(function (p) { v = v === undefined || v === null ? undefined : v[p]; });
        if (el.type === "checkbox") { el.checked = v === true; } else if (v !== undefined && v !== null) { el.value = v; }
      });
      (item.documents || []).forEach(function (doc) {
        var box = one('[data-doc="' + doc.kind + '"]', row);
        if (box) { box.checked = true; one('[data-doc-date="' + doc.kind + '"]', row).value = doc.date || ""; }
      });
      if (row.querySelector("details") && all("details [data-name]", row).some(function (el) { return el.value; })) {
        one("details", row).open = true;
      }
    });
  }

  /* -- rows ------------------------------------------------------------------------------ */

  function addRow(id, template) {
    var row = document.getElementById(template).content.firstElementChild.cloneNode(true);
    one("#" + id).appendChild(row);
    one(".remove", row).addEventListener("click", function () { row.remove(); changed(); });
    return row;
  }
  var TEMPLATES = {overtime: ["overtime-rows", "overtime-row"], earning: ["earnings-rows", "earning-row"],
                   deduction: ["deductions-rows", "deduction-row"]};
  all("[data-add]").forEach(function (button) {
    button.addEventListener("click", function () {
      var which = TEMPLATES[button.dataset.add], row = addRow(which[0], which[1]);
      var first = one("input, select", row);
      if (first) { first.focus(); }
      refresh();
    });
  });

  /* -- the calendar ---------------------------------------------------------------------- */

  function month(code, ym) {
    var key = code + "|" + ym;
    if (!months[key]) {
      months[key] = fetch("/api/calendar?lang=" + encodeURIComponent(lang) + "&code=" + encodeURIComponent(code) + "&month=" + ym)
        .then(function (r) { return r.ok ? r.json() : null; });
    }
    return months[key];
  }

  function employment() {
    var how = value(field("contract.termination.how"));
    return {start: value(field("contract.employment_start")) || "0000-00-00",
            end: (how && value(field("contract.termination.last_day"))) || "9999-99-99"};
  }

  function drawDays() {
    var box = one("#days-calendar"), code = field("jurisdiction").value, ym = value(field("period"));
    if (!code || !/^\d{4}-\d{2}$/.test(ym)) {
      daysShown = false;
      box.innerHTML = daysHint;
      return;
    }
    month(code, ym).then(function (m) {
      if (!m || field("jurisdiction").value !== code || value(field("period")) !== ym) { return; }
      var span = employment(), table = document.createElement("table");
      table.className = "month pick";
      var caption = table.createCaption(), row = table.createTHead().insertRow();
      caption.textContent = m.title;
      for (var w = 0; w < 7; w++) {
        var th = document.createElement("th");
        th.scope = "col";
        th.textContent = t("weekday." + w);
        row.appendChild(th);
      }
      var body = document.createElement("tbody"), tr = document.createElement("tr");
      for (var i = 0; i < m.first_weekday; i++) { tr.appendChild(document.createElement("td")); }
      if (!daysTouched) {
        worked = {};
        m.days.forEach(function (d) {
          if ((d.kind === "working" || d.kind === "makeup") && d.date >= span.start && d.date <= span.end) { worked[d.date] = true; }
        });
      }
      m.days.forEach(function (d) {
        if (tr.children.length === 7) { body.appendChild(tr); tr = document.createElement("tr"); }
        var td = document.createElement("td"), b = document.createElement("button");
        b.type = "button";
        b.className = "day " + d.kind + (worked[d.date] ? " worked" : "");
        b.textContent = Number(d.date.slice(8));
        b.title = d.text;
        b.dataset.date = d.date;
        b.setAttribute("aria-pressed", worked[d.date] ? "true" : "false");
        b.setAttribute("aria-label", d.date + " " + d.text);
        b.disabled = d.date < span.start || d.date > span.end;
        b.addEventListener("click", function () {
          daysTouched = true;
          if (worked[d.date]) { delete worked[d.date]; } else { worked[d.date] = true; }
          b.classList.toggle("worked", !!worked[d.date]);
          b.setAttribute("aria-pressed", worked[d.date] ? "true" : "false");
          one("#day-info").textContent = d.date + " " + d.text + (worked[d.date] ? " · " + t("js.worked") : "");
          changed();
        });
        td.appendChild(b);
        tr.appendChild(td);
      });
      while (tr.children.length < 7) { tr.appendChild(document.createElement("td")); }
      body.appendChild(tr);
      table.appendChild(body);
      box.innerHTML = "";
      if (!m.covered) {
        var note = document.createElement("p");
        note.className = "hint";
        note.textContent = m.why;
        box.appendChild(note);
      }
      box.appendChild(table);
      daysShown = true;
      changed();
    });
  }
  one("#days-all").addEventListener("click", function () { daysTouched = false; drawDays(); });
  one("#days-none").addEventListener("click", function () { daysTouched = true; worked = {}; drawDays(); });

  function describeOvertime() {
    var code = field("jurisdiction").value;
    all("#overtime-rows > .row").forEach(function (row) {
      var date = value(one('[data-name="date"]', row)), out = one(".day-of", row);
      if (!code || !/^\d{4}-\d{2}-\d{2}$/.test(date)) { out.textContent = ""; return; }
      month(code, date.slice(0, 7)).then(function (m) {
        var day = m && m.days.filter(function (d) { return d.date === date; })[0];
        out.textContent = day ? day.text : "";
        out.className = "day-of hint " + (day ? day.kind : "");
      });
    });
  }

  /* -- checking as he types ------------------------------------------------------------- */

  function stepOf(el) {
    var step = el && el.closest(".step");
    return step ? steps.indexOf(step) : steps.length - 1;
  }

  function showProblems(errors, map) {
    all(".problem", form).forEach(function (p) { p.remove(); });
    all("[aria-invalid]", form).forEach(function (el) { el.removeAttribute("aria-invalid"); });
    all(".steps button").forEach(function (b) { b.classList.remove("has-problem"); });
    var other = one("#other-errors");
    other.innerHTML = "";
    var shown = 0;
    errors.forEach(function (e) {
      var path = e.field || "", el = map[path];
      while (!el && /[.[]/.test(path)) { path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, ""); el = map[path]; }
      var step = stepOf(el);
      all(".steps button")[step].classList.add("has-problem");
      var typed = el && el.value && el.tagName !== "DIV";  // a problem with what he is typing
      if (!(showAll || left[step] || typed || touched.indexOf(el) >= 0)) { return; }
      shown++;
      var p = document.createElement("p");
      p.className = "problem";
      p.textContent = e.text;
      if (el) {
        el.setAttribute("aria-invalid", "true");
        var after = el.closest("label") || el;
        after.insertAdjacentElement("afterend", p);
      } else {
        var li = document.createElement("li");
        li.textContent = (e.field ? e.field + ": " : "") + e.text;
        other.appendChild(li);
      }
    });
    var status = one("#status");
    status.textContent = errors.length ? t("js.problems", {count: errors.length}) : t("js.ok");
    status.className = errors.length ? "bad" : "good";
    return shown;
  }

  function validate() {
    var built = build(), mine = ++seq;
    return post("/api/validate", built.data).then(function (r) { return r.json(); }).then(function (answer) {
      if (mine !== seq) { return null; }
      var errors = answer.errors || (answer.error ? [{field: null, text: answer.error}] : []);
      showProblems(errors, built.map);
      return {errors: errors, built: built};
    });
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(validate, 350);
  }

  function refresh() {
    var how = value(field("contract.termination.how"));
    one(".when-ended").hidden = !how;
    one(".when-resigned").hidden = !NOTICE[how];
    var reason = field("contract.termination.reason");  // the whole choice, which a phone cuts off
    one("#reason-said").textContent = reason.value ? reason.selectedOptions[0].text : "";
    var opt = field("jurisdiction").selectedOptions[0];
    all(".currency", form).forEach(function (s) { s.textContent = (opt && opt.dataset.currencyName) || ""; });
    all("#deductions-rows > .row").forEach(function (row) {
      one(".when-basis", row).hidden = !value(one('[data-name="basis.kind"]', row));
    });
    drawDays();
    describeOvertime();
    changed();
  }

  form.addEventListener("input", changed);
  form.addEventListener("focusout", function (event) {
    if (touched.indexOf(event.target) < 0 && event.target.value) { touched.push(event.target); changed(); }
  });
  form.addEventListener("change", function (event) {
    if (touched.indexOf(event.target) < 0) { touched.push(event.target); }
    var name = event.target.dataset.field || "";
    if (name === "period" || name === "jurisdiction") { daysTouched = false; }
    refresh();
  });

  /* -- steps ----------------------------------------------------------------------------- */

  function go(n) {
    left[current] = left[current] || n !== current;
    current = Math.max(0, Math.min(steps.length - 1, n));
    steps.forEach(function (s, i) { s.hidden = i !== current; });
    all(".steps button").forEach(function (b, i) { b.setAttribute("aria-current", i === current ? "step" : "false"); });
    one("#back").disabled = current === 0;
    one("#next").hidden = current === steps.length - 1;
    one(".intro").hidden = one(".upload").hidden = current !== 0;
    validate();
    window.scrollTo(0, 0);
  }
  one("#next").addEventListener("click", function () { go(current + 1); });
  one("#back").addEventListener("click", function () { go(current - 1); });
  all(".steps button").forEach(function (b) { b.addEventListener("click", function () { go(Number(b.dataset.goto)); }); });

  /* -- the report, files ----------------------------------------------------------------- */

  function showReport(answer) {
    one("#report").innerHTML = answer.html;
    one("#form-view").hidden = true;
    one("#report-view").hidden = false;
    window.scrollTo(0, 0);
  }

  one("#check").addEventListener("click", function () {
    showAll = true;
    clearTimeout(timer);
    validate().then(function (result) {
      if (!result) { return; }
      if (result.errors.length) {
        var first = result.errors[0], el = result.built.map[first.field];
        go(el ? stepOf(el) : steps.length - 1);
        return;
      }
      post("/api/check", result.built.data).then(function (r) { return r.json(); }).then(function (answer) {
        if (answer.html) { showReport(answer); } else { showProblems(answer.errors || [], result.built.map); }
      });
    });
  });
  one("#edit").addEventListener("click", function () {
    one("#report-view").hidden = true;
    one("#form-view").hidden = false;
    go(current);
  });

  function download(path, name) {
    var built = build();
    post(path, built.data).then(function (r) {
      if (!r.ok) {
        showAll = true;
        return r.json().then(function (answer) { showProblems(answer.errors || [], built.map); });
      }
      return r.blob().then(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      });
    });
  }
  one("#download-yaml").addEventListener("click", function () { download("/api/yaml", "payslip.yaml"); });
  one("#report-yaml").addEventListener("click", function () { download("/api/yaml", "payslip.yaml"); });
  if (one("#report-claim")) {
    one("#report-claim").addEventListener("click", function () { download("/api/claim", "claim.md"); });
  }

  one("#upload-file").addEventListener("change", function (event) {
    var file = event.target.files[0], error = one("#upload-error");
    error.hidden = true;
    if (!file) { return; }
    if (file.size > maxBytes) {
      error.textContent = t("error.too-large", {limit: maxBytes.toLocaleString("en")});
      error.hidden = false;
      return;
    }
    fetch("/api/upload?lang=" + encodeURIComponent(lang) + "&name=" + encodeURIComponent(file.name), {method: "POST", body: file})
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        event.target.value = "";
        if (answer.html) {
          fill(answer.form);
          showReport(answer);
          return;
        }
        error.textContent = answer.error || "";
        error.hidden = false;
      });
  });

  /* -- the language: the form goes along (kept in this tab only, never sent anywhere) ---- */

  all(".langs a").forEach(function (a) {
    a.addEventListener("click", function () {
      var built = build().data;
      sessionStorage.setItem("paycheck-form", JSON.stringify({data: built, step: current, daysTouched: daysTouched}));
    });
  });
  var kept = sessionStorage.getItem("paycheck-form");
  sessionStorage.removeItem("paycheck-form");
  if (kept) {
    kept = JSON.parse(kept);
    fill(kept.data);
    daysTouched = kept.daysTouched;
    go(kept.step);
  } else {
    refresh();
    go(0);
  }
})();
