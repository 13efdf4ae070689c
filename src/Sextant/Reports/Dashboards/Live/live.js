// The live dashboard page: reads the view from the address (?from=&to=&breakdown=...), asks the
// server for the dashboard's content (/api/v1/dashboards/{slug}), draws it, and on every control
// change writes the new view into the address and redraws without reloading the page. A key,
// when the server needs one, is kept in sessionStorage and sent as a Bearer header, never in the URL.
(function () {
  'use strict';
  var slug = document.body.getAttribute('data-dashboard');
  var form = document.getElementById('controls');
  var keyForm = document.getElementById('key-form');
  var fields = ['from', 'to', 'breakdown', 'cohort', 'filter', 'steps', 'window', 'period'];
  var keyName = 'sextant.key';
  var loads = 0;
  window.sextantLive = { redraws: 0, query: null, busy: false };

  function el(id) { return document.getElementById(id); }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function stateFromAddress() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    fields.forEach(function (f) { var v = params.get(f); if (v) state[f] = v; });
    return state;
  }

  function query(state) {
    var params = new URLSearchParams();
    fields.forEach(function (f) { if (state[f]) params.set(f, state[f]); });
    return params.toString();
  }

  function setControl(name, value) {
    var control = form.elements.namedItem(name);
    if (control) control.value = value || '';
  }

  function showState(state) {
    ['from', 'to', 'breakdown', 'steps', 'window'].forEach(function (f) { setControl(f, state[f]); });
    setControl('period', state.period || 'month');
    var users = form.elements.namedItem('users');
    var wanted = state.cohort ? 'cohort=' + state.cohort : state.filter ? 'filter=' + state.filter : '';
    if (wanted && !Array.prototype.some.call(users.options, function (o) { return o.value === wanted; })) {
      users.appendChild(new Option(wanted.replace('=', ' '), wanted));
    }
    users.value = wanted;
  }

  function stateFromControls() {
    var state = {};
    ['from', 'to', 'breakdown', 'steps', 'window', 'period'].forEach(function (f) {
      var control = form.elements.namedItem(f);
      if (control && control.value.trim()) state[f] = control.value.trim();
    });
    if (state.period === 'month') delete state.period;
    var users = form.elements.namedItem('users').value;
    if (users) { var at = users.indexOf('='); state[users.slice(0, at)] = users.slice(at + 1); }
    return state;
  }

  function fillChoices(controls) {
    if (!controls) return;
    var list = el('breakdowns');
    list.textContent = '';
    (controls.breakdowns || []).forEach(function (b) { list.appendChild(new Option(b, b)); });
    var users = form.elements.namedItem('users');
    var current = users.value;
    while (users.options.length > 1) users.remove(1);
    (controls.filters || []).forEach(function (f) { users.appendChild(new Option(f.label, f.value)); });
    if (current && !Array.prototype.some.call(users.options, function (o) { return o.value === current; })) {
      users.appendChild(new Option(current.replace('=', ' '), current));
    }
    users.value = current;
    var steps = form.elements.namedItem('steps');
    if (steps) steps.placeholder = controls.steps || '';
    var window_ = form.elements.namedItem('window');
    if (window_) window_.placeholder = controls.window || '';
  }

  function render(content) {
    window.SEXTANT_PALETTE = content.palette;
    el('title').textContent = content.title;
    el('summary').textContent = content.summary;
    el('footer').textContent = content.footer;
    var warnings = el('warnings');
    warnings.textContent = '';
    content.warnings.forEach(function (w) { warnings.appendChild(make('li', null, w)); });
    var tiles = el('tiles');
    tiles.textContent = '';
    content.tiles.forEach(function (t) {
      var tile = make('div', 'tile');
      tile.appendChild(make('div', 'label', t.label));
      tile.appendChild(make('div', 'value', t.value));
      if (t.detail) tile.appendChild(make('div', 'detail', t.detail));
      tiles.appendChild(tile);
    });
    var cards = el('cards');
    var keep = {};
    content.charts.forEach(function (c) { keep[c.id] = true; });
    Array.prototype.slice.call(cards.children).forEach(function (card) {
      if (!keep[card.getAttribute('data-card')]) {
        var old = card.querySelector('.chart');
        if (old && echarts.getInstanceByDom(old)) echarts.getInstanceByDom(old).dispose();
        delete window.sextantCharts[card.getAttribute('data-card')];
        cards.removeChild(card);
      }
    });
    content.charts.forEach(function (c, i) {
      var card = cards.querySelector('[data-card="' + CSS.escape(c.id) + '"]');
      if (!card) {
        card = make('section', 'card');
        card.setAttribute('data-card', c.id);
        card.appendChild(make('h2'));
        var chart = make('div', 'chart');
        chart.id = 'chart-' + c.id;
        chart.setAttribute('data-chart-id', c.id);
        card.appendChild(chart);
        card.appendChild(make('p', 'note'));
      }
      cards.insertBefore(card, cards.children[i] || null);
      card.className = c.wide ? 'card wide' : 'card';
      card.querySelector('h2').textContent = c.title;
      var note = card.querySelector('.note');
      note.textContent = c.note || '';
      note.hidden = !c.note;
      var box = card.querySelector('.chart');
      box.style.height = c.height + 'px';
      window.sextantDraw(box, c.id, c.option).resize();
    });
    var notes = el('notes');
    notes.textContent = '';
    content.notes.forEach(function (n) { notes.appendChild(make('li', null, n)); });
    fillChoices(content.controls);
  }

  function problemText(body, status) {
    try { var p = JSON.parse(body); return (p.field ? p.field + ': ' : '') + (p.detail || p.title); } catch (e) { return 'the server answered ' + status; }
  }

  function load(state) {
    var q = query(state);
    var mine = ++loads;
    var headers = { Accept: 'application/json' };
    var key = window.sessionStorage.getItem(keyName);
    if (key) headers.Authorization = 'Bearer ' + key;
    window.sextantLive.busy = true;
    el('status').textContent = 'Loading…';
    el('error').textContent = '';
    return fetch('/api/v1/dashboards/' + encodeURIComponent(slug) + (q ? '?' + q : ''), { headers: headers })
      .then(function (response) {
        return response.text().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (answer) {
        if (mine !== loads) return;
        window.sextantLive.busy = false;
        if (answer.status === 401) {
          keyForm.hidden = false;
          el('key-message').textContent = key ? problemText(answer.body, 401) : '';
          el('status').textContent = 'A key is needed to see this dashboard.';
          return;
        }
        if (answer.status !== 200) {
          el('status').textContent = '';
          el('error').textContent = problemText(answer.body, answer.status);
          return;
        }
        keyForm.hidden = true;
        render(JSON.parse(answer.body));
        el('status').textContent = '';
        window.sextantLive.query = q;
        window.sextantLive.redraws++;
      })
      .catch(function (error) {
        if (mine !== loads) return;
        window.sextantLive.busy = false;
        el('error').textContent = 'the server could not be reached: ' + error.message;
      });
  }

  function apply() {
    var state = stateFromControls();
    var q = query(state);
    if (q !== window.location.search.replace(/^\?/, '')) {
      window.history.pushState(state, '', window.location.pathname + (q ? '?' + q : ''));
    }
    load(state);
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('change', function (e) {
    if (e.target.tagName === 'SELECT' || e.target.type === 'date') apply();
  });
  el('reset').addEventListener('click', function () { showState({}); apply(); });
  keyForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var key = el('key').value.trim();
    if (key) window.sessionStorage.setItem(keyName, key);
    el('key').value = '';
    load(stateFromAddress());
  });
  window.addEventListener('popstate', function () { var s = stateFromAddress(); showState(s); load(s); });

  var initial = stateFromAddress();
  showState(initial);
  load(initial);
})();
