import type { WebSocket } from 'ws';
import type { Clock } from '../../../controllers/kit/clock';
import { bootTranscript, promptAtMs, type ConsoleInfo } from './boot-transcript';
import { feed, initialShell, NL, promptOf, startPrompt, type ShellState } from './console-shell';

/**
 * One web console connection: replays the screen so far (the boot messages printed since
 * power-on), prints the rest as the boot progresses (simulated time), then answers keystrokes.
 * Text frames out; text or binary frames in.
 */
export function runConsole(ws: WebSocket, info: ConsoleInfo, elapsedMs: number, clock: Clock): void {
  let state: ShellState = initialShell();
  const cancels: (() => void)[] = [];
  const send = (text: string): void => {
    if (text && ws.readyState === ws.OPEN) ws.send(text);
  };
  const lines = bootTranscript(info);
  send(lines.filter((l) => l.atMs <= elapsedMs).map((l) => l.text + NL).join(''));
  const promptAt = promptAtMs(info);
  const showPrompt = (): void => {
    const r = startPrompt(state, info);
    state = r.state;
    send(r.output);
  };
  if (elapsedMs >= promptAt) showPrompt();
  else cancels.push(clock.after(promptAt - elapsedMs, showPrompt));
  for (const line of lines.filter((l) => l.atMs > elapsedMs)) {
    cancels.push(
      clock.after(line.atMs - elapsedMs, () => {
        if (state.mode === 'booting') return send(line.text + NL);
        // A message printed over an open prompt: the prompt (and what was typed) is shown again.
        send(`${NL}${line.text}${NL}${promptOf(state, info)}${state.mode === 'password' ? '' : state.buffer}`);
      }),
    );
  }
  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const r = feed(state, text, info, new Date());
    state = r.state;
    send(r.output);
  });
  ws.on('close', () => cancels.forEach((c) => c()));
}
