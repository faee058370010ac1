// "Copy link" on the invitation page: progressive enhancement. Without this script the link
// is still there to select and copy by hand; with it, a button copies it and says so.
(function () {
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy-target'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.value).then(
        function () {
          if (status) status.textContent = 'Link copied';
        },
        function () {
          source.select();
          if (status) status.textContent = 'Select the link and copy it';
        },
      );
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
})();
