import type { ReactNode } from 'react';
import { FrameSessionGate } from '@/components/embed/frame-session-gate';

/** Every embedded view that shows cluster data signs in first (see FrameSessionGate). */
export default function FramedLayout({ children }: { children: ReactNode }) {
  return <FrameSessionGate>{children}</FrameSessionGate>;
}
