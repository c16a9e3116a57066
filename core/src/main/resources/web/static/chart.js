// Draws the page's charts from the API (an external file, so the CSP needs no inline script):
// launches per month by missile (stacked), events per month by type (stacked, data-kind="types"),
// or one entity's events per month (data-kind="entity"). A bar of a chart with data-link opens the
// timeline filtered to its month (and its type), the events it counts.
(function () {
  if (typeof echarts === 'undefined') { return; }
  // One line a series with a count: "Hwasong-18: 1", never "Hwasong-181".
  function tooltip(params) {
    var lines = [params[0].axisValue];
    params.forEach(function (p) {
      if (p.value) { lines.push(p.seriesName + ': ' + p.value); }
    });
    return lines.join('\n');
  }
  // The timeline link of a bar: data-link with {month} and {type} filled in.
  function link(el, month, type) {
    return el.getAttribute('data-link')
      .replace('{month}', encodeURIComponent(month))
      .replace('{type}', encodeURIComponent(type || ''));
  }
  function draw(el) {
    var kind = el.getAttribute('data-kind');
    fetch(el.getAttribute('data-src')).then(function (r) { return r.json(); }).then(function (d) {
      var months = kind === 'entity' ? d.per_month.months : d.months;
      var stack = kind === 'types' ? 'events' : 'launches';
      var series = kind === 'entity'
        ? [{ name: d.name, type: 'bar', data: d.per_month.counts }]
        : d.series.map(function (s) { return { name: s.name, id: s.type || s.name, type: 'bar', stack: stack, data: s.data }; });
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        // drawn on the canvas (richText): ECharts' HTML tooltip writes style attributes, which the
        // page's Content-Security-Policy refuses, and without them names and values ran together
        tooltip: { trigger: 'axis', renderMode: 'richText', formatter: tooltip },
        legend: { type: 'scroll', top: 0 },
        grid: { top: 40, left: 40, right: 20, bottom: 60 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        dataZoom: [{ type: 'slider' }],
        series: series
      });
      if (el.getAttribute('data-link')) {
        chart.getZr().setCursorStyle('pointer');
        chart.on('click', { componentType: 'series' }, function (p) {
          window.location.assign(link(el, p.name, kind === 'types' ? p.seriesId : ''));
        });
      }
      window.addEventListener('resize', function () { chart.resize(); });
      el.setAttribute('data-rendered', String(series.length));
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.chart'), draw);
})();
