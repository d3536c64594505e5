/*
 * An internal portal embedding Glasspane with the console's host module and the generic
 * contract: the inventory on the left (links routed by the portal: navigation 'host'), the
 * selected object on the right, following the portal's selection, theme and user.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('host-config').textContent);
  var state = { theme: 'light', user: config.defaultUser, vms: [] };
  var $ = function (id) {
    return document.getElementById(id);
  };
  function log(text) {
    var li = document.createElement('li');
    li.textContent = new Date().toLocaleTimeString() + '  ' + text;
    $('log').insertBefore(li, $('log').firstChild);
  }
  function token() {
    var u = config.users.find(function (x) { return x.name === state.user; });
    return u && u.token;
  }
  function describe(t) {
    return t.kind + ' ' + (t.namespace ? t.namespace + '/' : '') + t.name;
  }
  if (!window.Glasspane) {
    $('banner').hidden = false;
    $('banner').textContent = 'The host module could not be loaded from ' + config.consoleUrl + '/glasspane-host.js.';
    return;
  }
  if (config.framingAllowed === false || config.problem) {
    $('banner').hidden = false;
    $('banner').textContent = config.problem || "The console's frame-ancestors do not list " + config.hostOrigin + '.';
  }

  var details = Glasspane.mount($('object-panel'), {
    origin: config.consoleUrl,
    view: 'object',
    title: 'Glasspane object',
    theme: state.theme,
    token: token,
    minHeight: 200,
    onNotify: function (m) { log('notify ' + m.level + ': ' + m.message); },
  });
  var select = function (target, why) {
    $('host-selection').textContent = 'Selected: ' + describe(target) + (why ? ' (' + why + ')' : '');
    details.setContext({ objects: [target] });
    inventory.setContext({ objects: [target] });
  };
  var inventory = Glasspane.mount($('inventory-panel'), {
    origin: config.consoleUrl,
    view: 'inventory',
    title: 'Glasspane inventory',
    theme: state.theme,
    token: token,
    navigation: 'host',
    maxHeight: 2000,
    onReady: function () { log('ready: inventory'); },
    onNavigate: function (m) {
      log('navigate → ' + describe(m.target));
      select(m.target, 'from a Glasspane link');
    },
    onNotify: function (m) { log('notify ' + m.level + ': ' + m.message); },
  });

  var objectSelect = $('object');
  objectSelect.addEventListener('change', function () {
    var vm = state.vms[Number(objectSelect.value)];
    if (vm) select({ group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: vm.namespace, name: vm.name }, 'picked in the portal');
  });
  fetch('/api/inventory', { cache: 'no-store' })
    .then(function (r) { return r.json(); })
    .then(function (inv) {
      state.vms = inv.vms;
      var none = document.createElement('option');
      none.textContent = '—';
      none.value = '';
      objectSelect.appendChild(none);
      inv.vms.forEach(function (vm, i) {
        var o = document.createElement('option');
        o.value = String(i);
        o.textContent = vm.namespace + '/' + vm.name;
        objectSelect.appendChild(o);
      });
    });

  var themeButton = $('theme');
  themeButton.addEventListener('click', function () {
    state.theme = state.theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = state.theme;
    themeButton.setAttribute('aria-pressed', String(state.theme === 'dark'));
    inventory.setTheme(state.theme);
    details.setTheme(state.theme);
  });
  var userSelect = $('user');
  config.users.forEach(function (u) {
    var o = document.createElement('option');
    o.value = u.name;
    o.textContent = u.name;
    o.selected = u.name === state.user;
    userSelect.appendChild(o);
  });
  userSelect.addEventListener('change', function () {
    state.user = userSelect.value;
    log('user → ' + state.user);
    inventory.setToken(token);
    details.setToken(token);
  });
})();
