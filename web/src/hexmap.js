// Enhances the server-rendered hexmap (/map): a filter by party, the focused or hovered
// constituency described in words below the map, and arrow-key movement between hexes. The map and
// the list under it work without this file.
(function () {
  'use strict';

  function hexLabel(hex) {
    var title = hex.querySelector('title');
    return title ? title.textContent : '';
  }

  function buildFilter(map, hexes, detail) {
    var controls = map.querySelector('[data-recall-hexmap-controls]');
    if (!controls) return;
    var parties = {};
    var order = [];
    hexes.forEach(function (hex) {
      var code = hex.getAttribute('data-party');
      if (!parties[code]) {
        // The party name is the part of the title after the MP's name: use the legend's wording instead.
        parties[code] = { count: 0 };
        order.push(code);
      }
      parties[code].count += 1;
    });
    var names = {};
    document.querySelectorAll('[data-recall-party-name]').forEach(function (el) {
      names[el.getAttribute('data-recall-party-name')] = el.textContent;
    });

    var group = document.createElement('div');
    group.className = 'govuk-form-group';
    var label = document.createElement('label');
    label.className = 'govuk-label';
    label.setAttribute('for', 'hexmap-party-filter');
    label.textContent = 'Highlight a party';
    var select = document.createElement('select');
    select.className = 'govuk-select';
    select.id = 'hexmap-party-filter';
    var all = document.createElement('option');
    all.value = '';
    all.textContent = 'All parties';
    select.appendChild(all);
    var changed = document.createElement('option');
    changed.value = '*changed';
    changed.textContent = 'Only MPs who changed party';
    select.appendChild(changed);
    order.sort(function (a, b) { return parties[b].count - parties[a].count; });
    order.forEach(function (code) {
      var option = document.createElement('option');
      option.value = code;
      option.textContent = (names[code] || code) + ' (' + parties[code].count + ')';
      select.appendChild(option);
    });
    group.appendChild(label);
    group.appendChild(select);
    controls.appendChild(group);
    controls.hidden = false;

    select.addEventListener('change', function () {
      var chosen = select.value;
      var shown = 0;
      hexes.forEach(function (hex) {
        var match = chosen === '' ||
          (chosen === '*changed' ? hex.classList.contains('recall-hex--changed') : hex.getAttribute('data-party') === chosen);
        hex.classList.toggle('recall-hex--dimmed', !match);
        if (match) shown += 1;
      });
      detail.textContent = chosen === '' ? '' : shown + ' constituencies highlighted';
    });
  }

  // Arrow keys move to the nearest hex in that direction, so the map can be explored without a mouse.
  function nearest(hexes, from, dx, dy) {
    var box = from.getBBox();
    var x0 = box.x + box.width / 2;
    var y0 = box.y + box.height / 2;
    var best = null;
    var bestScore = Infinity;
    hexes.forEach(function (hex) {
      if (hex === from) return;
      var b = hex.getBBox();
      var x = b.x + b.width / 2 - x0;
      var y = b.y + b.height / 2 - y0;
      var along = x * dx + y * dy;
      if (along <= 0) return;
      var across = Math.abs(x * dy - y * dx);
      var score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = hex;
      }
    });
    return best;
  }

  function enhance(map) {
    var hexes = Array.prototype.slice.call(map.querySelectorAll('.recall-hex'));
    var detail = map.querySelector('[data-recall-hexmap-detail]');
    if (!detail || hexes.length === 0) return;

    function show(hex) {
      hexes.forEach(function (h) { h.classList.remove('recall-hex--active'); });
      hex.classList.add('recall-hex--active');
      detail.textContent = hexLabel(hex);
    }

    hexes.forEach(function (hex) {
      hex.addEventListener('mouseenter', function () { show(hex); });
      hex.addEventListener('focus', function () { show(hex); });
      hex.addEventListener('keydown', function (event) {
        var moves = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
        var move = moves[event.key];
        if (!move) return;
        var next = nearest(hexes, hex, move[0], move[1]);
        if (next) {
          event.preventDefault();
          next.focus();
        }
      });
    });
    buildFilter(map, hexes, detail);
  }

  document.querySelectorAll('[data-recall-hexmap]').forEach(enhance);
})();
