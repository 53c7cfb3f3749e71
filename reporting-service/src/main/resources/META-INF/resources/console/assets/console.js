// Each chart's ECharts option comes from the server as JSON in the script element its data-option names;
// the table next to it holds the same figures for keyboards and screen readers.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var charts = [];
  document.querySelectorAll('.chart[data-option]').forEach(function (el) {
    var data = document.getElementById(el.getAttribute('data-option'));
    if (!data) {
      return;
    }
    var chart = echarts.init(el);
    chart.setOption(JSON.parse(data.textContent));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();

// A form that cannot be undone (publishing an assessment) asks once more; the server still requires its
// confirmation box, so the question is a courtesy, not the guard.
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        e.preventDefault();
      }
    });
  });
})();
