import type { CapacityConsumer, Placement, PlacementRequest, PlacementResult, Resources } from '../../contracts';
import type { Hosts } from '../../hosts';

/**
 * A Placement over a fixed set of hosts for in-process tests: first Ready host (in the zone,
 * not avoided) with room for the request, counting registered consumers.
 */
export interface FakeHost {
  name: string;
  zone: string;
  cpu: number;
  memory: number;
  ready: boolean;
}

export class FakeHosts implements Hosts {
  readonly sources: (() => CapacityConsumer[])[] = [];
  readonly placement: Placement;

  constructor(readonly hosts: FakeHost[]) {
    this.placement = {
      place: (req) => this.place(req),
      allocated: (node) => this.allocated(node),
      addConsumers: (source) => void this.sources.push(source),
      isReady: (node) => this.hosts.find((h) => h.name === node)?.ready ?? false,
    };
  }

  consumers(): CapacityConsumer[] {
    return this.sources.flatMap((s) => s());
  }

  allocated(node: string, except?: string): Resources {
    return this.consumers()
      .filter((c) => c.node === node && c.key !== except)
      .reduce((a, c) => ({ cpu: a.cpu + c.requests.cpu, memory: a.memory + c.requests.memory }), { cpu: 0, memory: 0 });
  }

  place(req: PlacementRequest): PlacementResult {
    for (const h of this.hosts) {
      if (!h.ready || (req.zone && h.zone !== req.zone) || req.avoid?.includes(h.name)) continue;
      const used = this.allocated(h.name, req.consumerKey);
      if (used.cpu + req.requests.cpu <= h.cpu && used.memory + req.requests.memory <= h.memory) return { ok: true, node: h.name, zone: h.zone };
    }
    return { ok: false, message: `0/${this.hosts.length} nodes are available: ${this.hosts.length} Insufficient cpu.` };
  }

  setReady(name: string, ready: boolean): void {
    const h = this.hosts.find((x) => x.name === name);
    if (h) h.ready = ready;
  }

  isHostDown(node: string): boolean {
    return !this.placement.isReady(node);
  }

  onHostStateChange(): () => void {
    return () => {};
  }
}
