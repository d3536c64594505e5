import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PopupSignIn } from '@/components/embed/popup-sign-in';
import { DEMO_USER_NAMES, demoSignInEnabled } from '@/lib/k8s-server/demo-users';

export const metadata: Metadata = { title: 'Sign in' };

/** The sign-in pop-up of embedded views (a first-party window on the console's origin). */
export default async function EmbedSignInPage() {
  await connection();
  return <PopupSignIn demoUsers={demoSignInEnabled() ? [...DEMO_USER_NAMES] : []} />;
}
