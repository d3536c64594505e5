import Link from 'next/link';
import { GlasspaneMark } from './glasspane-mark';

/** The console's top bar: product name linking home, on the dark shell colour in both themes. */
export function AppHeader() {
  return (
    <header className="flex h-11 shrink-0 items-center gap-3 border-b border-shell-line bg-shell px-4 text-slate-100">
      <Link href="/" className="flex items-center gap-2 rounded-sm text-[15px] font-semibold tracking-wide">
        <GlasspaneMark className="size-5" />
        Glasspane
      </Link>
      <span aria-hidden="true" className="h-5 w-px bg-white/20" />
      <span className="text-xs text-slate-300">Supervisor console</span>
    </header>
  );
}
