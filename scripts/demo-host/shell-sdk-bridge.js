/*
 * The demo host's side of its htmlClientSdk emulation: each plug-in frame is registered with
 * what the SDK reports to it (context objects, navigation data); calls from the shim in a frame
 * (hello, navigateTo, modalOpen, modalClose) are answered or handed to the shell. Only
 * messages from a registered frame, on the console's origin, are taken.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('host-config').textContent);
  var consoleOrigin = config.consoleUrl;
  var frames = [];
  var handlers = {};

  function entryFor(source) {
    for (var i = 0; i < frames.length; i++) if (frames[i].iframe.contentWindow === source) return frames[i];
    return null;
  }

  function post(entry, message) {
    message.sdkBridge = 1;
    if (entry.iframe.contentWindow) entry.iframe.contentWindow.postMessage(message, consoleOrigin);
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== consoleOrigin) return;
    var entry = entryFor(e.source);
    var m = e.data;
    if (!entry || !m || m.sdkBridge !== 1 || typeof m.call !== 'string') return;
    if (m.call === 'hello') {
      var state = handlers.state ? handlers.state(entry) : {};
      post(entry, { reply: 'hello', state: state });
      if (handlers.log) handlers.log('initialize → ' + entry.label + ' (context ' + JSON.stringify(state.contextObjects || []) + ')');
    } else if (handlers[m.call]) {
      handlers[m.call](entry, m);
    }
  });

  window.SdkBridge = {
    config: config,
    /** Registers a plug-in frame; `entry` holds { iframe, label, contextObjects, navigationData, modal }. */
    register: function (entry) {
      frames.push(entry);
      return entry;
    },
    unregister: function (iframe) {
      frames = frames.filter(function (f) {
        return f.iframe !== iframe && document.contains(f.iframe);
      });
    },
    /** Drops frames no longer in the document. */
    prune: function () {
      frames = frames.filter(function (f) {
        return document.contains(f.iframe);
      });
    },
    broadcast: function (message) {
      frames.forEach(function (f) {
        post(f, JSON.parse(JSON.stringify(message)));
      });
    },
    send: post,
    on: function (name, handler) {
      handlers[name] = handler;
    },
  };
})();
