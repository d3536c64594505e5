/**
 * Figure 4: live-update lag, in two phases of `seconds / 2` each, one tab open at a time: the
 * big namespace's VM list, then its pod list. (With both tabs open at once, Chromium gave the
 * older tab about 2 frames a second once the CPU was saturated, so its frame times measured
 * Chromium's scheduling, not the console.) In each phase the tab is fully loaded and never
 * scrolled; the targets are the rows rendered in it (a row scrolled out of the DOM could not
 * show anything). The tab records every (row name, data-resource-version) it shows
 * (page-probes.mjs `startRecorder`). Then: two real `kubectl patch` changes, and `rate` changes
 * per second over HTTPS (live-writer.mjs). A change is lost when it has not shown 10 s after the
 * phase's last change was sent. Afterwards each target is read back: its resourceVersion must
 * be the one our last change returned (nothing reverted or overwrote it), and its row must
 * still be rendered. The tab's JS heap after a forced GC is taken at the end (figure 6).
 */
import { heapAfterGc, markWhen } from './browser.mjs';
import { analyse } from './live-analysis.mjs';
import { epochNow, kubectlChanges, objectPath, pauseVm, runPaced } from './live-writer.mjs';
import { vmListHref } from './measure-list.mjs';

const LOST_AFTER_MS = 10_000;

/** @param {import('@playwright/test').Page} page @param {string} href @param {number} count */
async function openList(page, href, count) {
  await page.goto(href, { waitUntil: 'commit' });
  await markWhen(page, (n) => (Number(/** @type {any} */ (window).__bench?.table()?.getAttribute('aria-rowcount')) === n + 1 ? performance.now() : false), count, { timeout: 180_000 });
  return page.evaluate(() => {
    const b = /** @type {any} */ (window).__bench;
    return b.rows().map((/** @type {Element} */ r) => b.rowName(r)).filter(Boolean);
  });
}

/** The page's clock minus ours, from the quickest of a few round trips. */
async function clockOffset(/** @type {import('@playwright/test').Page} */ page) {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 7; i++) {
    const before = epochNow();
    const t = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = epochNow();
    if (after - before < best.rtt) best = { rtt: after - before, offset: t - (before + after) / 2 };
  }
  return best.offset;
}

/**
 * Waits until each paused VM carries the controller's paused condition (its one write), then
 * until the tab shows every VM at that version, so the run starts from what the page shows.
 */
async function settlePaused(/** @type {import('./kube-client.mjs').KubeClient} */ kube, /** @type {import('./live-writer.mjs').Target[]} */ vms, /** @type {import('@playwright/test').Page} */ page) {
  const deadline = Date.now() + 30_000;
  const pending = new Set(vms);
  /** @type {Record<string, string>} */
  const versions = {};
  while (pending.size && Date.now() < deadline) {
    for (const t of [...pending]) {
      const vm = await kube.request('GET', objectPath(t));
      if (!(vm?.status?.conditions ?? []).some((/** @type {{ type: string }} */ c) => c.type === 'VirtualMachineReconcileReady')) continue;
      pending.delete(t);
      versions[t.name] = String(vm.metadata.resourceVersion);
    }
  }
  if (pending.size) throw new Error(`${pending.size} paused VMs never showed the controller's paused condition`);
  const shown = (/** @type {Record<string, string>} */ want) => {
    const b = /** @type {any} */ (window).__bench;
    const rows = b.rows();
    return Object.entries(want).every(([n, v]) => rows.some((/** @type {Element} */ r) => b.rowName(r) === n && r.getAttribute('data-resource-version') === v)) ? performance.now() : false;
  };
  await markWhen(page, shown, versions, { timeout: 30_000 });
}

/**
 * @typedef {{ kube: import('./kube-client.mjs').KubeClient, kubeconfig: string, namespace: string, rate: number, seconds: number, log: (m: string) => void }} Common
 * @param {import('@playwright/test').BrowserContext} context
 * @param {'vm' | 'pod'} kind
 * @param {string} href
 * @param {number} count
 * @param {Common} o
 */
async function phase(context, kind, href, count, { kube, kubeconfig, namespace, rate, seconds, log }) {
  const page = await context.newPage();
  try {
    const names = await openList(page, href, count);
    /** @type {import('./live-writer.mjs').Target[]} */
    const targets = names.map((name) => ({ kind, namespace, name, seq: 0, busy: Promise.resolve() }));
    log(`live, ${kind}s: ${targets.length} rows rendered${kind === 'vm' ? '; pausing them for their controller' : ''}`);
    if (kind === 'vm') {
      await Promise.all(targets.map((t) => pauseVm(kube, t)));
      await settlePaused(kube, targets, page);
    }
    await page.evaluate(() => /** @type {any} */ (window).__bench.startRecorder());
    const offset = await clockOffset(page);
    const since = epochNow();
    const byKubectl = await kubectlChanges(kubeconfig, targets.slice(0, 2));
    const paced = await runPaced(kube, targets, { rate, seconds, log });
    const changes = [...byKubectl, ...paced];
    const deadline = Math.max(...changes.map((c) => c.sentAt)) + LOST_AFTER_MS;
    const span = { offset, since, deadline };
    /** @type {[string, string, number, number][]} */
    const records = [];
    const pageOf = new Map(targets.map((t) => [`${kind}/${t.name}`, kind]));
    // Until every change has shown, or the deadline: pull the new records and look again.
    for (;;) {
      records.push(...(await page.evaluate((from) => /** @type {any} */ (window).__bench.rec.list.slice(from), records.length)));
      const { lost } = analyse(changes, new Map([[kind, records]]), new Map([[kind, span]]), pageOf);
      if (lost === 0 || epochNow() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const fps = await page.evaluate(() => {
      const rec = /** @type {any} */ (window).__bench.rec;
      return rec.frames / ((performance.now() - rec.since) / 1000);
    });
    let overwritten = 0;
    for (const t of targets) {
      const last = changes.filter((c) => c.target === t && c.rv).at(-1);
      const now = await kube.request('GET', objectPath(t));
      if (last && String(now?.metadata?.resourceVersion) !== last.rv) overwritten++;
    }
    const rendered = new Set(await page.evaluate(() => /** @type {any} */ (window).__bench.rows().map((/** @type {Element} */ r) => /** @type {any} */ (window).__bench.rowName(r))));
    const sent = paced.map((c) => c.sentAt);
    const late = paced.map((c) => c.sentAt - c.dueAt).sort((a, b) => a - b);
    return {
      changes,
      records,
      span,
      pageOf,
      facts: {
        targets: targets.length,
        overwritten,
        notRenderedAtEnd: targets.filter((t) => !rendered.has(t.name)).length,
        fps,
        clockOffsetMs: offset,
        pacing: { sent: paced.length, achievedRate: paced.length / ((Math.max(...sent) - Math.min(...sent)) / 1000), busy: paced.filter((c) => c.busy).length, lateP95Ms: late[Math.floor(late.length * 0.95)] ?? 0 },
        heap: await heapAfterGc(page),
      },
    };
  } finally {
    await page.close();
  }
}

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {Common & { vmCount: number, podCount: number }} o
 */
export async function measureLive(context, o) {
  const half = { ...o, seconds: o.seconds / 2 };
  const vm = await phase(context, 'vm', vmListHref(o.namespace), o.vmCount, half);
  const pod = await phase(context, 'pod', `/namespaces/${o.namespace}/r/pods`, o.podCount, half);
  const changes = [...vm.changes, ...pod.changes];
  const records = new Map([['vm', vm.records], ['pod', pod.records]]);
  const windows = new Map([['vm', vm.span], ['pod', pod.span]]);
  const pageOf = new Map([...vm.pageOf, ...pod.pageOf]);
  const all = analyse(changes, records, windows, pageOf);
  const part = (/** @type {(c: import('./live-writer.mjs').Change) => boolean} */ only) => {
    const r = analyse(changes, records, windows, pageOf, only);
    return { count: r.count, shown: r.shown, lost: r.lost, lagMs: r.lagMs, ackMs: r.ackMs };
  };
  return {
    ...all,
    vms: { ...part((c) => c.target.kind === 'vm' && c.via === 'https'), ...vm.facts },
    pods: { ...part((c) => c.target.kind === 'pod' && c.via === 'https'), ...pod.facts },
    kubectl: part((c) => c.via === 'kubectl'),
    heap: { vmListTab: vm.facts.heap, podListTab: pod.facts.heap },
  };
}
