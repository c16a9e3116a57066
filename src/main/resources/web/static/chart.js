// Draws launches per month by missile from the API; an external file so the CSP needs no inline script.
(function () {
  var el = document.getElementById('chart');
  if (!el || typeof echarts === 'undefined') { return; }
  fetch(el.getAttribute('data-src')).then(function (r) { return r.json(); }).then(function (d) {
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 40, left: 40, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: [{ type: 'slider' }],
      series: d.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'launches', data: s.data }; })
    });
    el.setAttribute('data-rendered', String(d.series.length));
  });
})();
