// The distribution round, keyboard only: in a dose's list a letter picks the outcome and Enter records it (a list would
// otherwise open on Enter); the page comes back with the next dose focused.
(function () {
  document.querySelectorAll('form.dose-form select').forEach(function (select) {
    select.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        select.form.requestSubmit();
      }
    });
  });
})();
