import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { IMPORT_HREF } from '@/lib/resources/links';
import { GlasspaneMark } from './glasspane-mark';
import { SearchBox } from './search-box';

/**
 * The console's top bar on the dark shell colour in both themes: the product name linking to
 * the Overview, the developer's self-service page (for everyone), Import YAML, the global search and, once
 * the session is known, the user's menu.
 */
export function AppHeader({ user }: { user?: ReactNode }) {
  return (
    <header className="flex h-11 shrink-0 items-center gap-3 border-b border-shell-line bg-shell px-3 text-slate-100">
      <Link href="/" className="flex shrink-0 items-center gap-2 rounded-sm text-[15px] font-semibold tracking-wide">
        <GlasspaneMark className="size-5" />
        Glasspane
      </Link>
      <span aria-hidden="true" className="h-5 w-px shrink-0 bg-white/20" />
      <span className="hidden shrink-0 text-xs text-slate-300 lg:inline">Supervisor console</span>
      <Link href="/self-service" className="shrink-0 rounded-sm px-1.5 py-0.5 text-xs font-medium text-slate-100 hover:bg-white/10">
        Self-service
      </Link>
      <Link href={IMPORT_HREF} className="shrink-0 rounded-sm px-1.5 py-0.5 text-xs font-medium text-slate-100 hover:bg-white/10">
        Import YAML
      </Link>
      <div className="flex min-w-0 flex-1 justify-center px-2">
        <Suspense fallback={null}>
          <SearchBox />
        </Suspense>
      </div>
      <div className="flex shrink-0 items-center">{user}</div>
    </header>
  );
}
