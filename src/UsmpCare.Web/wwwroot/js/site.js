// Progressive enhancements only: every page works without this file.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});

// Irreversible actions (sign, issue, release) ask once more; without script the server rules still apply.
document.querySelectorAll('[data-confirm]').forEach(function (element) {
  element.addEventListener('click', function (event) {
    if (!window.confirm(element.getAttribute('data-confirm'))) { event.preventDefault(); }
  });
});

// « / » jumps to the patient search box from any page, as in most web tools.
document.addEventListener('keydown', function (event) {
  var search = document.getElementById('q-global');
  var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
  if (event.key === '/' && search && !typing) {
    event.preventDefault();
    search.focus();
  }
});
