(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];
  var charts = [];

  function num(x, digits) {
    return Number(x).toLocaleString('en-US', {maximumFractionDigits: digits === undefined ? 1 : digits});
  }

  /** The largest unit of the list in which max is at least 1, so axes read 12.5 mJ rather than 1.25e10 pJ. */
  function scaleOf(max, units) {
    var pick = units[0];
    units.forEach(function (u) {
      if (max >= u[1]) {
        pick = u;
      }
    });
    return {name: pick[0], factor: pick[1]};
  }

  function make(id, option, height) {
    var el = document.getElementById(id);
    if (!el) {
      return null;
    }
    if (height) {
      el.style.height = height + 'px';
    }
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }

  /** Dynamic and static parts stacked per component class, in the largest unit that keeps the top above 1. */
  function stackedByClass(id, title, units, dynamic, fixed) {
    var e = data.energy;
    var names = e.map(function (c) { return c.component; });
    var top = Math.max.apply(null, e.map(function (c) { return dynamic(c) + fixed(c); }).concat([1e-9]));
    var unit = scaleOf(top, units);
    make(id, {
      title: {text: title + ' (' + unit.name + ')', left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: function (v) { return num(v, 3) + ' ' + unit.name; }},
      legend: {bottom: 0},
      grid: {left: 60, right: 16, top: 36, bottom: 56},
      xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: names.length > 6 ? 30 : 0}},
      yAxis: {type: 'value'},
      series: [
        {name: 'dynamic', type: 'bar', stack: 's', data: e.map(function (c) { return dynamic(c) / unit.factor; })},
        {name: 'static', type: 'bar', stack: 's', data: e.map(function (c) { return fixed(c) / unit.factor; })}
      ]
    });
  }

  function energyCharts() {
    stackedByClass('chart-energy', 'Energy', [['pJ', 1], ['nJ', 1e3], ['µJ', 1e6], ['mJ', 1e9], ['J', 1e12]],
      function (c) { return c.dynamicPj; }, function (c) { return c.staticPj; });
    stackedByClass('chart-power', 'Power over the run', [['mW', 1], ['W', 1e3]],
      function (c) { return c.dynamicPowerMw; }, function (c) { return c.staticPowerMw; });
  }

  function pipelineChart() {
    var p = data.pipeline;
    var rows = p.layers.length;
    // Each image gets its own lane within a layer's row, so overlapping images stay apart.
    function bar(params, api) {
      var image = api.value(0);
      var row = api.value(1);
      var from = api.coord([api.value(2), row]);
      var to = api.coord([api.value(3), row]);
      var band = api.size([0, 1])[1] * 0.8;
      var lane = band / p.images;
      var rect = echarts.graphic.clipRectByRect(
        {x: from[0], y: from[1] - band / 2 + image * lane, width: Math.max(to[0] - from[0], 1), height: Math.max(lane - 1, 1)},
        {x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height});
      return rect && {type: 'rect', shape: rect, style: api.style()};
    }
    var series = [];
    for (var image = 0; image < p.images; image++) {
      series.push({
        type: 'custom', name: 'image ' + image, renderItem: bar, encode: {x: [2, 3], y: 1},
        itemStyle: {color: palette[image % palette.length]},
        data: p.bars.filter(function (b) { return b[0] === image; })
      });
    }
    var option = {
      tooltip: {formatter: function (t) {
        var b = t.value;
        return p.layers[b[1]] + ', image ' + b[0] + '<br>cycles ' + num(b[2], 0) + ' to ' + num(b[3], 0)
          + ' (' + num(b[3] - b[2], 0) + ')';
      }},
      legend: {top: 0},
      grid: {left: 120, right: 24, top: 32, bottom: 48},
      xAxis: {type: 'value', name: 'cycle', nameLocation: 'middle', nameGap: 26, max: p.cycles,
        axisLabel: {showMaxLabel: false}},
      yAxis: {type: 'category', data: p.layers, inverse: true, axisLabel: {width: 110, overflow: 'truncate'}},
      series: series
    };
    if (rows > 40) {
      option.dataZoom = [{type: 'slider', yAxisIndex: 0, startValue: 0, endValue: 39, right: 0, width: 14}];
    }
    make('chart-pipeline', option, Math.min(900, Math.max(300, 90 + Math.min(rows, 40) * 20)));
  }

  function utilizationChart() {
    var u = data.utilization;
    var bottleneck = u.bottleneck.name;
    var at = u.resources.indexOf(bottleneck);
    var shown = 40;
    var option = {
      title: {text: 'Bottleneck: ' + bottleneck, left: 'center', textStyle: {fontSize: 14, color: '#b91c1c'}},
      tooltip: {formatter: function (t) {
        var c = t.value;
        var start = u.windowStarts[c[0]];
        return u.resources[c[1]] + '<br>cycles from ' + num(start, 0) + ': ' + num(c[2] * 100, 1) + ' % busy';
      }},
      grid: {left: 150, right: 40, top: 32, bottom: 96},
      xAxis: {type: 'category', data: u.windowStarts.map(String), name: 'window start (cycle)',
        nameLocation: 'middle', nameGap: 28, splitArea: {show: false},
        axisLabel: {formatter: function (v) { return num(Number(v), 0); }}},
      yAxis: {type: 'category', data: u.resources, inverse: true, axisLabel: {
        formatter: function (v) { return v === bottleneck ? '{b|' + v + '}' : v; },
        rich: {b: {color: '#b91c1c', fontWeight: 'bold'}}}},
      visualMap: {min: 0, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 200, itemWidth: 12, text: ['busy', 'idle'], inRange: {color: ['#f0f4f8', '#fde68a', '#f97316', '#b91c1c']}},
      series: [{type: 'heatmap', data: u.cells, progressive: 0}]
    };
    if (u.resources.length > shown) {
      var first = Math.max(0, Math.min(at - shown / 2, u.resources.length - shown));
      option.dataZoom = [{type: 'slider', yAxisIndex: 0, startValue: first, endValue: first + shown - 1, right: 0, width: 14},
        {type: 'inside', yAxisIndex: 0}];
    }
    make('chart-utilization', option, Math.min(900, 160 + Math.min(u.resources.length, shown) * 16));
  }

  function meshChart() {
    var m = data.mesh;
    var el = document.getElementById('chart-mesh');
    var height = Math.min(900, Math.max(360, m.rows * 150));
    el.style.height = height + 'px';
    var h = Math.max(40, Math.min(100, (height - 60) / m.rows * 0.6));
    // The layout keeps the mesh square, so columns are as far apart as rows.
    var spacing = m.rows > 1 ? (height - h - 32) / (m.rows - 1) : el.clientWidth / m.cols;
    var w = Math.max(60, Math.min(170, el.clientWidth / m.cols * 0.64, spacing * 0.8));
    var font = w < 110 ? 9 : 11;
    var byPosition = {};
    m.macros.forEach(function (mac) { byPosition[mac.row + ',' + mac.col] = mac; });
    var nodes = [];
    for (var r = 0; r < m.rows; r++) {
      for (var c = 0; c < m.cols; c++) {
        var mac = byPosition[r + ',' + c];
        var node = {name: 'r' + r + 'c' + c, x: c, y: r};
        if (mac) {
          var layers = mac.layers.slice(0, 2).join(', ') + (mac.layers.length > 2 ? ' +' + (mac.layers.length - 2) : '');
          node.symbol = 'roundRect';
          node.symbolSize = [w, h];
          node.itemStyle = {color: '#e0ecff', borderColor: '#486581', borderWidth: 1};
          node.label = {show: true, fontSize: font, lineHeight: font + 3, color: '#102a43', width: w - 6, overflow: 'truncate',
            formatter: 'm' + mac.id + ': ' + layers + '\n' + num(mac.crossbars, 0) + ' xbars ' + mac.crossbarSize
              + '\n' + mac.adcs + ' ADCs ' + mac.adcBits + ' b\nSPM ' + num(mac.scratchpadKb, 0) + ' KB'};
          node.macro = mac;
        } else {
          node.symbol = 'circle';
          node.symbolSize = 8;
          node.itemStyle = {color: '#bcccdc'};
          node.label = {show: false};
        }
        nodes.push(node);
      }
    }
    var maxBusy = Math.max.apply(null, m.links.map(function (l) { return l.busyCycles; }).concat([1]));
    function shade(f) {
      var from = [159, 179, 200];
      var to = [185, 28, 28];
      var rgb = from.map(function (v, i) { return Math.round(v + (to[i] - v) * f); });
      return 'rgb(' + rgb.join(',') + ')';
    }
    var links = m.links.map(function (l) {
      var f = l.busyCycles / maxBusy;
      return {source: 'r' + l.fromRow + 'c' + l.fromCol, target: 'r' + l.toRow + 'c' + l.toCol, link: l,
        lineStyle: {color: shade(f), width: 1.5 + 4 * f, curveness: 0.06, opacity: 0.9}};
    });
    make('chart-mesh', {
      tooltip: {formatter: function (t) {
        if (t.dataType === 'edge') {
          var l = t.data.link;
          return l.name + '<br>busy ' + num(l.busyCycles, 0) + ' cycles (' + num(l.utilization * 100, 1) + ' %)';
        }
        var mac = t.data.macro;
        if (!mac) {
          return t.name + ': no macro';
        }
        return 'macro ' + mac.id + ' at ' + t.name + '<br>layers: ' + mac.layers.join(', ') + '<br>crossbars: '
          + mac.crossbarsByLayer.map(function (g) { return g.layer + ' ' + g.crossbars; }).join(', ')
          + '<br>ADCs: ' + mac.adcs + ' x ' + mac.adcBits + ' bits<br>ALUs: '
          + mac.alus.map(function (a) { return a.kind + ' ' + a.units; }).join(', ')
          + '<br>scratchpad: ' + mac.scratchpadKb + ' KB';
      }},
      graphic: [
        {type: 'text', right: 190, bottom: 6, style: {text: 'links: idle', fontSize: 11, fill: '#486581'}},
        {type: 'rect', right: 80, bottom: 6, shape: {width: 100, height: 10}, style: {fill: new echarts.graphic.LinearGradient(0, 0, 1, 0,
          [{offset: 0, color: shade(0)}, {offset: 1, color: shade(1)}])}},
        {type: 'text', right: 4, bottom: 6, style: {text: num(maxBusy, 0) + ' cycles', fontSize: 11, fill: '#486581'}}
      ],
      series: [{type: 'graph', layout: 'none', data: nodes, links: links, edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 7, top: h / 2 + 8, bottom: h / 2 + 24,
        emphasis: {focus: 'adjacency'}}]
    });
  }

  function searchCharts() {
    var s = data.search;
    if (!s) {
      return;
    }
    make('chart-search', {
      title: {text: 'Best ' + s.objective + ' per generation', left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return num(v, 2) + ' ' + s.unit; }},
      grid: {left: 70, right: 24, top: 36, bottom: 44},
      xAxis: {type: 'category', name: 'generation', nameLocation: 'middle', nameGap: 26,
        data: s.bestFitnessPerGeneration.map(function (v, i) { return String(i); })},
      yAxis: {type: 'value', name: s.unit, scale: true},
      series: [{type: 'line', step: 'end', symbolSize: 4, data: s.bestFitnessPerGeneration}]
    });
    var d = s.designPoints;
    var kinds = [['searched', d.searched], ['shared a search', d.shared], ['pruned', d.pruned],
      ['without an ADC', d.withoutAdc], ['not visited', d.notVisited]];
    make('chart-points', {
      title: {text: num(d.total, 0) + ' design points; ' + num(d.found, 0) + ' found a design, '
        + num(s.fitnessEvaluations, 0) + ' fitness evaluations', left: 'center', textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      grid: {left: 110, right: 48, top: 36, bottom: 24},
      xAxis: {type: 'value'},
      yAxis: {type: 'category', inverse: true, data: kinds.map(function (k) { return k[0]; })},
      series: [{type: 'bar', data: kinds.map(function (k) { return k[1]; }), label: {show: true, position: 'right'},
        itemStyle: {color: '#5470c6'}}]
    });
  }

  energyCharts();
  pipelineChart();
  utilizationChart();
  meshChart();
  searchCharts();
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
