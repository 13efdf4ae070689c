// Draws every chart of a Sextant dashboard from the option objects the page carries
// (window.SEXTANT_CHARTS), or, on a live page, the ones handed to window.sextantDraw.
// Values, intervals and tooltip texts all come from the analyses; this script only
// formats axes, shows each item's prepared tooltip and draws interval marks.
(function () {
  'use strict';
  var formats = {
    count: function (v) { return Math.round(v).toLocaleString('en-US'); },
    percent: function (v) { return (v * 100).toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) < 0.1 ? 1 : 0 }) + '%'; },
    money: function (v) {
      var a = Math.abs(v);
      if (a >= 1e6) return '$' + (v / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 }) + 'M';
      if (a >= 1e4) return '$' + (v / 1e3).toLocaleString('en-US', { maximumFractionDigits: 0 }) + 'k';
      return '$' + v.toLocaleString('en-US', { maximumFractionDigits: 2 });
    },
    decimal: function (v) { return v.toLocaleString('en-US', { maximumFractionDigits: 2 }); }
  };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function tipOf(p) {
    var data = p.data;
    if (data && typeof data === 'object' && data.tip !== undefined) return escapeHtml(data.tip);
    return null;
  }

  function tooltip(params) {
    if (Array.isArray(params)) {
      var lines = params.map(function (p) { var t = tipOf(p); return t === null ? null : p.marker + t; })
        .filter(function (l) { return l !== null; });
      return lines.length ? escapeHtml(params[0].axisValueLabel || '') + '<br>' + lines.join('<br>') : '';
    }
    var tip = tipOf(params);
    return tip === null ? escapeHtml(params.name || '') : tip;
  }

  function formatAxis(axis) {
    (Array.isArray(axis) ? axis : [axis]).forEach(function (a) {
      if (a && a.sextantFormat) {
        a.axisLabel = Object.assign({}, a.axisLabel, { formatter: formats[a.sextantFormat] });
      }
    });
  }

  // Interval marks: a whisker with end caps, or a tornado bar from the reference.
  function renderInterval(kind, reference) {
    return function (params, api) {
      var palette = window.SEXTANT_PALETTE;
      var horizontal = kind !== 'whiskerY';
      var category = api.value(0), low = api.value(1), high = api.value(2);
      var start = horizontal ? api.coord([low, category]) : api.coord([category, low]);
      var end = horizontal ? api.coord([high, category]) : api.coord([category, high]);
      var band = (horizontal ? api.size([0, 1])[1] : api.size([1, 0])[0]);
      var series = params.seriesIndex !== undefined ? option(params).series[params.seriesIndex] : {};
      var count = series.sextantSeriesCount || 1, index = series.sextantSeries || 0;
      var offset = count > 1 ? (index - (count - 1) / 2) * band * 0.8 / count : 0;
      var item = series.data[params.dataIndex] || {};
      var color = item.color || palette.text;
      if (kind === 'tornado') {
        var ref = api.coord([reference, category]);
        var height = band * 0.6;
        return {
          type: 'group', children: [
            { type: 'rect', shape: { x: Math.min(ref[0], start[0]), y: ref[1] - height / 2, width: Math.abs(start[0] - ref[0]), height: height }, style: { fill: palette.negative, opacity: 0.75 } },
            { type: 'rect', shape: { x: Math.min(ref[0], end[0]), y: ref[1] - height / 2, width: Math.abs(end[0] - ref[0]), height: height }, style: { fill: palette.positive, opacity: 0.75 } }
          ]
        };
      }
      var cap = Math.max(3, band * 0.15);
      if (horizontal) {
        var y = start[1] + offset;
        return {
          type: 'group', children: [
            { type: 'line', shape: { x1: start[0], y1: y, x2: end[0], y2: y }, style: { stroke: color, lineWidth: 2 } },
            { type: 'line', shape: { x1: start[0], y1: y - cap, x2: start[0], y2: y + cap }, style: { stroke: color, lineWidth: 2 } },
            { type: 'line', shape: { x1: end[0], y1: y - cap, x2: end[0], y2: y + cap }, style: { stroke: color, lineWidth: 2 } }
          ]
        };
      }
      var x = start[0] + offset;
      return {
        type: 'group', children: [
          { type: 'line', shape: { x1: x, y1: start[1], x2: x, y2: end[1] }, style: { stroke: color, lineWidth: 1.5 } },
          { type: 'line', shape: { x1: x - cap, y1: start[1], x2: x + cap, y2: start[1] }, style: { stroke: color, lineWidth: 1.5 } },
          { type: 'line', shape: { x1: x - cap, y1: end[1], x2: x + cap, y2: end[1] }, style: { stroke: color, lineWidth: 1.5 } }
        ]
      };
    };
  }

  var options = {};
  function option(params) { return options[params.sextantChart]; }

  function prepare(id, opt) {
    options[id] = opt;
    opt.tooltip = Object.assign({ formatter: tooltip }, opt.tooltip);
    formatAxis(opt.xAxis);
    formatAxis(opt.yAxis);
    (opt.series || []).forEach(function (s) {
      if (s.sextantRenderer) {
        var draw = renderInterval(s.sextantRenderer, s.sextantReference || 0);
        s.renderItem = function (params, api) { params.sextantChart = id; return draw(params, api); };
      }
      if (s.type === 'funnel') {
        s.label = Object.assign({}, s.label, { formatter: function (p) { return p.name + '  ' + formats.count(p.value); } });
      }
      if (s.sextantFormat && s.type === 'heatmap') {
        s.label = Object.assign({}, s.label, { formatter: function (p) { return p.data && p.data.text != null ? p.data.text : formats[s.sextantFormat](p.value[2]); } });
      }
      if (s.sextantFormat && s.type === 'gauge') {
        s.detail = Object.assign({}, s.detail, { formatter: formats[s.sextantFormat] });
        s.axisLabel = Object.assign({}, s.axisLabel, { formatter: formats[s.sextantFormat] });
      }
      (s.data || []).forEach(function (d) {
        if (d && d.incomplete) d.itemStyle = Object.assign({ opacity: 0.45, borderType: 'dashed' }, d.itemStyle);
      });
    });
    if (opt.visualMap && opt.visualMap.sextantFormat) opt.visualMap.formatter = formats[opt.visualMap.sextantFormat];
    return opt;
  }

  window.sextantCharts = {};
  // Draws (or redraws in place, replacing the old option) chart `id` in element `el`.
  window.sextantDraw = function (el, id, opt) {
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(prepare(id, opt), true);
    window.sextantCharts[id] = chart;
    return chart;
  };
  window.addEventListener('resize', function () {
    Object.keys(window.sextantCharts).forEach(function (id) { window.sextantCharts[id].resize(); });
  });
  if (window.SEXTANT_CHARTS) {
    document.querySelectorAll('.chart').forEach(function (el) {
      var id = el.getAttribute('data-chart-id');
      window.sextantDraw(el, id, window.SEXTANT_CHARTS[id]);
    });
    window.sextantReady = true;
  }
})();
