// Warns a signed-in person before their session times out, with a way to stay signed in
// (GOV.UK "timeout warning" pattern). Without JavaScript nothing shows: the page still
// works and, after a timeout, the next page says the scores are saved.
(function () {
  'use strict';
  var banner = document.getElementById('session-timeout-warning');
  if (!banner) return;
  var idleSeconds = Number(banner.getAttribute('data-idle-seconds'));
  var warnSeconds = Number(banner.getAttribute('data-warn-seconds'));
  var signedOutUrl = banner.getAttribute('data-signed-out-url');
  var form = banner.querySelector('form');
  var warnTimer;
  var endTimer;
  function arm() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(function () {
      banner.hidden = false;
      var button = banner.querySelector('button');
      if (button) button.focus();
    }, Math.max(0, idleSeconds - warnSeconds) * 1000);
    endTimer = setTimeout(function () {
      window.location.href = signedOutUrl;
    }, idleSeconds * 1000);
  }
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
      request.onload = function () {
        if (request.status < 400) {
          banner.hidden = true;
          arm();
        } else {
          window.location.href = signedOutUrl;
        }
      };
      var token = form.querySelector('input[name="_csrf"]');
      request.send('_csrf=' + encodeURIComponent(token ? token.value : ''));
    });
  }
  arm();
})();
