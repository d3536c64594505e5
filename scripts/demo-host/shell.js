/*
 * The vCenter-like shell of the demo host. It reads the console's plugin.json as the vSphere
 * Client does and places the plug-in's extensions: the global view under Shortcuts, and for a
 * selected VM or namespace its summary card, its monitor and configure views and its Actions
 * menu items (modals). Object views are rebuilt when the selection changes, as in vSphere.
 */
(function () {
  'use strict';
  var B = window.SdkBridge;
  var config = B.config;
  var manifest = config.manifest || {};
  var texts = (manifest.definitions && manifest.definitions.i18n && manifest.definitions.i18n.definitions) || {};
  var state = { theme: 'light', user: config.defaultUser, inventory: { namespaces: [], vms: [] }, selection: { type: 'global' }, tab: 'summary', sub: 0, navigationData: undefined, globalContext: [] };
  var $ = function (id) {
    return document.getElementById(id);
  };

  function t(key) {
    var e = texts[key];
    return (e && (e['en-US'] || e[Object.keys(e)[0]])) || key;
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'onclick') node.addEventListener('click', attrs[k]);
      else if (attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(c);
    });
    return node;
  }
  function log(text) {
    var list = $('log');
    list.insertBefore(el('li', { text: new Date().toLocaleTimeString() + '  ' + text }), list.firstChild);
    while (list.children.length > 60) list.removeChild(list.lastChild);
  }
  function user() {
    return config.users.find(function (u) {
      return u.name === state.user;
    });
  }
  function vsphereId(type, moId) {
    return 'urn:vmomi:' + type + ':' + moId + ':' + config.vcGuid;
  }
  function selectionContext() {
    var s = state.selection;
    if (s.type === 'vm') return [{ id: vsphereId('VirtualMachine', s.vm.moId) }];
    if (s.type === 'ns') return [{ id: vsphereId('Namespace', s.name) }];
    return state.globalContext;
  }
  function describe(target) {
    return target && target.kind ? target.kind + ' ' + (target.namespace ? target.namespace + '/' : '') + target.name : JSON.stringify(target);
  }

  /** An iframe for a plug-in view; the view finds the SDK through sdkOrigin. */
  function pluginFrame(uri, label, cls, contextObjects, navigationData, modal) {
    var url = new URL(uri, config.consoleUrl + '/');
    url.searchParams.set('sdkOrigin', config.hostOrigin);
    var iframe = el('iframe', { class: 'plugin ' + cls, title: label, src: url.href });
    B.register({ iframe: iframe, label: label, contextObjects: contextObjects, navigationData: navigationData, modal: modal });
    return iframe;
  }

  function renderNavigator() {
    var s = state.selection;
    var shortcuts = $('shortcuts');
    shortcuts.replaceChildren();
    if (manifest.global) shortcuts.appendChild(el('li', {}, [el('button', { type: 'button', text: t('global.label'), 'aria-current': s.type === 'global' ? 'true' : false, onclick: function () { state.globalContext = []; state.navigationData = undefined; select({ type: 'global' }); } })]));
    var list = $('inventory');
    list.replaceChildren(el('li', {}, [el('span', { class: 'vc', text: 'Supervisor' })]));
    state.inventory.namespaces.forEach(function (ns) {
      list.appendChild(el('li', {}, [el('button', { type: 'button', class: 'ns', text: ns, 'aria-current': s.type === 'ns' && s.name === ns ? 'true' : false, onclick: function () { select({ type: 'ns', name: ns }); } })]));
      state.inventory.vms.filter(function (v) { return v.namespace === ns; }).forEach(function (vm) {
        var current = s.type === 'vm' && s.vm.namespace === vm.namespace && s.vm.name === vm.name;
        list.appendChild(el('li', {}, [el('button', { type: 'button', class: 'vm', text: vm.name, title: vm.powerState || '', 'aria-current': current ? 'true' : false, onclick: function () { select({ type: 'vm', vm: vm }); } })]));
      });
    });
  }

  function actionsMenu(ext) {
    var actions = (ext.menu && ext.menu.actions) || [];
    if (!actions.length) return null;
    var menu = el('div', { role: 'menu', class: 'menu', hidden: true, 'aria-label': 'Actions' });
    var button = el('button', { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', text: 'Actions' });
    var toggle = function (open) {
      menu.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    };
    button.addEventListener('click', function () { toggle(menu.hidden); });
    actions.forEach(function (a) {
      if (a.type === 'separator') return menu.appendChild(el('hr'));
      menu.appendChild(el('button', { type: 'button', role: 'menuitem', text: t(a.labelKey), onclick: function () { toggle(false); runAction(a); } }));
    });
    return el('div', { class: 'actions' }, [button, menu]);
  }

  function runAction(a) {
    var ctx = selectionContext();
    log('action ' + a.id + ' on ' + JSON.stringify(ctx));
    if (a.trigger.type === 'modal') return openModal({ url: new URL(a.trigger.uri, config.consoleUrl + '/').href, title: t(a.trigger.titleKey), size: a.trigger.size, contextObjects: ctx });
    state.globalContext = ctx;
    state.navigationData = undefined;
    select({ type: 'global' });
  }

  function objectView(ext, s) {
    var ctx = selectionContext();
    var tabs = el('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Object tabs' });
    ['summary', 'monitor', 'configure'].forEach(function (tab) {
      tabs.appendChild(el('button', { type: 'button', role: 'tab', 'aria-selected': String(state.tab === tab), text: tab[0].toUpperCase() + tab.slice(1), onclick: function () { state.tab = tab; state.sub = 0; renderMain(); } }));
    });
    var panel;
    if (state.tab === 'summary') {
      var details = s.type === 'vm'
        ? [['Power state', s.vm.powerState || '—'], ['Namespace', s.vm.namespace], ['vSphere ID', s.vm.moId || '—']]
        : [['Kind', 'vSphere Namespace'], ['VMs', String(state.inventory.vms.filter(function (v) { return v.namespace === s.name; }).length)]];
      var dl = el('dl');
      details.forEach(function (d) { dl.appendChild(el('dt', { text: d[0] })); dl.appendChild(el('dd', { text: d[1] })); });
      var cards = [el('section', { class: 'card', 'aria-label': 'Details' }, [el('h2', { text: s.type === 'vm' ? 'VM Details' : 'Namespace Details' }), dl])];
      if (ext.summary) cards.push(el('section', { class: 'card', 'aria-label': 'Glasspane card' }, [el('h2', { text: t('plugin.name') }), pluginFrame(ext.summary.view.uri, 'Glasspane summary', 'card-frame', ctx)]));
      panel = el('div', { class: 'summary' }, cards);
    } else {
      var views = (ext[state.tab] && ext[state.tab].views) || [];
      if (!views.length) panel = el('p', { text: 'No plug-in views here.' });
      else {
        var view = views[Math.min(state.sub, views.length - 1)];
        var nav = el('div', { class: 'subnav' }, views.map(function (v, i) {
          return el('button', { type: 'button', text: t(v.labelKey), 'aria-current': v === view ? 'true' : false, onclick: function () { state.sub = i; renderMain(); } });
        }));
        panel = el('div', { class: 'split' }, [nav, el('div', { style: 'flex:1;min-width:0' }, [pluginFrame(view.uri, 'Glasspane: ' + t(view.labelKey), 'view', ctx)])]);
      }
    }
    var title = s.type === 'vm' ? s.vm.name : s.name;
    return [el('div', { class: 'objhead' }, [el('h1', { text: title }), actionsMenu(ext)]), el('p', { class: 'subtitle', text: s.type === 'vm' ? 'Virtual Machine · ' + s.vm.namespace : 'vSphere Namespace' }), tabs, panel];
  }

  function renderMain() {
    var main = $('main');
    var s = state.selection;
    var nodes;
    if (s.type === 'global') {
      nodes = manifest.global ? [el('h1', { text: t('global.label') }), pluginFrame(manifest.global.view.uri, 'Glasspane global view', 'global', state.globalContext, state.navigationData)] : [el('p', { text: 'The plug-in has no global view.' })];
    } else {
      var ext = (manifest.objects || {})[s.type === 'vm' ? 'VirtualMachine' : 'Namespace'] || {};
      nodes = objectView(ext, s);
    }
    main.replaceChildren.apply(main, nodes);
    B.prune();
  }

  function select(selection) {
    state.selection = selection;
    state.tab = 'summary';
    state.sub = 0;
    renderNavigator();
    renderMain();
  }

  function openModal(m) {
    if (new URL(m.url).origin !== config.consoleUrl) return log('modal refused: ' + m.url);
    var size = m.size || { width: 560, height: 340 };
    var dialog = el('dialog', { class: 'modal', 'aria-label': m.title, style: 'width:' + size.width + 'px' });
    var entry = { modal: { dialog: dialog, opener: m.opener, id: m.id } };
    var iframe = pluginFrame(m.url, m.title, 'modal-frame', m.contextObjects || [], undefined, entry.modal);
    iframe.style.height = size.height + 'px';
    var close = el('button', { type: 'button', class: 'btn', 'aria-label': 'Close', text: '×', onclick: function () { closeModal(entry, undefined); } });
    dialog.append(el('h2', {}, [el('span', { text: m.title }), close]), iframe);
    dialog.addEventListener('cancel', function (e) { e.preventDefault(); closeModal(entry, undefined); });
    document.body.appendChild(dialog);
    dialog.showModal();
    log('modal open: ' + m.title);
  }

  function closeModal(entry, data) {
    entry.modal.dialog.close();
    entry.modal.dialog.remove();
    B.prune();
    if (entry.modal.opener) B.send(entry.modal.opener, { event: 'modalClosed', id: entry.modal.id, data: data });
    log('modal closed: ' + JSON.stringify(data === undefined ? null : data));
    void refreshInventory();
  }

  B.on('state', function (entry) {
    var u = user();
    return { contextObjects: entry.contextObjects, theme: { name: state.theme }, locale: 'en-US', sessionToken: u && u.token, navigationData: entry.navigationData };
  });
  B.on('log', log);
  B.on('navigateTo', function (entry, m) {
    var o = m.options || {};
    var target = o.customData && o.customData.target;
    var vm = target && target.kind === 'VirtualMachine' && state.inventory.vms.find(function (v) { return v.namespace === target.namespace && v.name === target.name; });
    if (vm) {
      log('navigateTo ' + o.targetViewId + ' → ' + describe(target) + ' (shown in the vSphere VM view)');
      return select({ type: 'vm', vm: vm });
    }
    if (target && target.kind === 'Namespace' && state.inventory.namespaces.indexOf(target.name) >= 0) {
      log('navigateTo ' + o.targetViewId + ' → ' + describe(target) + ' (shown in the vSphere namespace view)');
      return select({ type: 'ns', name: target.name });
    }
    log('navigateTo ' + o.targetViewId + ' → ' + describe(target || o.customData) + ' (shown in the Glasspane global view)');
    state.navigationData = o.customData;
    state.globalContext = [];
    select({ type: 'global' });
  });
  B.on('modalOpen', function (entry, m) {
    var c = m.config || {};
    openModal({ url: String(c.url), title: String(c.title || 'Glasspane'), size: c.size, contextObjects: c.contextObjects || entry.contextObjects, opener: entry, id: m.id });
  });
  B.on('modalClose', function (entry, m) {
    if (entry.modal) closeModal(entry, m.data);
  });

  function refreshInventory() {
    return fetch('/api/inventory', { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('inventory ' + r.status)); })
      .then(function (inv) {
        if (JSON.stringify(inv) === JSON.stringify(state.inventory)) return;
        state.inventory = inv;
        var s = state.selection;
        if (s.type === 'vm') {
          var fresh = inv.vms.find(function (v) { return v.namespace === s.vm.namespace && v.name === s.vm.name; });
          if (fresh) s.vm = fresh;
        }
        renderNavigator();
      })
      .catch(function (e) { log('inventory: ' + e.message); });
  }

  var themeButton = $('theme');
  themeButton.addEventListener('click', function () {
    state.theme = state.theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = state.theme;
    themeButton.setAttribute('aria-pressed', String(state.theme === 'dark'));
    B.broadcast({ event: 'theme', theme: { name: state.theme } });
    log('theme → ' + state.theme);
  });
  var userSelect = $('user');
  config.users.forEach(function (u) { userSelect.appendChild(el('option', { value: u.name, text: u.name, selected: u.name === state.user })); });
  userSelect.addEventListener('change', function () {
    state.user = userSelect.value;
    log('vCenter user → ' + state.user);
    renderMain();
  });
  var banner = $('banner');
  if (config.problem || config.framingAllowed === false) {
    banner.hidden = false;
    banner.textContent = config.problem || "The console's frame-ancestors (" + config.ancestors + ') do not list ' + config.hostOrigin + ', so its views stay blank here.';
  }
  renderNavigator();
  renderMain();
  void refreshInventory();
  setInterval(refreshInventory, 4000);
})();
