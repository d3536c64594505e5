'use client';

import { useCallback } from 'react';
import { useDiscovery } from '@/components/data/use-discovery';
import { hrefForRef } from '@/lib/resources/links';
import { pageHref } from '@/lib/resources/page-href';
import type { ObjectRef } from '@/lib/resources/types';

/** Links for references to any served kind: the registry's, else found by kind in discovery (CRDs). */
export function useRefHref(): (ref: ObjectRef) => string | undefined {
  const { data } = useDiscovery();
  return useCallback(
    (ref: ObjectRef) => {
      const known = hrefForRef(ref);
      if (known) return known;
      const served = data?.resources.find((r) => r.descriptor.group === ref.group && r.descriptor.kind === ref.kind);
      return served ? pageHref(served.descriptor, ref.namespace, ref.name) : undefined;
    },
    [data],
  );
}
