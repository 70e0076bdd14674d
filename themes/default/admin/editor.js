// What wegweiser adds to Decap CMS at /admin/ (part of the built-in theme,
// not of Decap; a theme may override it):
// 1. the preview pane: an entry laid out like its page on the site
//    (article.entry, dl.facts, ul.meetings of the site's style.css, which
//    index.html registers), with the labels and choices of the generated
//    config.yml, so the preview needs no words of its own;
// 2. before each save: tables inside an entry ([[meetings]], [contact]) in
//    the order of the form (Decap keeps the order of the form only for the
//    top level: a table of more than 8 keys comes out in hash order, and
//    every save would shuffle its lines), and optional fields that were
//    cleared left out instead of written as "" (TOML has no null).
(function () {
  "use strict";
  if (!window.CMS || !window.h || !window.createClass) return;
  var h = window.h;

  function plain(value) {
    if (value && typeof value.toJS === "function") value = value.toJS();
    if (value instanceof Date && !isNaN(value)) value = value.toISOString().slice(0, 10);
    return value;
  }

  function optionLabel(field, value) {
    var options = field.get("options");
    if (!options) return value;
    var found = options.find(function (o) {
      return o && typeof o.get === "function" ? o.get("value") === value : o === value;
    });
    return found && typeof found.get === "function" ? found.get("label") : value;
  }

  // A field's value as text: choices by their labels, dates as DD.MM.YYYY,
  // lists joined; booleans as ✓/✗; nothing for an empty value.
  function text(field, value) {
    value = plain(value);
    if (value === undefined || value === null || value === "") return null;
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      return value.map(function (v) { return optionLabel(field, v); }).join(", ");
    }
    var widget = field.get("widget");
    if (widget === "boolean") return value ? "✓" : "✗";
    if (widget === "datetime" && /^\d{4}-\d{2}-\d{2}/.test(String(value))) {
      var d = String(value).slice(0, 10).split("-");
      return d[2] + "." + d[1] + "." + d[0];
    }
    return String(optionLabel(field, value));
  }

  function facts(fields, data, skip) {
    var items = [];
    fields.forEach(function (field) {
      var name = field.get("name");
      if (skip.indexOf(name) >= 0 || field.get("fields")) return;
      var t = text(field, data && data.get ? data.get(name) : undefined);
      if (t === null) return;
      items.push(h("dt", { key: name + "-t" }, field.get("label")));
      items.push(h("dd", { key: name + "-d" }, t));
    });
    return items.length ? h("dl", { className: "facts" }, items) : null;
  }

  var Entry = window.createClass({
    render: function () {
      var entry = this.props.entry;
      var collection = this.props.collection;
      var fields = collection.get("fields");
      var data = entry.get("data");
      var title = data.get("name") || data.get("title") || "";
      var status = fields.find(function (f) { return f.get("name") === "status"; });
      var kind = collection.get("label_singular");
      if (status && data.get("status")) kind += " · " + text(status, data.get("status"));
      var sections = [];
      var self = this;
      fields.forEach(function (field) {
        var inner = field.get("fields");
        var value = data.get(field.get("name"));
        if (!inner || !value) return;
        var rows = field.get("widget") === "list" ? value : [value];
        var items = [];
        rows.forEach(function (row, i) {
          var dl = facts(inner, row, []);
          if (dl) items.push(h("li", { key: i }, dl));
        });
        if (items.length) {
          sections.push(h("section", { key: field.get("name") },
            h("h2", null, field.get("label")),
            h("ul", { className: field.get("name") === "meetings" ? "meetings" : "" }, items)));
        }
      });
      return h("main", { id: "inhalt" },
        h("article", { className: "entry" },
          h("h1", null, title),
          h("p", { className: "kind" }, kind),
          facts(fields, data, ["name", "title", "status", "body"]),
          h("div", { className: "description" }, self.props.widgetFor("body")),
          sections));
    },
  });

  ["groups", "organisations", "contact-points", "pages"].forEach(function (name) {
    window.CMS.registerPreviewTemplate(name, Entry);
  });

  // The generated config.yml is JSON: the fields of each collection.
  var collections = {};
  var link = document.querySelector('link[rel="cms-config-url"]');
  if (link) {
    fetch(link.href, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (config) {
        (config.collections || []).forEach(function (c) { collections[c.name] = c.fields || []; });
      })
      .catch(function () {});
  }

  function empty(v) {
    return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
  }

  // A table's keys in the order of `fields`, cleared optional ones left out.
  function ordered(fields, value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    var out = {};
    fields.forEach(function (f) {
      var v = value[f.name];
      if (f.fields) v = f.widget === "list" && Array.isArray(v)
        ? v.map(function (row) { return ordered(f.fields, row); })
        : ordered(f.fields, v);
      if (empty(v) && f.required === false) return;
      if (v !== undefined) out[f.name] = v;
    });
    Object.keys(value).forEach(function (k) { if (!(k in out) && !fields.some(function (f) { return f.name === k; })) out[k] = value[k]; });
    return out;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var fields = collections[entry.get("collection")];
      if (!fields) return undefined;
      var data = entry.get("data");
      fields.forEach(function (f) {
        var v = plain(data.get(f.name));
        if (f.fields && !empty(v)) {
          v = f.widget === "list" && Array.isArray(v)
            ? v.map(function (row) { return ordered(f.fields, row); })
            : ordered(f.fields, v);
          data = data.set(f.name, v);
        }
        if (f.required === false && f.name !== "body" && empty(v)) data = data.delete(f.name);
      });
      return data;
    },
  });
})();
