// Instant patient suggestions for the letter-box round: écrou or name, as the nurse types.
(function () {
  var form = document.getElementById('slip-form');
  if (!form) { return; }
  var input = document.getElementById('slip-patient');
  var list = document.getElementById('patient-suggestions');
  var url = form.getAttribute('data-suggest');
  var timer = null;
  var last = '';
  input.addEventListener('input', function () {
    var term = input.value.trim();
    if (term.length < 2 || term === last || term.indexOf(' — ') > 0) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () {
      last = term;
      fetch(url + '&q=' + encodeURIComponent(term), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          list.innerHTML = '';
          items.forEach(function (item) {
            var option = document.createElement('option');
            option.value = item.value;
            if (item.cell) { option.label = 'cellule ' + item.cell; }
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are a help: typing the écrou still works */ });
    }, 120);
  });
})();

// Enter saves the slip from any field, the team and urgency lists included (a list would otherwise open on Enter).
(function () {
  var form = document.getElementById('slip-form');
  if (!form) { return; }
  form.querySelectorAll('select').forEach(function (select) {
    select.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  });
})();
