// The public petition page (/public/petitions/{id}): keeps the count, the table by nation, the
// constituencies with most signatures and the map's shades up to date from count.json, without a
// reload. Polls every 7 s while the page is visible, backing off (doubling, up to 2 minutes) after
// errors. Without this file the page still shows the figures as they were when it loaded.
(function () {
  'use strict';

  var page = document.querySelector('[data-recall-petition]');
  if (!page || !window.fetch) return;
  var url = page.getAttribute('data-count-url');
  var normal = 7000;
  var longest = 120000;
  var delay = normal;
  var timer = null;
  var status = page.querySelector('[data-recall-count-status]');

  function commas(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  // Five shades by share of the busiest constituency: the rule the server uses for the first paint.
  function shade(count, busiest) {
    if (count <= 0 || busiest <= 0) return 0;
    return Math.min(5, Math.max(1, Math.ceil(count * 5 / busiest)));
  }

  function cell(text, numeric) {
    var td = document.createElement('td');
    td.className = 'govuk-table__cell' + (numeric ? ' govuk-table__cell--numeric' : '');
    td.textContent = text;
    return td;
  }

  function draw(data) {
    var count = page.querySelector('[data-recall-count]');
    if (count) count.textContent = commas(data.signature_count);
    (data.signatures_by_nation || []).forEach(function (nation) {
      var td = page.querySelector('[data-recall-nation="' + nation.code + '"]');
      if (td) td.textContent = commas(nation.signature_count);
    });
    var byCode = {};
    var busiest = 0;
    var rows = data.signatures_by_constituency || [];
    rows.forEach(function (row) {
      byCode[row.ons_code] = row.signature_count;
      if (row.signature_count > busiest) busiest = row.signature_count;
    });
    page.querySelectorAll('[data-ons]').forEach(function (hex) {
      var n = byCode[hex.getAttribute('data-ons')] || 0;
      hex.setAttribute('data-shade', String(shade(n, busiest)));
      var title = hex.querySelector('title');
      if (title) title.textContent = title.textContent.replace(/: [\d,]+ signatures$/, ': ' + commas(n) + ' signatures');
    });
    var top = page.querySelector('[data-recall-top]');
    if (top) {
      var sorted = rows.slice().sort(function (a, b) {
        return b.signature_count - a.signature_count || (a.ons_code < b.ons_code ? -1 : 1);
      }).slice(0, 10);
      while (top.firstChild) top.removeChild(top.firstChild);
      sorted.forEach(function (row) {
        var tr = document.createElement('tr');
        tr.className = 'govuk-table__row';
        tr.appendChild(cell(row.name, false));
        tr.appendChild(cell(row.mp || '', false));
        tr.appendChild(cell(commas(row.signature_count), true));
        top.appendChild(tr);
      });
    }
    if (status) status.textContent = 'Updated ' + new Date().toLocaleTimeString();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(poll, delay);
  }

  function poll() {
    if (document.hidden) return; // resumes on visibilitychange
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) {
        delay = normal;
        draw(data);
      })
      .catch(function () {
        delay = Math.min(longest, delay * 2);
        if (status) status.textContent = 'The count could not be refreshed; trying again shortly.';
      })
      .then(schedule);
  }

  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      delay = normal;
      poll();
    }
  });
  schedule();
})();
