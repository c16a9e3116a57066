// Draws the page's chart from the API: launches per month by missile (stacked), or one entity's
// events per month (data-kind="entity"); an external file so the CSP needs no inline script.
(function () {
  var el = document.getElementById('chart');
  if (!el || typeof echarts === 'undefined') { return; }
  var entity = el.getAttribute('data-kind') === 'entity';
  // One line a series with a count: "Hwasong-18: 1", never "Hwasong-181".
  function tooltip(params) {
    var lines = [params[0].axisValue];
    params.forEach(function (p) {
      if (p.value) { lines.push(p.seriesName + ': ' + p.value); }
    });
    return lines.join('\n');
  }
  fetch(el.getAttribute('data-src')).then(function (r) { return r.json(); }).then(function (d) {
    var months = entity ? d.per_month.months : d.months;
    var series = entity
      ? [{ name: d.name, type: 'bar', data: d.per_month.counts }]
      : d.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'launches', data: s.data }; });
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
    el.setAttribute('data-rendered', String(series.length));
  });
})();
