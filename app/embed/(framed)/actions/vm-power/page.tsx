import type { Metadata } from 'next';
import { Suspense } from 'react';
import { VmPowerAction } from '@/components/embed/vm-power-action';

export const metadata: Metadata = { title: 'VM power' };

/** A VM power action on the host's context objects (`?op=on|off|suspend|restart`), shown in a host modal. */
export default function EmbeddedVmPowerPage() {
  return (
    <Suspense>
      <VmPowerAction />
    </Suspense>
  );
}
