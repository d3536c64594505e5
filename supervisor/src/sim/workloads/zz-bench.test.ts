import { it } from 'vitest';
import { startWorkloads } from './index';
import { createWorkloadsTestCore, eventually } from './kit/test-core.test-util';

for (const withControllers of [false, true]) {
  it(`bench ${withControllers}`, async () => {
    const core = createWorkloadsTestCore(50);
    const { client, store } = core;
    if (withControllers) startWorkloads(core.ctx);
    const t0 = Date.now();
    store.batch(() => {
      for (let n = 0; n < 10; n++) {
        const ns = `scale-${n}`;
        client.create('v1', 'namespaces', { metadata: { name: ns } });
        for (let s = 0; s < 10; s++) client.create('v1', 'services', { metadata: { name: `svc-${s}`, namespace: ns }, spec: { selector: { app: `app-${s}` }, ports: [{ port: 80 }] } });
        for (let i = 0; i < 2000; i++) client.create('v1', 'pods', { metadata: { name: `pod-${i}`, namespace: ns, labels: { app: `app-${i % 20}` } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27.3' }] } });
      }
    });
    const t1 = Date.now();
    if (withControllers) await eventually(() => store.count('core/endpoints') >= 100, 'eps', 60_000);
    console.log(`controllers=${withControllers}: create 20k pods ${t1 - t0} ms, settle ${Date.now() - t1} ms`);
    core.dispose();
  }, 120_000);
}
