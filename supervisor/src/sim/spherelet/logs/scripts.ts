import { pickOf } from '../hash';
import { commaTime, isoTime } from './log-format';
import type { LogContext, LogScript } from './log-script';
import { webFamilies } from './family-web';
import { dataFamilies } from './family-data';
import { computeFamilies } from './family-compute';
import { operatorFamilies } from './family-operator';

/**
 * The script of a container instance: its family's, with a crash report appended when the
 * instance exits with an error and the family has no last words of its own (a Go panic, a
 * Node.js or Java exception, chosen per pod and instance).
 */
const FAMILIES = { ...webFamilies, ...dataFamilies, ...computeFamilies, ...operatorFamilies };

function goPanic(ctx: LogContext): string[] {
  return [
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x28 pc=0x8d3f6a]',
    '',
    'goroutine 1 [running]:',
    `main.(*Server).loadConfig(0x0, {0xc0000b4000, 0x17})`,
    `\t/src/cmd/${ctx.container.name}/server.go:87 +0x4a`,
    'main.main()',
    `\t/src/cmd/${ctx.container.name}/main.go:42 +0x1c5`,
  ];
}

function nodeError(ctx: LogContext, at: Date): string[] {
  return [
    `${isoTime(at)} ERROR failed to start: connect ECONNREFUSED 10.96.${ctx.podIP.split('.')[2]}.15:5432`,
    'Error: connect ECONNREFUSED 10.96.0.15:5432',
    '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {',
    '  errno: -111,',
    "  code: 'ECONNREFUSED',",
    "  syscall: 'connect'",
    '}',
  ];
}

function javaError(_ctx: LogContext, at: Date): string[] {
  return [
    `ERROR [main] ${commaTime(at)} Application.java:61 - Application run failed`,
    'java.lang.IllegalStateException: Failed to load property source from location \'file:/config/application.yaml\'',
    '\tat org.springframework.boot.context.config.ConfigDataLoader.load(ConfigDataLoader.java:118)',
    '\tat com.example.Application.main(Application.java:24)',
    'Caused by: java.io.FileNotFoundException: /config/application.yaml (No such file or directory)',
    '\tat java.base/java.io.FileInputStream.open0(Native Method)',
    '\t... 12 common frames omitted',
  ];
}

function pythonError(): string[] {
  return [
    'Traceback (most recent call last):',
    '  File "/app/main.py", line 27, in <module>',
    '    settings = load_settings(os.environ["APP_CONFIG"])',
    '  File "<frozen os>", line 714, in __getitem__',
    "KeyError: 'APP_CONFIG'",
  ];
}

export function scriptFor(ctx: LogContext): LogScript {
  const script = (FAMILIES[ctx.family] ?? FAMILIES.generic!)(ctx);
  const own = script.trailer;
  return {
    ...script,
    trailer: (code, at, rng) => {
      const lines = own ? own(code, at, rng) : [];
      if (code === 0 || lines.length) return lines;
      if (ctx.family === 'python' || ctx.family === 'tensorflow') return pythonError();
      const pick = pickOf([goPanic, nodeError, javaError] as const, ctx.podUid, ctx.container.name, ctx.instance, 'crash');
      return pick(ctx, at);
    },
  };
}
