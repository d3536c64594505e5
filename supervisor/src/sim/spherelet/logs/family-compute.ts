import { commandText, loopsForever, sleepMs } from '../behavior';
import { clfTime, commaTime, microTime, shellDate } from './log-format';
import { burst, peerIP, type FamilyTable, type LogContext, type LogScript } from './log-script';
import { piDigits } from './pi';

/**
 * Programs that compute: shell one-liners (what their `echo`s print, once or every loop
 * iteration), Perl (the π Job), Python (http.server or a logging app), and TensorFlow training
 * (TFJob replicas: parameter servers serve, workers log accuracy as they train).
 */
const ECHO = /\becho\s+(?:-[en]+\s+)?("([^"]*)"|'([^']*)'|([^;&|]+))/g;

/** The strings a shell command echoes, in order. */
export function echoes(text: string): string[] {
  return echoTimeline(text).map((e) => e.text);
}

/** Each echo with the simulated ms of the `sleep`s before it in the command. */
export function echoTimeline(text: string): { text: string; afterMs: number }[] {
  const out: { text: string; afterMs: number }[] = [];
  for (const m of text.matchAll(ECHO)) out.push({ text: (m[2] ?? m[3] ?? m[4] ?? '').trim(), afterMs: sleepMs(text.slice(0, m.index)) });
  return out;
}

function expand(template: string, ctx: LogContext, at: Date, counter: number): string {
  return template
    .replace(/\$\(date[^)]*\)|`date[^`]*`/g, shellDate(at))
    .replace(/\$\(hostname\)|\$HOSTNAME|\$\{HOSTNAME\}/g, ctx.podName)
    .replace(/\$\{?(i|n|count|counter|COUNT)\}?/g, String(counter))
    .replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, '');
}

function shell(ctx: LogContext): LogScript {
  const text = commandText(ctx.container);
  const said = echoes(text);
  const datePrinter = /(^|[;&|]\s*|\s)date(\s|;|$)/.test(text);
  const lines = said.length ? said : datePrinter ? ['$(date)'] : [];
  if (!loopsForever(text)) {
    const timed = said.length ? echoTimeline(text) : lines.map((l) => ({ text: l, afterMs: 0 }));
    return { startup: timed.map((l, i) => ({ offsetMs: 20 + i * 2 + l.afterMs, text: (at: Date) => expand(l.text, ctx, at, i + 1) })), trailer: shellTrailer };
  }
  if (!lines.length) return { startup: [], trailer: shellTrailer };
  const period = sleepMs(text) || 1000;
  return {
    startup: [],
    steadyMs: period / lines.length,
    steady: (i, at) => expand(lines[i % lines.length]!, ctx, at, Math.floor(i / lines.length) + 1),
    trailer: shellTrailer,
  };
}

function shellTrailer(code: number): string[] {
  return code === 0 ? [] : ["sh: can't open '/config/run.sh': No such file or directory"];
}

function perl(ctx: LogContext): LogScript {
  const text = commandText(ctx.container);
  const bpi = /bpi\((\d+)\)/.exec(text);
  if (bpi) return { startup: [], trailer: (code) => (code === 0 ? [piDigits(Number(bpi[1]))] : ["Can't locate Math/BigFloat.pm in @INC"]) };
  return { startup: [], trailer: () => [] };
}

function python(ctx: LogContext): LogScript {
  const text = commandText(ctx.container);
  if (/http\.server/.test(text)) {
    const port = /http\.server\s+(\d+)/.exec(text)?.[1] ?? '8000';
    return {
      startup: burst(300, [`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`]),
      steadyMs: 3000,
      steady: (_i, at, rng) => `${peerIP(ctx.podIP, rng)} - - [${clfTime(at).replace(':', ' ').replace(' +0000', '')}] "GET ${rng.pick(['/', '/data.csv', '/index.html'])} HTTP/1.1" 200 -`,
    };
  }
  if (/train|mnist|model|epoch/i.test(text)) return tensorflow(ctx);
  const log = (level: string, msg: string) => (at: Date) => `${commaTime(at)} ${level} [app] ${msg}`;
  return {
    startup: [
      { offsetMs: 500, text: log('INFO', 'Starting worker process') },
      { offsetMs: 520, text: log('INFO', `Connected to broker at amqp://rabbitmq.${ctx.namespace}.svc:5672//`) },
    ],
    steadyMs: 4000,
    steady: (i, at, rng) => log('INFO', `Task tasks.process[${rng.hex(8)}-${rng.hex(4)}] succeeded in ${(rng.int(5, 3000) / 1000).toFixed(3)}s: {'processed': ${rng.int(1, 500)}, 'batch': ${i + 1}}`)(at),
  };
}

function tensorflow(ctx: LogContext): LogScript {
  const role = ctx.labels['training.kubeflow.org/replica-type'] ?? 'worker';
  const index = ctx.labels['training.kubeflow.org/replica-index'] ?? '0';
  const micros = (at: Date) => Number(ctx.podUid.replace(/\D/g, '').slice(0, 3) || '0') + at.getUTCMilliseconds();
  const tf = (source: string, text: string) => (at: Date) => `${microTime(at, micros(at))}: I ${source}] ${text}`;
  const startup = [
    { offsetMs: 2100, text: tf('tensorflow/core/util/port.cc:153', 'oneDNN custom operations are on. You may see slightly different numerical results due to floating-point round-off errors from different computation orders. To turn them off, set the environment variable `TF_ENABLE_ONEDNN_OPTS=0`.') },
    { offsetMs: 2400, text: tf('tensorflow/core/platform/cpu_feature_guard.cc:210', 'This TensorFlow binary is optimized to use available CPU instructions in performance-critical operations.') },
    { offsetMs: 2401, text: () => 'To enable the following instructions: AVX2 AVX512F FMA, in other operations, rebuild TensorFlow with the appropriate compiler flags.' },
    { offsetMs: 3900, text: tf('tensorflow/core/distributed_runtime/rpc/grpc_server_lib.cc:457', `Started server with target: grpc://${ctx.podName}:2222`) },
  ];
  if (role === 'ps' || role === 'PS') return { startup };
  const steps = 10;
  return {
    startup: [...startup, { offsetMs: 4500, text: () => `Extracting /tmp/tensorflow/mnist/input_data/train-images-idx3-ubyte.gz` }, { offsetMs: 4600, text: () => `Extracting /tmp/tensorflow/mnist/input_data/t10k-labels-idx1-ubyte.gz` }],
    steadyMs: 1500,
    steady: (i, _at, rng) => {
      const step = (i + 1) * steps;
      if (step % 100 === 90 && rng.next() < 0.5) return `Adding run metadata for ${step - 1}`;
      const accuracy = Math.min(0.9921, 0.982 - 0.7 * Math.exp(-step / 60) + (rng.next() - 0.5) * 0.01);
      return `Accuracy at step ${step}: ${accuracy.toFixed(4)}`;
    },
    trailer: (code, at, rng) => {
      if (code !== 0) return tensorflowCrash(at);
      return [`${role === 'worker' ? `Worker ${index}` : role}: training done, final accuracy ${(0.985 + rng.next() * 0.006).toFixed(4)}`, 'Model saved to /tmp/tensorflow/mnist/logs/mnist_with_summaries/model.ckpt'];
    },
  };
}

function tensorflowCrash(at: Date): string[] {
  return [
    `${commaTime(at)} ERROR Training failed`,
    'Traceback (most recent call last):',
    '  File "/var/tf_mnist/mnist_with_summaries.py", line 212, in <module>',
    '    tf.compat.v1.app.run(main=main, argv=[sys.argv[0]] + unparsed)',
    '  File "/var/tf_mnist/mnist_with_summaries.py", line 181, in train',
    '    summary, acc = sess.run([merged, accuracy], feed_dict=feed_dict(False))',
    'tensorflow.python.framework.errors_impl.UnavailableError: failed to connect to all addresses; last error: UNKNOWN: ipv4:10.96.0.17:2222: Failed to connect to remote host: Connection refused',
  ];
}

export const computeFamilies: FamilyTable = { shell, perl, python, tensorflow };
