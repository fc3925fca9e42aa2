/*
 * cellscope handler panel: plain browser script, no build step. Talks only to /api/v1 of this server with the
 * X-API-Key stored in localStorage. Renders every field of the per-ticket network-side view (wo-om-view.md).
 */
(function () {
  'use strict';

  var I18N = window.CELLSCOPE_I18N;
  var KEY_STORAGE = 'cellscope.apiKey';
  var LANG_STORAGE = 'cellscope.lang';
  var TIME_ZONE = 'Asia/Shanghai';
  var PAGE_SIZE = 20;
  var KPI_ORDER = ['prbUtilizationDl', 'accessSuccessRate', 'dropRate', 'goodCoverageRate', 'userDlThroughputMbps', 'availability', 'dailyTrafficGb'];
  var JUDGED = KPI_ORDER.slice(0, 6);
  /** How each judged KPI crosses its thresholds (kpis.md "Default thresholds"). */
  var COMPARATOR = { prbUtilizationDl: '≥', accessSuccessRate: '<', dropRate: '>', goodCoverageRate: '<', userDlThroughputMbps: '<', availability: '<' };
  var CAUSES = ['OUTAGE', 'CONGESTION', 'LOW_THROUGHPUT', 'WEAK_COVERAGE', 'HIGH_DROP_RATE', 'ACCESS_FAILURE', 'USER_SIDE', 'NO_NETWORK_ISSUE', 'INSUFFICIENT_DATA'];
  var STATUSES = ['PENDING', 'PROVISIONAL', 'FINAL'];
  var COLORS = { series: '#1f6feb', warn: '#d98a00', bad: '#c62828', window: 'rgba(31, 111, 235, 0.08)', occurred: '#6b7785' };

  var state = {
    lang: localStorage.getItem(LANG_STORAGE) || 'zh-CN',
    key: localStorage.getItem(KEY_STORAGE) || '',
    page: 1,
    filters: {},
    results: null,
    view: null,
    series: null,
    charts: [],
  };

  var $ = function (id) { return document.getElementById(id); };

  // ---------- text ----------

  function t(key, params) {
    var dict = I18N[state.lang] || I18N['zh-CN'];
    var text = dict[key] !== undefined ? dict[key] : (I18N['zh-CN'][key] !== undefined ? I18N['zh-CN'][key] : key);
    if (params) Object.keys(params).forEach(function (name) { text = text.split('{' + name + '}').join(String(params[name])); });
    return text;
  }

  function pick(localized) {
    if (!localized) return '';
    return state.lang === 'en' ? localized.en : localized.zh;
  }

  function findingLabel(code, kpi) {
    var match = /^(.*)_(WARN|BAD)$/.exec(code);
    if (match) return t('finding.' + match[2], { kpi: t('kpiName.' + (kpi || match[1])) });
    return t('finding.' + code);
  }

  // ---------- formatting ----------

  var dateParts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });

  function parts(iso) {
    var out = {};
    dateParts.formatToParts(new Date(iso)).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }

  function formatTime(iso) {
    if (!iso) return '—';
    var p = parts(iso);
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  function formatClock(ms) {
    var p = parts(new Date(ms).toISOString());
    return p.hour + ':' + p.minute;
  }

  function formatNumber(value, unit) {
    if (value === null || value === undefined) return '—';
    var digits = unit === 'GB/day' ? 2 : (Math.abs(value) >= 100 ? 1 : 2);
    return Number(value).toFixed(digits).replace(/\.?0+$/, '');
  }

  function thresholdText(kpi, value) {
    var unit = kpi === 'userDlThroughputMbps' ? '' : '%';
    return COMPARATOR[kpi] + formatNumber(value) + unit;
  }

  // ---------- DOM ----------

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === undefined || value === null || value === false) return;
        if (name === 'class') el.className = value;
        else if (name === 'text') el.textContent = value;
        else if (name.slice(0, 2) === 'on') el.addEventListener(name.slice(2), value);
        else el.setAttribute(name, value === true ? '' : value);
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return el;
  }

  function chip(kind, text, field) {
    return h('span', { class: 'chip chip-' + kind, 'data-field': field, text: text });
  }

  function yesNo(value) {
    if (value === true) return chip('yes', t('view.yes'));
    if (value === false) return chip('no', t('view.no'));
    return chip('unknown', t('view.unknown'));
  }

  function flag(value) {
    // 5G / VoLTE enabled: enabled is good news for the network side, so green; not enabled is a user-side hint.
    if (value === true) return chip('OK', t('view.yes'));
    if (value === false) return chip('WARN', t('view.no'));
    return chip('NO_DATA', t('view.unknown'));
  }

  function showMessage(text, isError) {
    var box = $('message');
    box.textContent = text;
    box.className = 'message' + (isError ? ' error' : '');
    box.hidden = !text;
  }

  // ---------- API ----------

  function ApiError(status, body) {
    this.status = status;
    this.body = body;
    this.message = (body && body.message) || ('HTTP ' + status);
  }

  function api(path) {
    return fetch(path, { headers: { 'X-API-Key': state.key, Accept: 'application/json' } }).then(function (res) {
      return res.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
        if (!res.ok) throw new ApiError(res.status, body);
        return body;
      });
    });
  }

  function handleError(error, context) {
    if (error && error.status === 401) { showMessage('', false); openKeyDialog(t('key.invalid')); return; }
    if (error && error.status === 403) { showMessage(t('msg.forbidden'), true); return; }
    if (error && error.status === 404 && context && context.id) { showMessage(t('msg.notFound', { id: context.id }), true); return; }
    if (error && error.status === 429) { showMessage(t('msg.rateLimited'), true); return; }
    showMessage(t('msg.error', { message: (error && error.message) || String(error) }), true);
  }

  // ---------- key and language ----------

  function updateKeyState() {
    $('key-state').textContent = state.key ? t('key.current', { tail: state.key.slice(-4) }) : t('key.none');
  }

  function openKeyDialog(error) {
    var dialog = $('key-dialog');
    $('key-error').hidden = !error;
    $('key-error').textContent = error || '';
    $('key-input').value = '';
    if (!dialog.open) dialog.showModal();
    $('key-input').focus();
  }

  function applyStaticTexts() {
    document.documentElement.lang = state.lang;
    document.title = t('app.title');
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) { el.placeholder = t(el.getAttribute('data-i18n-placeholder')); });
    document.querySelectorAll('.lang-switch button').forEach(function (b) { b.classList.toggle('active', b.getAttribute('data-lang') === state.lang); });
    fillSelect($('cause-select'), CAUSES, 'cause.');
    fillSelect($('status-select'), STATUSES, 'viewStatus.');
    updateKeyState();
  }

  function fillSelect(select, values, prefix) {
    var current = select.value;
    select.textContent = '';
    select.appendChild(h('option', { value: '', text: t('search.any') }));
    values.forEach(function (v) { select.appendChild(h('option', { value: v, text: t(prefix + v) })); });
    select.value = current;
  }

  function setLanguage(lang) {
    state.lang = lang;
    localStorage.setItem(LANG_STORAGE, lang);
    applyStaticTexts();
    renderResults();
    if (state.view) renderView();
  }

  // ---------- search ----------

  function search(page) {
    state.page = page || 1;
    var query = new URLSearchParams();
    Object.keys(state.filters).forEach(function (name) { if (state.filters[name]) query.set(name, state.filters[name]); });
    query.set('page', String(state.page));
    query.set('limit', String(PAGE_SIZE));
    return api('/api/v1/tickets?' + query.toString()).then(function (body) {
      state.results = body;
      renderResults();
    }).catch(function (error) { handleError(error); });
  }

  function renderResults() {
    var list = $('results');
    list.textContent = '';
    var body = state.results;
    if (!body) { $('result-meta').textContent = ''; return; }
    var pages = Math.max(1, Math.ceil(body.total / body.limit));
    $('result-meta').textContent = body.total === 0 ? t('search.none') : t('search.count', { total: body.total, page: body.page, pages: pages });
    $('prev-page').disabled = body.page <= 1;
    $('next-page').disabled = body.page >= pages;
    body.items.forEach(function (item) {
      var active = state.view && state.view.ticketId === item.ticketId;
      list.appendChild(h('li', { class: active ? 'active' : '', 'data-ticket': item.ticketId, onclick: function () { openTicket(item.ticketId); } }, [
        h('div', { class: 'result-top' }, [h('span', { text: item.ticketId }), h('span', { class: 'muted', text: item.msisdn })]),
        h('div', { class: 'result-sub' }, [h('span', { text: t('symptom.' + item.symptom) }), h('span', { text: formatTime(item.occurredAt) })]),
        h('div', { class: 'result-chips' }, [
          chip(item.status, t('viewStatus.' + item.status)),
          chip('cause', t('cause.' + item.cause)),
          item.servingCellName ? h('span', { class: 'muted', text: item.servingCellName }) : null,
        ]),
      ]));
    });
  }

  // ---------- ticket view ----------

  function openTicket(id) {
    var target = '#/tickets/' + encodeURIComponent(id);
    if (location.hash !== target) location.hash = target;
    else loadTicket(id);
  }

  function loadTicket(id) {
    showMessage(t('msg.loading'), false);
    return api('/api/v1/tickets/' + encodeURIComponent(id) + '/network-view').then(function (view) {
      showMessage('', false);
      state.view = view;
      state.series = null;
      renderView();
      renderResults();
      return loadSeries(view);
    }).catch(function (error) { handleError(error, { id: id }); });
  }

  function servingCell(view) {
    return view.cells.filter(function (c) { return c.role === 'SERVING'; })[0] || null;
  }

  function loadSeries(view) {
    var cell = servingCell(view);
    if (!cell) return null;
    var from = new Date(new Date(view.window.from).getTime() - 2 * 3600e3).toISOString();
    var to = new Date(new Date(view.window.to).getTime() + 3600e3).toISOString();
    var path = '/api/v1/cells/' + encodeURIComponent(cell.cellId) + '/kpis?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    return api(path).then(function (series) {
      if (!state.view || state.view.ticketId !== view.ticketId) return;
      state.series = series;
      renderCharts();
    }).catch(function (error) {
      if (error && error.status === 404) { state.series = { intervals: [] }; renderCharts(); return; }
      handleError(error);
    });
  }

  function renderView() {
    var view = state.view;
    var root = $('view');
    destroyCharts();
    root.textContent = '';
    $('empty-state').hidden = true;
    root.hidden = false;
    root.appendChild(headerCard(view));
    if (view.status !== 'FINAL') root.appendChild(h('div', { class: 'notice', 'data-field': 'statusNote', text: t(view.status === 'PENDING' ? 'view.pendingNote' : 'view.provisionalNote') }));
    root.appendChild(h('div', { class: 'grid-2' }, [ticketCard(view), verdictCard(view)]));
    root.appendChild(cellsCard(view));
    root.appendChild(kpiCard(view));
    root.appendChild(chartsCard(view));
    renderCharts();
  }

  function idBlock(label, value, field) {
    return h('div', { class: 'id-block' }, [h('span', { class: 'label', text: label }), h('span', { class: 'value', 'data-field': field, text: value })]);
  }

  function meta(label, content, field) {
    return h('div', { class: 'meta' }, [h('span', { class: 'label', text: label }), typeof content === 'string' ? h('span', { 'data-field': field, text: content }) : content]);
  }

  function headerCard(view) {
    return h('div', { class: 'card view-head' }, [
      idBlock(t('view.complaintNo'), view.complaintNo, 'complaintNo'),
      idBlock(t('view.ticketId'), view.ticketId, 'ticketId'),
      h('div', { class: 'head-meta' }, [
        meta(t('view.status'), chip(view.status, t('viewStatus.' + view.status), 'status')),
        meta(t('view.kpiDataThrough'), view.kpiDataThrough ? formatTime(view.kpiDataThrough) : t('view.noKpiData'), 'kpiDataThrough'),
        meta(t('view.version'), 'v' + view.version, 'version'),
        meta(t('view.correlatedAt'), formatTime(view.correlatedAt), 'correlatedAt'),
        h('button', { class: 'btn btn-small', type: 'button', text: t('view.refresh'), onclick: function () { loadTicket(view.ticketId); } }),
      ]),
    ]);
  }

  function fact(label, value, field) {
    return [h('dt', { text: label }), h('dd', { 'data-field': field }, [typeof value === 'string' ? value : value])];
  }

  function ticketCard(view) {
    var user = view.userSide || {};
    var facts = [].concat(
      fact(t('view.symptom'), h('span', {}, [t('symptom.' + view.symptom) + ' ', h('span', { class: 'muted', 'data-field': 'symptomSource', text: '(' + t('view.symptomSource') + ': ' + t('symptomSource.' + view.symptomSource) + ')' })]), 'symptom'),
      fact(t('view.msisdn'), h('span', { class: 'mono', text: view.msisdn }), 'msisdn'),
      fact(t('view.occurredAt'), formatTime(view.occurredAt), 'occurredAt'),
      fact(t('view.reportedAt'), formatTime(view.reportedAt), 'reportedAt'),
      fact(t('view.window'), formatTime(view.window.from) + ' – ' + formatTime(view.window.to).slice(11), 'window'),
      view.incidentId ? fact(t('view.incident'), h('span', { class: 'mono', text: view.incidentId }), 'incidentId') : []
    );
    var userFacts = [].concat(
      fact(t('view.fiveGEnabled'), flag(user.fiveGEnabled), 'fiveGEnabled'),
      fact(t('view.volteEnabled'), flag(user.volteEnabled), 'volteEnabled'),
      fact(t('view.terminal'), user.terminal || '—', 'terminal')
    );
    return h('div', { class: 'card' }, [
      h('h3', { class: 'card-title', text: t('view.ticket') }),
      h('dl', { class: 'facts' }, facts),
      h('div', { class: 'sub-title', text: t('view.userSide') }),
      h('dl', { class: 'facts', 'data-field': 'userSide' }, userFacts),
    ]);
  }

  function verdictCard(view) {
    var verdict = view.verdict;
    var related = verdict.networkRelated === true ? 'yes' : verdict.networkRelated === false ? 'no' : 'unknown';
    var cellNames = {};
    view.cells.forEach(function (c) { cellNames[c.cellId] = c.name; });
    var evidence = verdict.evidence.length === 0
      ? [h('li', { class: 'muted', text: t('view.noEvidence') })]
      : verdict.evidence.map(function (e) {
          var unit = e.kpi === 'userDlThroughputMbps' ? ' Mbit/s' : e.kpi === 'dailyTrafficGb' ? ' GB/day' : e.kpi ? '%' : '';
          var status = /_BAD$|^CELL_DOWN$/.test(e.code) ? 'BAD' : /_WARN$/.test(e.code) ? 'WARN' : 'cause';
          return h('li', {}, [
            chip(status, findingLabel(e.code, e.kpi)),
            h('span', { class: 'ev-cell', text: e.cellId ? (cellNames[e.cellId] || e.cellId) : t('view.userSide') }),
            h('span', { class: 'ev-value', text: e.value === null ? '' : formatNumber(e.value) + unit + (e.threshold === null ? '' : '  (' + t('kpi.threshold') + ' ' + (e.kpi ? thresholdText(e.kpi, e.threshold) : e.threshold) + ')') }),
          ]);
        });
    var replyText = pick(verdict.suggestedReply);
    var copyButton = h('button', { class: 'btn btn-small', type: 'button', 'data-action': 'copy-reply', text: t('view.copy') });
    copyButton.addEventListener('click', function () {
      copyText(replyText).then(function () {
        copyButton.textContent = t('view.copied');
        setTimeout(function () { copyButton.textContent = t('view.copy'); }, 1500);
      });
    });
    return h('div', { class: 'card verdict ' + related, 'data-field': 'verdict' }, [
      h('h3', { class: 'card-title', text: t('view.verdict') }),
      h('div', { class: 'verdict-head' }, [
        h('span', { class: 'verdict-flag ' + related, 'data-field': 'networkRelated', text: t('view.networkRelated') + t('punct.colon') + (related === 'yes' ? t('view.yes') : related === 'no' ? t('view.no') : t('view.unknown')) }),
        h('span', { class: 'verdict-cause', 'data-field': 'cause', text: t('cause.' + verdict.cause) }),
        h('span', { class: 'confidence' }, [
          t('view.confidence'),
          h('span', { class: 'confidence-bar' }, [h('span', { style: 'width:' + Math.round(verdict.confidence * 100) + '%' })]),
          h('span', { 'data-field': 'confidence', text: Math.round(verdict.confidence * 100) + '%' }),
        ]),
      ]),
      h('p', { class: 'verdict-summary', 'data-field': 'summary', text: pick(verdict.summary) }),
      h('div', { class: 'sub-title', text: t('view.evidence') }),
      h('ul', { class: 'evidence', 'data-field': 'evidence' }, evidence),
      h('div', { class: 'reply' }, [
        h('div', { class: 'reply-head' }, [h('span', { text: t('view.suggestedReply') }), copyButton]),
        h('div', { 'data-field': 'suggestedReply', text: replyText }),
      ]),
    ]);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    return Promise.resolve(legacyCopy(text));
  }

  function legacyCopy(text) {
    var area = h('textarea', { style: 'position:fixed;left:-9999px;top:0' });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  function cellsCard(view) {
    if (view.cells.length === 0) return h('div', { class: 'card' }, [h('h3', { class: 'card-title', text: t('view.cells') }), h('p', { class: 'muted', text: t('view.noCells') })]);
    var head = h('tr', {}, ['cell.role', 'cell.selection', 'cell.cellId', 'cell.name', 'cell.networkType', 'cell.siteType', 'cell.share', 'cell.findings'].map(function (k) { return h('th', { text: t(k) }); }));
    var rows = view.cells.map(function (c) {
      var share = c.usageShare !== undefined ? Math.round(c.usageShare * 100) + '%' : c.distanceM !== undefined ? Math.round(c.distanceM) + ' m' : '—';
      return h('tr', { class: c.role === 'SERVING' ? 'serving' : '', 'data-cell': c.cellId }, [
        h('td', {}, [chip('role-' + c.role, t('role.' + c.role))]),
        h('td', { text: t('selection.' + c.selection) }),
        h('td', { class: 'mono', text: c.cellId }),
        h('td', { text: c.name }),
        h('td', { text: t('networkType.' + c.networkType) }),
        h('td', { text: t('siteType.' + c.siteType) }),
        h('td', { class: 'mono', text: share }),
        h('td', {}, c.findings.length === 0 ? ['—'] : c.findings.map(function (f) { return chip(/_WARN$/.test(f.code) ? 'WARN' : 'BAD', findingLabel(f.code, f.kpi)); })),
      ]);
    });
    return h('div', { class: 'card' }, [
      h('h3', { class: 'card-title', text: t('view.cells') }),
      h('table', { class: 'cells', 'data-field': 'cells' }, [h('thead', {}, [head]), h('tbody', {}, rows)]),
    ]);
  }

  function tile(kpi, value) {
    var foot;
    if (kpi === 'dailyTrafficGb') foot = h('span', { text: t('kpi.notJudged') });
    else foot = h('span', { text: t('kpi.warn') + ' ' + thresholdText(kpi, value.warn) + ' · ' + t('kpi.bad') + ' ' + thresholdText(kpi, value.bad) });
    return h('div', { class: 'tile ' + value.status, 'data-kpi': kpi, 'data-status': value.status }, [
      h('div', { class: 'tile-head' }, [
        h('span', { class: 'tile-label', text: t('kpiName.' + kpi), title: t('kpiName.' + kpi) }),
        chip(value.status, t('status.' + value.status)),
      ]),
      h('span', { class: 'tile-value' }, [formatNumber(value.value, value.unit), value.value === null ? null : h('span', { class: 'tile-unit', text: value.unit })]),
      h('div', { class: 'tile-foot' }, [foot]),
    ]);
  }

  function kpiCard(view) {
    var blocks = view.cells.map(function (c) {
      return h('div', { 'data-cell-kpis': c.cellId }, [
        h('div', { class: 'cell-kpis-head' }, [chip('role-' + c.role, t('role.' + c.role)), h('span', { class: 'name', text: c.name }), h('span', { class: 'muted mono', text: c.cellId + ' · ' + c.networkType })]),
        h('div', { class: 'tiles' }, KPI_ORDER.map(function (kpi) { return tile(kpi, c.kpis[kpi]); })),
      ]);
    });
    return h('div', { class: 'card' }, [h('h3', { class: 'card-title', text: t('view.kpis') }), h('div', { class: 'cell-kpis' }, blocks)]);
  }

  // ---------- charts ----------

  function chartsCard(view) {
    var cell = servingCell(view);
    var title = h('h3', { class: 'card-title' }, [h('span', { text: t('view.charts') + (cell ? ' · ' + cell.name : '') }), h('span', { class: 'note', text: t('view.chartsNote') })]);
    var body = h('div', { class: 'charts', id: 'charts', 'data-field': 'charts' });
    return h('div', { class: 'card' }, [title, body]);
  }

  function destroyCharts() {
    state.charts.forEach(function (c) { c.destroy(); });
    state.charts = [];
  }

  /** Shades the evaluation window and marks the time of the fault (Chart.js plugin, no extra dependency). */
  function windowPlugin(view) {
    return {
      id: 'evaluationWindow',
      beforeDatasetsDraw: function (chart) {
        var x = chart.scales.x;
        var area = chart.chartArea;
        var ctx = chart.ctx;
        var from = Math.max(x.getPixelForValue(new Date(view.window.from).getTime()), area.left);
        var to = Math.min(x.getPixelForValue(new Date(view.window.to).getTime()), area.right);
        ctx.save();
        ctx.fillStyle = COLORS.window;
        if (to > from) ctx.fillRect(from, area.top, to - from, area.bottom - area.top);
        var at = x.getPixelForValue(new Date(view.occurredAt).getTime());
        if (at >= area.left && at <= area.right) {
          ctx.strokeStyle = COLORS.occurred;
          ctx.setLineDash([2, 3]);
          ctx.beginPath();
          ctx.moveTo(at, area.top);
          ctx.lineTo(at, area.bottom);
          ctx.stroke();
        }
        ctx.restore();
      },
    };
  }

  function renderCharts() {
    var box = $('charts');
    var view = state.view;
    if (!box || !view) return;
    destroyCharts();
    box.textContent = '';
    var series = state.series;
    if (!series) { box.appendChild(h('p', { class: 'muted', text: t('msg.loading') })); return; }
    if (!series.intervals || series.intervals.length === 0 || typeof window.Chart !== 'function') {
      box.appendChild(h('p', { class: 'muted', text: t('view.noSeries') }));
      return;
    }
    var xs = series.intervals.map(function (p) { return new Date(p.time).getTime(); });
    var minX = Math.min(xs[0], new Date(view.window.from).getTime());
    var maxX = Math.max(xs[xs.length - 1], new Date(view.window.to).getTime());
    JUDGED.forEach(function (kpi) {
      var threshold = series.thresholds[kpi];
      var canvas = h('canvas', { 'aria-label': t('kpiName.' + kpi) });
      box.appendChild(h('div', { class: 'chart-box', 'data-chart': kpi }, [
        h('h4', {}, [t('kpiName.' + kpi), h('span', { text: threshold.unit + ' · ' + t('kpi.warn') + ' ' + thresholdText(kpi, threshold.warn) + ' / ' + t('kpi.bad') + ' ' + thresholdText(kpi, threshold.bad) })]),
        h('div', { class: 'chart-canvas' }, [canvas]),
      ]));
      var points = series.intervals.map(function (p) { return { x: new Date(p.time).getTime(), y: p.kpis[kpi].value }; });
      var pointColors = series.intervals.map(function (p) {
        var s = p.kpis[kpi].status;
        return s === 'BAD' ? COLORS.bad : s === 'WARN' ? COLORS.warn : COLORS.series;
      });
      var line = function (value, color, label) {
        return { label: label, data: [{ x: minX, y: value }, { x: maxX, y: value }], borderColor: color, borderWidth: 1, borderDash: [5, 4], pointRadius: 0, fill: false };
      };
      state.charts.push(new window.Chart(canvas, {
        type: 'line',
        data: {
          datasets: [
            { label: t('kpiName.' + kpi), data: points, borderColor: COLORS.series, backgroundColor: COLORS.series, pointBackgroundColor: pointColors, pointBorderColor: pointColors, pointRadius: 2.5, borderWidth: 1.6, tension: 0.2, spanGaps: false },
            line(threshold.warn, COLORS.warn, t('kpi.warn')),
            line(threshold.bad, COLORS.bad, t('kpi.bad')),
          ],
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          parsing: false,
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { title: function (items) { return items.length ? formatTime(new Date(items[0].parsed.x).toISOString()) : ''; } } },
          },
          scales: {
            x: { type: 'linear', min: minX, max: maxX, ticks: { stepSize: 3600e3, maxRotation: 0, font: { size: 10 }, callback: function (v) { return formatClock(v); } }, grid: { color: '#eef1f4' } },
            y: { ticks: { font: { size: 10 }, maxTicksLimit: 5 }, grid: { color: '#eef1f4' } },
          },
        },
        plugins: [windowPlugin(view)],
      }));
    });
  }

  // ---------- routing and wiring ----------

  function route() {
    var match = /^#\/tickets\/(.+)$/.exec(location.hash);
    if (match && state.key) loadTicket(decodeURIComponent(match[1]));
  }

  function takeKeyFromUrl() {
    var url = new URL(location.href);
    var key = url.searchParams.get('key');
    if (!key) return;
    state.key = key;
    localStorage.setItem(KEY_STORAGE, key);
    url.searchParams.delete('key');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  function init() {
    takeKeyFromUrl();
    applyStaticTexts();
    document.querySelectorAll('.lang-switch button').forEach(function (b) {
      b.addEventListener('click', function () { setLanguage(b.getAttribute('data-lang')); });
    });
    $('change-key').addEventListener('click', function () { openKeyDialog(''); });
    $('key-form').addEventListener('submit', function () {
      state.key = $('key-input').value.trim();
      localStorage.setItem(KEY_STORAGE, state.key);
      updateKeyState();
      search(1);
      route();
    });
    $('quick-open').addEventListener('submit', function (event) {
      event.preventDefault();
      var id = $('quick-id').value.trim();
      if (id) openTicket(id);
    });
    $('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var form = new FormData(event.target);
      state.filters = { msisdn: String(form.get('msisdn') || '').trim(), cellId: String(form.get('cellId') || '').trim(), cause: form.get('cause'), status: form.get('status') };
      search(1);
    });
    $('search-form').addEventListener('reset', function () { state.filters = {}; setTimeout(function () { search(1); }, 0); });
    $('prev-page').addEventListener('click', function () { search(state.page - 1); });
    $('next-page').addEventListener('click', function () { search(state.page + 1); });
    window.addEventListener('hashchange', route);
    if (!state.key) { openKeyDialog(''); return; }
    search(1);
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
