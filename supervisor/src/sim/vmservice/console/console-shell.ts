import type { ConsoleInfo } from './boot-transcript';
import { runLinux, runSac } from './shell-commands';

/**
 * The interactive half of the simulated console as a pure state machine: keystrokes in,
 * terminal output out. A Linux guest offers `<host> login:`, `Password:` (any password works
 * for any user; the console is a simulation) and a shell; Windows offers the SAC> prompt.
 */
export type ShellMode = 'booting' | 'login' | 'password' | 'shell' | 'sac';

export interface ShellState {
  mode: ShellMode;
  buffer: string;
  user: string;
  root: boolean;
}

export interface Fed {
  state: ShellState;
  output: string;
}

export const NL = '\r\n';

export function initialShell(): ShellState {
  return { mode: 'booting', buffer: '', user: '', root: false };
}

export function promptOf(s: ShellState, i: ConsoleInfo): string {
  switch (s.mode) {
    case 'login':
      return `${i.hostname} login: `;
    case 'password':
      return 'Password: ';
    case 'sac':
      return 'SAC>';
    case 'shell': {
      const user = s.root ? 'root' : s.user;
      const sign = s.root ? '#' : '$';
      return i.family === 'photon' ? `${user}@${i.hostname} [ ~ ]${sign} ` : `${user}@${i.hostname}:~${sign} `;
    }
    default:
      return '';
  }
}

/** The guest is up: show the login prompt (or SAC>). */
export function startPrompt(s: ShellState, i: ConsoleInfo): Fed {
  const state: ShellState = { ...s, mode: i.family === 'windows' ? 'sac' : 'login', buffer: '' };
  return { state, output: promptOf(state, i) };
}

function motd(i: ConsoleInfo, now: Date): string {
  if (i.family === 'photon') return ` ${now.toUTCString()} up, ${i.prettyName} ${i.version}${NL}`;
  return [`Welcome to ${i.prettyName} (GNU/Linux ${i.kernel} x86_64)`, '', ' * Documentation:  https://help.ubuntu.com', ' * Management:     https://landscape.canonical.com', ' * Support:        https://ubuntu.com/pro', '', `  System information as of ${now.toUTCString()}`, '', `  IPv4 address for ens192: ${i.ip ?? 'unknown'}`, ''].join(NL) + NL;
}

function submit(s: ShellState, line: string, i: ConsoleInfo, now: Date): Fed {
  switch (s.mode) {
    case 'login': {
      const user = line.trim();
      const state: ShellState = user ? { ...s, mode: 'password', user } : s;
      return { state, output: promptOf(state, i) };
    }
    case 'password': {
      if (!line) {
        const state: ShellState = { ...s, mode: 'login', user: '' };
        return { state, output: `${NL}Login incorrect${NL}${promptOf(state, i)}` };
      }
      const state: ShellState = { ...s, mode: 'shell', root: s.user === 'root' };
      return { state, output: `Last login: ${new Date(now.getTime() - 3_600_000).toUTCString()} on ttyS0${NL}${motd(i, now)}${promptOf(state, i)}` };
    }
    case 'shell': {
      const trimmed = line.trim();
      if (!s.root && /^(sudo (-i|su|-s)|sudo su -|su -?)$/.test(trimmed)) {
        const state: ShellState = { ...s, root: true };
        return { state, output: promptOf(state, i) };
      }
      if (trimmed === 'clear') return { state: s, output: `\x1b[H\x1b[2J${promptOf(s, i)}` };
      const out = runLinux(line, { user: s.user, root: s.root }, i, now);
      if (out === undefined) {
        if (s.root && s.user !== 'root') {
          const state: ShellState = { ...s, root: false };
          return { state, output: `logout${NL}${promptOf(state, i)}` };
        }
        const state: ShellState = { ...s, mode: 'login', user: '', root: false };
        return { state, output: `logout${NL}${NL}${promptOf(state, i)}` };
      }
      return { state: s, output: out.map((l) => l + NL).join('') + promptOf(s, i) };
    }
    case 'sac': {
      const out = runSac(line, i, now);
      return { state: s, output: out.map((l) => l + NL).join('') + promptOf(s, i) };
    }
    default:
      return { state: s, output: '' };
  }
}

/** Feeds keystrokes (or whole lines) typed on the console. */
export function feed(s0: ShellState, chunk: string, i: ConsoleInfo, now: Date): Fed {
  let s = s0;
  let out = '';
  let lastCr = false;
  for (const c of chunk) {
    if (s.mode === 'booting') continue;
    if (c === '\n' && lastCr) {
      lastCr = false;
      continue;
    }
    lastCr = c === '\r';
    if (c === '\r' || c === '\n') {
      const line = s.buffer;
      const r = submit({ ...s, buffer: '' }, line, i, now);
      out += NL + r.output;
      s = r.state;
    } else if (c === '\x7f' || c === '\b') {
      if (s.buffer) {
        s = { ...s, buffer: s.buffer.slice(0, -1) };
        if (s.mode !== 'password') out += '\b \b';
      }
    } else if (c === '\x03') {
      s = { ...s, buffer: '', ...(s.mode === 'password' ? { mode: 'login' as const, user: '' } : {}) };
      out += `^C${NL}${promptOf(s, i)}`;
    } else if (c === '\x04' && s.mode === 'shell' && !s.buffer) {
      const r = submit(s, 'logout', i, now);
      out += NL + r.output;
      s = r.state;
    } else if (c >= ' ') {
      s = { ...s, buffer: s.buffer + c };
      if (s.mode !== 'password') out += c;
    }
  }
  return { state: s, output: out };
}
