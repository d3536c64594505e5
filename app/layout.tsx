import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Glasspane', template: '%s · Glasspane' },
  description: 'A single pane of glass over a Kubernetes supervisor.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: '#1d2b36',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <Providers>
          <AppHeader />
          <main className="min-w-0 flex-1">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
