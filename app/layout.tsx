import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
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

/** The document. Signed-in pages get their shell from app/(console)/layout.tsx; /login has its own. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
