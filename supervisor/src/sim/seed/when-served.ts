import type { ControllerContext } from '../../controllers/controller-context';

/** Waits (up to 30 s) until a kind is served: CRDs installed at start are established a few ticks later. */
export async function whenServed(ctx: ControllerContext, group: string, version: string, resource: string): Promise<void> {
  for (let i = 0; i < 300 && !ctx.core.registry.lookup(group, version, resource); i++) await new Promise((r) => setTimeout(r, 100));
  if (!ctx.core.registry.lookup(group, version, resource)) throw new Error(`${resource}.${group}/${version} is not served`);
}

interface CrdShape {
  spec?: { group?: string; names?: { plural?: string }; versions?: { name?: string; storage?: boolean }[] };
}

/** Waits until every CRD of a part is served at its storage version. */
export async function whenCrdsServed(ctx: ControllerContext, crds: readonly CrdShape[]): Promise<void> {
  for (const crd of crds) {
    const version = crd.spec?.versions?.find((v) => v.storage)?.name ?? '';
    await whenServed(ctx, crd.spec?.group ?? '', version, crd.spec?.names?.plural ?? '');
  }
}
