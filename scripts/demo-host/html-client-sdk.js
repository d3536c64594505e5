/*
 * The demo host's stand-in for the vSphere Client's /api/ui/htmlClientSdk.js. The real SDK is
 * served by vCenter into each plug-in frame; this one is loaded by the embedded Glasspane view
 * from the demo host's origin and bridges the documented calls to the host page with
 * postMessage ({ sdkBridge: 1, call | reply | event }). It talks only to its parent window, on
 * the origin it was loaded from.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var hostOrigin = new URL(script ? script.src : window.location.href).origin;
  var state = null;
  var asked = false;
  var initCallbacks = [];
  var themeCallbacks = [];
  var refreshCallbacks = [];
  var modalCallbacks = {};
  var seq = 0;

  function send(message) {
    message.sdkBridge = 1;
    window.parent.postMessage(message, hostOrigin);
  }

  window.addEventListener('message', function (e) {
    if (e.source !== window.parent || e.origin !== hostOrigin) return;
    var m = e.data;
    if (!m || m.sdkBridge !== 1) return;
    if (m.reply === 'hello' && m.state) {
      state = m.state;
      initCallbacks.splice(0).forEach(function (cb) {
        cb();
      });
    } else if (m.event === 'theme' && state) {
      state.theme = m.theme;
      themeCallbacks.forEach(function (cb) {
        cb(m.theme);
      });
    } else if (m.event === 'refresh') {
      refreshCallbacks.forEach(function (cb) {
        cb();
      });
    } else if (m.event === 'modalClosed') {
      var cb = modalCallbacks[m.id];
      delete modalCallbacks[m.id];
      if (cb) cb(m.data);
    }
  });

  function copy(v) {
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
  }

  window.htmlClientSdk = {
    initialize: function (callback) {
      if (state) return void callback();
      initCallbacks.push(callback);
      if (!asked) {
        asked = true;
        send({ call: 'hello' });
      }
    },
    isInitialized: function () {
      return state !== null;
    },
    app: {
      getContextObjects: function () {
        return copy(state && state.contextObjects) || [];
      },
      getTheme: function () {
        return copy(state && state.theme) || { name: 'light' };
      },
      getClientLocale: function () {
        return (state && state.locale) || 'en-US';
      },
      getClientInfo: function () {
        return { type: 'HTML', version: '8.0.3-demo' };
      },
      getSessionInfo: function (callback) {
        var token = state && state.sessionToken;
        setTimeout(function () {
          callback({ sessionToken: token });
        }, 0);
      },
      getNavigationData: function () {
        return copy(state && state.navigationData);
      },
      navigateTo: function (options) {
        send({ call: 'navigateTo', options: copy(options) });
      },
      navigateToClientView: function (options) {
        send({ call: 'navigateTo', options: copy(options) });
      },
    },
    event: {
      onThemeChanged: function (callback) {
        themeCallbacks.push(callback);
      },
      onGlobalRefresh: function (callback) {
        refreshCallbacks.push(callback);
      },
    },
    modal: {
      open: function (config) {
        var id = 'modal-' + ++seq;
        if (typeof config.onClosed === 'function') modalCallbacks[id] = config.onClosed;
        send({ call: 'modalOpen', id: id, config: { url: config.url, title: config.title, size: config.size, contextObjects: copy(config.contextObjects), customData: copy(config.customData) } });
      },
      close: function (data) {
        send({ call: 'modalClose', data: copy(data) });
      },
    },
  };
})();
