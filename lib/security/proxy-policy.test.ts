import { describe, expect, it } from 'vitest';
import { checkUpstreamPath, downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-policy';

const ok = (p: string, m = 'GET') => checkUpstreamPath(p, m).ok;

describe('proxy path policy', () => {
  it('forwards Kubernetes API paths', () => {
    expect(ok('/api')).toBe(true);
    expect(ok('/api/v1')).toBe(true);
    expect(ok('/apis/apps/v1')).toBe(true);
    expect(ok('/api/v1/namespaces')).toBe(true);
    expect(ok('/api/v1/namespaces/team-a')).toBe(true);
    expect(ok('/api/v1/namespaces/team-a/pods/web-1/log')).toBe(true);
    expect(ok('/apis/apps/v1/namespaces/team-a/deployments/web/scale', 'PATCH')).toBe(true);
    expect(ok('/apis/vmoperator.vmware.com/v1alpha5/namespaces/team-a/virtualmachines/vm-1', 'PATCH')).toBe(true);
    expect(ok('/api/v1/namespaces/team-a/configmaps', 'POST')).toBe(true);
    expect(ok('/version')).toBe(true);
    expect(ok('/openapi/v3/apis/apps/v1')).toBe(true);
  });

  it('refuses tunnels, traversal, encoded separators and non-API paths', () => {
    expect(checkUpstreamPath('/api/v1/namespaces/x/services/y/proxy', 'GET')).toMatchObject({ ok: false, code: 403 });
    expect(ok('/api/v1/namespaces/x/services/y:80/proxy/admin')).toBe(false);
    expect(ok('/api/v1/namespaces/x/pods/p/exec')).toBe(false);
    expect(ok('/api/v1/namespaces/x/pods/p/attach')).toBe(false);
    expect(ok('/api/v1/namespaces/x/pods/p/portforward')).toBe(false);
    expect(ok('/api/v1/nodes/esxi-01/proxy/metrics')).toBe(false);
    expect(ok('/api/v1/proxy/namespaces/x/services/y')).toBe(false);
    expect(ok('/api/v1/watch/pods')).toBe(false);
    expect(ok('/api/v1/namespaces/../../etc')).toBe(false);
    expect(ok('/api/v1/namespaces/x%2fy/pods')).toBe(false);
    expect(ok('//evil.example/api')).toBe(false);
    expect(ok('/healthz')).toBe(false);
    expect(ok('/metrics')).toBe(false);
    expect(ok('/logs/kube-apiserver.log')).toBe(false);
    expect(checkUpstreamPath('/api/v1/pods', 'OPTIONS')).toMatchObject({ ok: false, code: 405 });
    expect(checkUpstreamPath('/apis', 'POST')).toMatchObject({ ok: false, code: 405 });
  });

  it('sends only the session token and content negotiation headers upstream', () => {
    const incoming = new Headers({ authorization: 'Bearer stolen', 'impersonate-user': 'admin', 'impersonate-group': 'system:masters', connection: 'keep-alive', cookie: 'gp_session=x', accept: 'application/json', 'content-type': 'application/merge-patch+json' });
    expect(upstreamRequestHeaders(incoming, 'mine')).toEqual({ authorization: 'Bearer mine', 'user-agent': 'glasspane-console/0.1', accept: 'application/json', 'content-type': 'application/merge-patch+json' });
  });

  it('returns only safe response headers', () => {
    const h = downstreamResponseHeaders({ 'content-type': 'application/json', 'set-cookie': 'x=y', warning: ['299 - "a"', '299 - "b"'], 'www-authenticate': 'Basic' });
    expect(h['content-type']).toBe('application/json');
    expect(h['set-cookie']).toBeUndefined();
    expect(h['www-authenticate']).toBeUndefined();
    expect(h.warning).toEqual(['299 - "a"', '299 - "b"']);
    expect(h['cache-control']).toBe('no-store');
  });
});

describe('proxy headers around compression', () => {
  it('passes the encoding through both ways (a gzipped list stays gzipped) and marks answers as data', () => {
    const up = upstreamRequestHeaders(new Headers({ 'accept-encoding': 'gzip, br', accept: 'application/json' }), 't');
    expect(up['accept-encoding']).toBe('gzip, br');
    const down = downstreamResponseHeaders({ 'content-type': 'application/json', 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
    expect(down['content-encoding']).toBe('gzip');
    expect(down.vary).toBe('Accept-Encoding');
    expect(down['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(down['x-content-type-options']).toBe('nosniff');
  });
});
