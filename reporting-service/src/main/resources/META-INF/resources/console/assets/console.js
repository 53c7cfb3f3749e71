// Draws the page's chart from the JSON the server placed in #chart-data; the table below it holds the same figures.
(function () {
  var el = document.getElementById('chart');
  var data = document.getElementById('chart-data');
  if (!el || !data || typeof echarts === 'undefined') {
    return;
  }
  var c = JSON.parse(data.textContent);
  var chart = echarts.init(el);
  chart.setOption({
    title: { text: c.title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 20, bottom: 90 },
    xAxis: { type: 'category', data: c.names, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: c.unit },
    series: [{ type: 'bar', data: c.values, itemStyle: { color: '#0b4a8b' } }],
    animation: false
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
