// Starts Web Chat with a Direct Line token; everything it says comes from the page's config.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var host = document.getElementById('webchat');
  var domain = config.directLineDomain || window.location.origin + '/v3/directline';
  // One saved conversation per language: switching language starts a chat in that language.
  var savedKey = 'eimza.webchat.' + config.locale;

  function post(url, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: '{}' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  function readSaved() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(savedKey) || 'null');
      return saved && saved.token && saved.conversationId ? saved : null;
    } catch (ignored) {
      return null;
    }
  }

  function save(directLine) {
    try {
      if (directLine.token && directLine.conversationId) {
        window.sessionStorage.setItem(savedKey, JSON.stringify({ token: directLine.token, conversationId: directLine.conversationId }));
      }
    } catch (ignored) { /* private browsing: the chat simply starts afresh next time */ }
  }

  // A reload resumes the saved conversation while its token can still be refreshed.
  function connection() {
    var saved = readSaved();
    var fresh = function () {
      return post(config.tokenUrl).then(function (result) { return { token: result.token }; });
    };
    if (!saved) return fresh();
    return post(domain + '/tokens/refresh', saved.token)
      .then(function (result) { return { token: result.token, conversationId: saved.conversationId }; })
      .catch(function () {
        window.sessionStorage.removeItem(savedKey);
        return fresh();
      });
  }

  function showError() {
    host.innerHTML = '';
    var message = document.createElement('p');
    message.className = 'status';
    message.setAttribute('role', 'alert');
    message.textContent = config.texts.connectError;
    host.appendChild(message);
  }

  connection().then(function (start) {
    var directLine = window.WebChat.createDirectLine({
      token: start.token,
      conversationId: start.conversationId,
      domain: domain,
      webSocket: true,
      conversationStartProperties: { locale: config.locale }
    });
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === 2) save(directLine); // 2 = Online
    });
    window.addEventListener('pagehide', function () { save(directLine); });
    host.innerHTML = '';
    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: config.locale,
      styleOptions: config.styleOptions,
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: config.texts.sendBoxPlaceholder }
    }, host);
  }).catch(showError);
})();
