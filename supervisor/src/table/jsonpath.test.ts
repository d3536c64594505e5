import { describe, expect, it } from 'vitest';
import { compileJsonPath, formatJsonPathValue, goNumber, jsonPathEvaluate, jsonPathSyntaxError } from './jsonpath';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-7d4b9c8f5-x2kqz',
    namespace: 'default',
    labels: { app: 'web', 'app.kubernetes.io/name': 'web' },
    annotations: { 'kubernetes.io/psp': 'restricted' },
  },
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'envoy:1.30', ports: [{ containerPort: 9901 }, { containerPort: 15000 }] },
    ],
  },
  status: {
    phase: 'Running',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [
      { name: 'app', ready: true, restartCount: 0 },
      { name: 'sidecar', ready: false, restartCount: 3 },
    ],
    podIP: null,
  },
};

describe('jsonPathEvaluate', () => {
  it('walks fields, with or without the surrounding braces', () => {
    expect(jsonPathEvaluate(pod, '.status.phase')).toEqual(['Running']);
    expect(jsonPathEvaluate(pod, '{.status.phase}')).toEqual(['Running']);
    expect(jsonPathEvaluate(pod, '{$.metadata.name}')).toEqual(['web-7d4b9c8f5-x2kqz']);
  });

  it('indexes arrays, including negative indices and slices', () => {
    expect(jsonPathEvaluate(pod, '.spec.containers[0].image')).toEqual(['nginx:1.27']);
    expect(jsonPathEvaluate(pod, '.spec.containers[-1].name')).toEqual(['sidecar']);
    expect(jsonPathEvaluate(pod, '.status.conditions[0:2].type')).toEqual(['Initialized', 'Ready']);
    expect(jsonPathEvaluate(pod, '.status.conditions[1:].type')).toEqual(['Ready', 'PodScheduled']);
    expect(jsonPathEvaluate(pod, '.status.conditions[0:3:2].type')).toEqual(['Initialized', 'PodScheduled']);
  });

  it('expands wildcards over arrays and maps', () => {
    expect(jsonPathEvaluate(pod, '.spec.containers[*].name')).toEqual(['app', 'sidecar']);
    expect(jsonPathEvaluate(pod, '.spec.containers[*].ports[*].containerPort')).toEqual([80, 9901, 15000]);
    expect(jsonPathEvaluate(pod, '.metadata.labels.*')).toEqual(['web', 'web']);
  });

  it('reads keys containing dots, bracketed or escaped', () => {
    expect(jsonPathEvaluate(pod, ".metadata.labels['app.kubernetes.io/name']")).toEqual(['web']);
    expect(jsonPathEvaluate(pod, '.metadata.annotations.kubernetes\\.io/psp')).toEqual(['restricted']);
    expect(jsonPathEvaluate(pod, ".metadata['name']")).toEqual(['web-7d4b9c8f5-x2kqz']);
  });

  it('filters by comparison and by existence', () => {
    expect(jsonPathEvaluate(pod, '.status.conditions[?(@.type=="Ready")].status')).toEqual(['False']);
    expect(jsonPathEvaluate(pod, ".status.conditions[?(@.type == 'PodScheduled')].status")).toEqual(['True']);
    expect(jsonPathEvaluate(pod, '.status.conditions[?(@.status!="True")].type')).toEqual(['Ready']);
    expect(jsonPathEvaluate(pod, '.status.conditions[?(@.reason)].reason')).toEqual(['ContainersNotReady']);
    expect(jsonPathEvaluate(pod, '.status.containerStatuses[?(@.restartCount>1)].name')).toEqual(['sidecar']);
    expect(jsonPathEvaluate(pod, '.status.containerStatuses[?(@.ready==true)].name')).toEqual(['app']);
  });

  it('supports unions and recursive descent', () => {
    expect(jsonPathEvaluate(pod, '.spec.containers[0,1].name')).toEqual(['app', 'sidecar']);
    expect(jsonPathEvaluate(pod, "['kind','apiVersion']")).toEqual(['Pod', 'v1']);
    expect(jsonPathEvaluate(pod, '..containerPort')).toEqual([80, 9901, 15000]);
  });

  it('yields no value for missing paths and for type errors, as a null printer cell', () => {
    expect(jsonPathEvaluate(pod, '.status.hostIP')).toEqual([]);
    expect(jsonPathEvaluate(pod, '.spec.nothing.deeper[0]')).toEqual([]);
    // Present but null: the value is there (upstream prints it as <no value>).
    expect(jsonPathEvaluate(pod, '.status.podIP')).toEqual([null]);
    expect(jsonPathEvaluate(pod, '.spec.containers[5].name')).toEqual([]);
    expect(jsonPathEvaluate(pod, '.metadata.name[0]')).toEqual([]);
    expect(jsonPathEvaluate(pod, '.status.conditions[?(@.type==1)]')).toEqual([]);
  });

  it('rejects malformed paths at compile time', () => {
    expect(() => jsonPathEvaluate(pod, '.spec.containers[0')).toThrow(/unterminated array/);
    expect(jsonPathSyntaxError('.a[x]')).toBe('invalid array index x');
    expect(jsonPathSyntaxError('.status.conditions[?(@.type=="Ready"')).toBe('unterminated filter');
    expect(jsonPathSyntaxError('{.a')).toBe('unclosed action');
    expect(jsonPathSyntaxError('.status.phase')).toBeUndefined();
  });

  it('compiles each path once', () => {
    expect(compileJsonPath('.status.phase')).toBe(compileJsonPath('.status.phase'));
  });
});

describe('printing results like kubectl -o jsonpath', () => {
  it('prints scalars as Go does and containers as compact JSON with sorted keys', () => {
    expect(formatJsonPathValue('Running')).toBe('Running');
    expect(formatJsonPathValue(3)).toBe('3');
    expect(formatJsonPathValue(true)).toBe('true');
    expect(formatJsonPathValue(null)).toBe('<no value>');
    expect(formatJsonPathValue({ b: 1, a: ['x', '<y>'] })).toBe('{"a":["x","\\u003cy\\u003e"],"b":1}');
  });

  it('formats non-integral numbers like fmt.Print of float64', () => {
    expect(goNumber(0.5)).toBe('0.5');
    expect(goNumber(1234567.5)).toBe('1.2345675e+06');
    expect(goNumber(0.00001)).toBe('1e-05');
    expect(goNumber(123456.25)).toBe('123456.25');
  });

  it('renders templates with literal text', () => {
    const t = compileJsonPath('{.metadata.name}{"\\t"}{.spec.containers[*].name}');
    expect(t.text(pod)).toBe('web-7d4b9c8f5-x2kqz\tapp sidecar');
  });
});
