// The lakehouse dashboard: draws a page's panels from /api/pages/<page> and keeps them live over
// server-sent events (/api/events?page=<page>). Every string from the data is put in the page with
// textContent or drawn on a canvas by ECharts: never parsed as HTML.
(() => {
  'use strict';

  const page = document.querySelector('meta[name="lakehouse-page"]').content;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const container = document.getElementById('panels');
  const live = document.getElementById('live');
  const layouts = new Map(); // panel id -> layout from /api/pages/<page>
  const charts = new Map(); // panel id -> ECharts instance
  const BADGES = new Set(['critical', 'warning', 'info', 'open', 'acknowledged', 'green', 'yellow', 'red', 'n/a',
    'healthy', 'slow', 'behind', 'stalled', 'stopped', 'failed', 'out of stock', 'low stock']);
  const PALETTE = ['#1f6feb', '#e8912d', '#d1242f', '#2da44e', '#8250df', '#57606a', '#bf8700', '#0a7d8c'];

  // ---- formatting -------------------------------------------------------------------------------

  const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

  function label(column) {
    const text = column.replace(/_/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function format(value, kind) {
    if (value === null || value === undefined) return '–';
    if (Array.isArray(value)) return value.map((v) => format(v)).join(', ');
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value === 'number') {
      if (kind === 'money') return money.format(value);
      if (kind === 'pct') return decimal.format(value * 100) + '%';
      return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
    }
    if (typeof value === 'object') return JSON.stringify(value);
    const text = String(value);
    if (ISO_TIME.test(text)) return text.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
    return text;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function badge(value) {
    const text = format(value);
    const known = typeof value === 'string' && BADGES.has(value.toLowerCase());
    const span = el('span', known ? 'badge badge-' + value.toLowerCase().replace(/[^a-z]/g, '') : 'badge', text);
    return span;
  }

  // ---- panels -----------------------------------------------------------------------------------

  function section(layout) {
    const node = el('section', 'panel kind-' + layout.kind + (layout.view && layout.view.wide ? ' wide' : ''));
    node.dataset.panel = layout.id;
    node.dataset.state = 'loading';
    node.dataset.updates = '0';
    const head = el('div', 'panel-head');
    head.append(el('h2', null, layout.title), el('span', 'panel-meta', 'loading…'));
    node.append(head, el('div', 'panel-body'), el('div', 'panel-status'));
    return node;
  }

  function render(panel) {
    const layout = layouts.get(panel.id);
    const node = container.querySelector('section[data-panel="' + CSS.escape(panel.id) + '"]');
    if (!layout || !node) return;
    const body = node.querySelector('.panel-body');
    const meta = node.querySelector('.panel-meta');
    const view = layout.view || {};
    const dayColumn = layout.kind === 'kpis' ? panel.columns.indexOf('day') : -1;
    const day = panel.day || (dayColumn >= 0 && panel.rows.length ? panel.rows[0][dayColumn] : null);
    meta.textContent = (day ? day + ' · ' : '') + 'updated ' + format(panel.computed_at);
    node.dataset.day = day || '';
    node.dataset.versions = JSON.stringify(panel.tables || {});
    node.dataset.updates = String(Number(node.dataset.updates) + 1);
    if (panel.error) {
      disposeChart(panel.id);
      body.replaceChildren(el('p', 'panel-error', panel.error));
      node.dataset.state = 'error';
      return;
    }
    const empty = panel.rows.length === 0 || (layout.kind === 'funnel' && panel.rows.every((r) => r[1] === null));
    if (empty) {
      disposeChart(panel.id);
      body.replaceChildren(el('p', 'panel-empty', 'No data yet.'));
    } else if (layout.kind === 'kpis') {
      renderKpis(body, panel, view);
    } else if (layout.kind === 'table') {
      renderTable(body, panel, view, node);
    } else {
      renderChart(body, panel, layout, view);
    }
    node.dataset.state = 'ready';
  }

  function renderKpis(body, panel, view) {
    const formats = view.formats || {};
    const row = panel.rows[0];
    const shown = panel.columns.map((column, i) => [column, i]).filter(([column]) => column !== 'day');
    const tiles = shown.map(([column, i]) => {
      const tile = el('div', 'kpi');
      tile.dataset.kpi = column;
      tile.dataset.value = row[i] === null ? '' : String(row[i]);
      tile.append(el('div', 'kpi-value', format(row[i], formats[column])), el('div', 'kpi-label', label(column)));
      return tile;
    });
    disposeChart(panel.id);
    body.replaceChildren(...tiles);
  }

  function renderTable(body, panel, view, node) {
    const formats = view.formats || {};
    const action = view.action;
    const badgeColumns = new Set(['severity', 'status', 'verdict', view.zone].filter(Boolean));
    const hidden = new Set(view.hidden || []);
    const table = el('table');
    const head = el('tr');
    const labels = view.labels || {};
    panel.columns.forEach((column) => {
      if (!hidden.has(column)) head.append(el('th', null, labels[column] || label(column)));
    });
    if (action) head.append(el('th', null, ''));
    table.append(el('thead'), el('tbody'));
    table.tHead.append(head);
    panel.rows.forEach((row) => {
      const tr = el('tr');
      row.forEach((value, i) => {
        const column = panel.columns[i];
        if (hidden.has(column)) return;
        const td = el('td');
        td.dataset.col = column;
        if (badgeColumns.has(column) && typeof value === 'string') td.append(badge(value));
        else td.textContent = format(value, formats[column]);
        if (typeof value === 'number') td.className = 'num';
        tr.append(td);
      });
      if (action && action.kind === 'acknowledge') {
        const id = row[panel.columns.indexOf(action.column)];
        const button = el('button', 'ack', 'Acknowledge');
        button.type = 'button';
        button.dataset.alertId = id;
        button.title = 'Acknowledge alert ' + id + ' (as lakehouse alerts ack does)';
        button.addEventListener('click', () => acknowledge(button, id, node));
        const td = el('td');
        td.append(button);
        tr.append(td);
      }
      table.tBodies[0].append(tr);
    });
    disposeChart(panel.id);
    const scroll = el('div', 'table-scroll');
    scroll.append(table);
    body.replaceChildren(scroll);
  }

  async function acknowledge(button, id, node) {
    const status = node.querySelector('.panel-status');
    button.disabled = true;
    try {
      const response = await fetch('/api/alerts/ack', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ alert_ids: [id], by: 'dashboard' }),
      });
      const result = await response.json();
      status.textContent = response.ok ? 'Acknowledged ' + id + '.' : (result.error || 'Cannot acknowledge ' + id + '.');
      if (!response.ok) button.disabled = false;
    } catch (e) {
      status.textContent = 'Cannot acknowledge ' + id + ': ' + e.message;
      button.disabled = false;
    }
  }

  // ---- charts -----------------------------------------------------------------------------------

  function chartFor(id, body) {
    let chart = charts.get(id);
    let host = body.querySelector('.chart');
    if (!chart || !host) {
      disposeChart(id);
      host = el('div', 'chart');
      body.replaceChildren(host);
      chart = echarts.init(host, null, { renderer: 'canvas' });
      charts.set(id, chart);
    }
    return chart;
  }

  function disposeChart(id) {
    const chart = charts.get(id);
    if (chart) {
      chart.dispose();
      charts.delete(id);
    }
  }

  function column(panel, name) {
    const i = panel.columns.indexOf(name);
    return panel.rows.map((row) => row[i]);
  }

  // rows in long form (x, series, value) as one list of points per value of the series column
  function groups(panel, x, series, value, toX) {
    const xs = column(panel, x);
    const keys = column(panel, series);
    const values = column(panel, value);
    const byKey = new Map();
    keys.forEach((key, i) => {
      const name = format(key);
      if (!byKey.has(name)) byKey.set(name, []);
      byKey.get(name).push([toX(xs[i]), values[i]]);
    });
    return byKey;
  }

  function renderChart(body, panel, layout, view) {
    const chart = chartFor(panel.id, body);
    const formats = view.formats || {};
    const base = {
      useUTC: true,
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      tooltip: { trigger: layout.kind === 'funnel' ? 'item' : 'axis', renderMode: 'richText', confine: true },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
    };
    let option;
    if (layout.kind === 'timeseries') option = timeseries(panel, view, formats);
    else if (layout.kind === 'bars') option = bars(panel, view, formats);
    else option = funnel(panel);
    chart.setOption(Object.assign(base, option), { notMerge: true });
  }

  function axisLabel(kind) {
    return { formatter: (v) => format(v, kind) };
  }

  function timeseries(panel, view, formats) {
    const toTime = (v) => Date.parse(v);
    const series = [];
    const second = new Set(view.secondAxis || []);
    if (view.series) {
      groups(panel, view.x, view.series, view.value, toTime).forEach((points, name) => {
        series.push({ name, type: 'line', showSymbol: points.length < 60, data: points });
      });
    } else {
      const xs = column(panel, view.x).map(toTime);
      (view.y || []).forEach((name) => {
        const type = (view.types || {})[name] || 'line';
        const values = column(panel, name);
        series.push({
          name: label(name), type, yAxisIndex: second.has(name) ? 1 : 0, showSymbol: xs.length < 60,
          stack: view.stack && type === 'bar' ? 'total' : undefined, barMaxWidth: 14,
          data: xs.map((x, i) => [x, values[i]]),
        });
      });
      if (view.mark) {
        const marks = column(panel, view.mark);
        const first = column(panel, view.y[0]);
        const points = xs.map((x, i) => [x, first[i]]).filter((_, i) => marks[i] === true);
        series.push({ name: 'Anomaly', type: 'scatter', symbol: 'pin', symbolSize: 30, itemStyle: { color: '#d1242f' },
          data: points, z: 10 });
      }
    }
    const valueAxis = (names) => ({ type: 'value', scale: false, axisLabel: axisLabel(formats[names[0]]) });
    const firstAxis = (view.y || [view.value]).filter((n) => !second.has(n));
    const yAxis = [valueAxis(firstAxis)];
    if (second.size) yAxis.push(Object.assign(valueAxis([...second]), { splitLine: { show: false } }));
    return { xAxis: Object.assign({ type: 'time' }, padded(column(panel, view.x).map(toTime))), yAxis, series };
  }

  // half a step of room at both ends, so the first and last bars are drawn whole
  function padded(times) {
    const sorted = [...new Set(times)].sort((a, b) => a - b);
    if (sorted.length === 0) return {};
    let step = Infinity;
    for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
    if (!Number.isFinite(step)) step = 60000;
    return { min: sorted[0] - step / 2, max: sorted[sorted.length - 1] + step / 2 };
  }

  function bars(panel, view, formats) {
    const categories = [...new Set(column(panel, view.x).map((v) => format(v)))];
    const series = [];
    if (view.series) {
      groups(panel, view.x, view.series, view.value, (v) => format(v)).forEach((points, name) => {
        const byCategory = new Map(points);
        series.push({ name, type: 'bar', data: categories.map((c) => byCategory.has(c) ? byCategory.get(c) : null) });
      });
    } else {
      (view.y || []).forEach((name) => series.push({ name: label(name), type: 'bar', data: column(panel, name) }));
    }
    const valueKind = formats[view.value || (view.y || [])[0]];
    return {
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: axisLabel(valueKind) },
      yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
      series,
    };
  }

  function funnel(panel) {
    return {
      legend: { show: false },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 16, bottom: 8, gap: 2, minSize: '35%',
        label: { show: true, position: 'inside', color: '#fff', fontWeight: 600,
          formatter: (p) => p.name + ': ' + format(p.value) },
        data: panel.rows.map((row) => ({ name: format(row[0]), value: row[1] })),
      }],
    };
  }

  // ---- wiring -----------------------------------------------------------------------------------

  function connect() {
    const events = new EventSource('/api/events?page=' + encodeURIComponent(page));
    events.addEventListener('open', () => {
      live.dataset.state = 'live';
      live.textContent = 'live';
    });
    events.addEventListener('error', () => {
      live.dataset.state = 'reconnecting';
      live.textContent = 'reconnecting…';
    });
    events.addEventListener('panel', (event) => render(JSON.parse(event.data)));
    events.addEventListener('heartbeat', () => {
      live.dataset.state = 'live';
      live.textContent = 'live';
    });
  }

  async function start() {
    document.querySelectorAll('nav a').forEach((a) => {
      if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
    });
    const response = await fetch('/api/pages/' + encodeURIComponent(page));
    if (response.status === 401) {
      window.location.assign('/login');
      return;
    }
    const layout = await response.json();
    layout.panels.forEach((panel) => {
      layouts.set(panel.id, panel);
      container.append(section(panel));
    });
    connect();
  }

  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
  start();
})();
