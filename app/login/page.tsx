import type { Metadata } from 'next';
import { connection } from 'next/server';
import { safeNextPath } from '@/lib/auth/next-path';
import { demoSignInEnabled, demoUser } from '@/lib/k8s-server/demo-users';
import { LoginForm, type DemoChoice } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

/** Sign-in: a bearer token for any cluster; one-click demo users on the embedded supervisor only. */
async function demoChoices(): Promise<DemoChoice[]> {
  if (!demoSignInEnabled()) return [];
  const developerNs = await demoUser('developer').then((u) => u?.namespace, () => undefined);
  return [
    { name: 'admin', description: 'Cluster administrator: everything, everywhere.' },
    { name: 'devops', description: 'Runs workloads and services in every namespace; reads hosts.' },
    { name: 'developer', description: developerNs ? `Works in namespace ${developerNs} only.` : 'Works in one namespace only.' },
  ];
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const next = (await searchParams).next;
  return <LoginForm next={safeNextPath(typeof next === 'string' ? next : undefined) ?? null} demoUsers={await demoChoices()} />;
}
