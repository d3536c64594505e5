/*
 * Glasspane host module — mounts an embedded Glasspane view in any page and speaks the host
 * contract (protocol "glasspane.embed", version 1; see the README, "Embedding Glasspane").
 * Plain JavaScript, no build step, served by the console at /glasspane-host.js.
 *
 *   <script src="https://glasspane.example.com/glasspane-host.js"></script>
 *   <script>
 *     const view = Glasspane.mount(document.getElementById('panel'), {
 *       origin: 'https://glasspane.example.com',   // the console
 *       view: 'inventory',                          // a view under /embed
 *       theme: 'dark', token: myToken,              // optional; token may be a function
 *       onNavigate: (m) => showObject(m.target),    // object links the host may route
 *     });
 *     view.setTheme('light'); view.setContext({ objects: [{ group: '', kind: 'Node', name: 'esx-01' }] });
 *   </script>
 *
 * Messages are sent to the console's origin only, and taken only from the mounted frame on
 * that origin, with the documented shape. The page must be listed in the console's
 * GLASSPANE_FRAME_ANCESTORS, or the browser will not show the frame at all.
 */
(function (global) {
  'use strict';
  var PROTOCOL = 'glasspane.embed';
  var VERSION = 1;
  var LEVELS = ['info', 'success', 'warning', 'error'];

  function isObj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }
  function str(v, max) {
    return typeof v === 'string' && v.length <= max;
  }

  /** The message from the view, if it has the documented shape; otherwise null (ignore it). */
  function parse(data) {
    if (!isObj(data) || data.protocol !== PROTOCOL || data.version !== VERSION) return null;
    switch (data.type) {
      case 'ready':
        return str(data.view, 200) ? data : null;
      case 'navigate':
        return isObj(data.target) && str(data.target.kind, 63) && str(data.target.name, 253) && str(data.href, 2048) ? data : null;
      case 'resize':
        return typeof data.height === 'number' && data.height >= 0 && data.height <= 100000 ? data : null;
      case 'openModal':
        return str(data.id, 253) && str(data.url, 2048) && str(data.title, 200) ? data : null;
      case 'closeModal':
        return data.result === undefined || isObj(data.result) ? data : null;
      case 'notify':
        return LEVELS.indexOf(data.level) >= 0 && str(data.message, 500) ? data : null;
      default:
        return null;
    }
  }

  function viewUrl(origin, view) {
    if (!/^[A-Za-z0-9][A-Za-z0-9/_.~%-]*(\?[A-Za-z0-9_.~%=&-]*)?$/.test(view) || /(^|\/)\.\.?(\/|$|\?)/.test(view)) throw new Error('Glasspane: invalid view "' + view + '"');
    var url = new URL('/embed/' + view, origin);
    url.searchParams.set('hostOrigin', global.location.origin);
    return url;
  }

  function resolveToken(token) {
    return Promise.resolve(typeof token === 'function' ? token() : token).then(function (t) {
      return typeof t === 'string' && t.trim() ? t.trim() : undefined;
    });
  }

  function mount(element, options) {
    if (!element || !options || !options.origin || !options.view) throw new Error('Glasspane.mount(element, { origin, view, ... })');
    var origin = new URL(options.origin).origin;
    var state = { context: options.context, theme: options.theme, locale: options.locale, token: options.token, navigation: options.navigation };
    var modal = null;
    var frame = document.createElement('iframe');
    frame.src = viewUrl(origin, options.view).href;
    frame.title = options.title || 'Glasspane';
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.cssText = 'display:block;width:100%;border:0;height:' + (options.height || options.minHeight || 160) + 'px;' + (options.maxHeight ? 'max-height:' + options.maxHeight + 'px;' : '');
    element.appendChild(frame);

    function send(target, message) {
      message.protocol = PROTOCOL;
      message.version = VERSION;
      if (target) target.postMessage(message, origin);
    }
    function init(target) {
      resolveToken(state.token).then(function (token) {
        var m = { type: 'init', theme: state.theme, locale: state.locale, context: state.context, navigation: state.navigation, token: token };
        Object.keys(m).forEach(function (k) {
          if (m[k] === undefined) delete m[k];
        });
        send(target, m);
      });
    }

    function openModal(m) {
      if (options.onOpenModal && options.onOpenModal(m) === true) return;
      if (new URL(m.url).origin !== origin) return;
      closeModal();
      var dialog = document.createElement('dialog');
      dialog.setAttribute('aria-label', m.title);
      dialog.style.cssText = 'padding:0;border:1px solid #8c9ba5;width:' + ((m.size && m.size.width) || 560) + 'px;max-width:95vw;';
      var inner = document.createElement('div');
      dialog.appendChild(inner);
      document.body.appendChild(dialog);
      var path = new URL(m.url);
      var child = mount(inner, {
        origin: origin,
        view: path.pathname.replace(/^\/embed\//, '') + path.search,
        title: m.title,
        theme: state.theme,
        locale: state.locale,
        token: state.token,
        context: m.context || state.context,
        height: (m.size && m.size.height) || 340,
        fixedHeight: true,
        onCloseModal: function (result) {
          closeModal();
          send(frame.contentWindow, { type: 'modalClosed', id: m.id, result: result });
        },
        onNotify: options.onNotify,
      });
      dialog.addEventListener('cancel', function () {
        send(frame.contentWindow, { type: 'modalClosed', id: m.id });
        closeModal();
      });
      modal = { dialog: dialog, child: child };
      dialog.showModal();
    }
    function closeModal() {
      if (!modal) return;
      modal.child.destroy();
      modal.dialog.remove();
      modal = null;
    }

    function onMessage(e) {
      if (e.source !== frame.contentWindow || e.origin !== origin) return;
      var m = parse(e.data);
      if (!m) return;
      switch (m.type) {
        case 'ready':
          init(frame.contentWindow);
          if (options.onReady) options.onReady(m);
          break;
        case 'resize':
          if (!options.fixedHeight) frame.style.height = Math.max(m.height, options.minHeight || 0) + 'px';
          if (options.onResize) options.onResize(m.height);
          break;
        case 'navigate':
          if (options.onNavigate) options.onNavigate(m);
          break;
        case 'openModal':
          openModal(m);
          break;
        case 'closeModal':
          if (options.onCloseModal) options.onCloseModal(m.result);
          break;
        case 'notify':
          if (options.onNotify) options.onNotify(m);
          break;
      }
    }
    global.addEventListener('message', onMessage);

    return {
      iframe: frame,
      setContext: function (context) {
        state.context = context;
        send(frame.contentWindow, { type: 'context', context: context });
      },
      setTheme: function (theme) {
        state.theme = theme;
        send(frame.contentWindow, { type: 'theme', theme: theme });
        if (modal) modal.child.setTheme(theme);
      },
      /** Hands over a new token (or token function): the view signs in again with it. */
      setToken: function (token) {
        state.token = token;
        init(frame.contentWindow);
      },
      destroy: function () {
        closeModal();
        global.removeEventListener('message', onMessage);
        frame.remove();
      },
    };
  }

  global.Glasspane = { mount: mount, PROTOCOL: PROTOCOL, VERSION: VERSION };
})(window);
