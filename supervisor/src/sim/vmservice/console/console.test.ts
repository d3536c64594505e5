import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootTranscript, promptAtMs, type ConsoleInfo } from './boot-transcript';
import { feed, initialShell, startPrompt, type ShellState } from './console-shell';
import { encryptTicket, splitAddress, TicketBook, TicketKeyError, ticketUrl } from './ticket';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const decrypt = (b64: string): string => privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha512' }, Buffer.from(b64, 'base64')).toString();

describe('web console ticket', () => {
  it('encrypts the WebMKS URL with RSA-OAEP/SHA-512 for PKCS#1 keys in "PUBLIC KEY" blocks (as kubectl vsphere sends), SPKI and "RSA PUBLIC KEY"', () => {
    const url = ticketUrl('127.0.0.1:6443', '0123456789abcdef0123456789abcdef');
    expect(url).toBe('wss://127.0.0.1:6443/ticket/0123456789abcdef0123456789abcdef');
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(decrypt(encryptTicket(pkcs1.replace(/RSA PUBLIC KEY/g, 'PUBLIC KEY'), url))).toBe(url);
    expect(decrypt(encryptTicket(pkcs1, url))).toBe(url);
    expect(decrypt(encryptTicket(publicKey.export({ type: 'spki', format: 'pem' }).toString(), url))).toBe(url);
  });

  it('rejects what is not an RSA public key', () => {
    expect(() => encryptTicket('not a key', 'x')).toThrow(new TicketKeyError('failed to decode PEM block containing public key'));
    expect(() => encryptTicket('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'x')).toThrow(TicketKeyError);
  });

  it('redeems a ticket once, before it expires, and only with the right request', () => {
    const book = new TicketBook();
    book.issue({ ticket: 't1', namespace: 'team-a', vmName: 'web-01', requestUid: 'u1', expiresAt: 1_000 });
    expect(book.redeem('t1', 500, (t) => t.requestUid === 'other')).toBeUndefined();
    expect(book.redeem('t1', 500)).toMatchObject({ vmName: 'web-01' });
    expect(book.redeem('t1', 500)).toBeUndefined();
    book.issue({ ticket: 't2', namespace: 'team-a', vmName: 'web-01', requestUid: 'u2', expiresAt: 1_000 });
    expect(book.redeem('t2', 1_000)).toBeUndefined();
    expect(splitAddress('[::1]:6443')).toEqual(['[::1]', 6443]);
    expect(splitAddress('supervisor.example.com')).toEqual(['supervisor.example.com', 443]);
  });
});

const info: ConsoleInfo = {
  family: 'ubuntu', hostname: 'web-01', prettyName: 'Ubuntu 22.04.4 LTS', version: '22.04', kernel: '5.15.0-105-generic', firmware: 'BIOS', cpus: 2,
  memoryBytes: 4 * 2 ** 30, diskBytes: 10 * 2 ** 30, ip: '10.244.3.17', prefix: 20, gateway: '10.244.0.1', mac: '00:50:56:12:34:56', biosUUID: 'b1',
  toolsMs: 16_000, ipMs: 19_000, bootstrapMs: 27_000, cloudInit: true, bootedAt: new Date('2026-06-03T10:00:00Z'),
};
const now = new Date('2026-06-03T10:05:00Z');

function type(s: ShellState, text: string): { s: ShellState; out: string } {
  const r = feed(s, text, info, now);
  return { s: r.state, out: r.output };
}

describe('console text', () => {
  it('boots with kernel and systemd messages, then the login prompt, then cloud-init', () => {
    const lines = bootTranscript(info);
    expect(lines.map((l) => l.atMs)).toEqual([...lines.map((l) => l.atMs)].sort((a, b) => a - b));
    expect(lines.find((l) => l.text.includes('Linux version'))!.text).toMatch(/^\[\s+0\.\d{6}\] Linux version 5\.15\.0-105-generic/);
    expect(lines.some((l) => l.text === '[  OK  ] Started OpenBSD Secure Shell server.')).toBe(true);
    expect(lines.find((l) => l.text === 'Ubuntu 22.04.4 LTS web-01 ttyS0')!.atMs).toBe(promptAtMs(info));
    expect(lines.at(-1)!.text).toContain('Cloud-init v. 23.4.4-0ubuntu0~22.04.1 finished at');
  });

  it('logs in, answers commands and logs out', () => {
    let r = startPrompt(initialShell(), info);
    expect(r.output).toBe('web-01 login: ');
    let t = type(r.state, 'vmware\r');
    expect(t.out).toBe('vmware\r\nPassword: ');
    t = type(t.s, 'hunter2\r');
    expect(t.out).not.toContain('hunter2');
    expect(t.out).toContain('Welcome to Ubuntu 22.04.4 LTS');
    expect(t.out.endsWith('vmware@web-01:~$ ')).toBe(true);
    t = type(t.s, 'hostname\r');
    expect(t.out).toBe('hostname\r\nweb-01\r\nvmware@web-01:~$ ');
    t = type(t.s, 'uname -a\r');
    expect(t.out).toContain('Linux web-01 5.15.0-105-generic #1 SMP');
    t = type(t.s, 'ip a\r');
    expect(t.out).toContain('inet 10.244.3.17/20 brd 10.244.15.255 scope global dynamic ens192');
    t = type(t.s, 'uptime\r');
    expect(t.out).toContain('up 5 min,  1 user');
    t = type(t.s, 'sudo -i\r');
    expect(t.out.endsWith('root@web-01:~# ')).toBe(true);
    t = type(t.s, 'exit\r');
    expect(t.out.endsWith('vmware@web-01:~$ ')).toBe(true);
    t = type(t.s, 'frobnicate\r');
    expect(t.out).toContain('frobnicate: command not found');
    t = type(t.s, 'exit\r');
    expect(t.out.endsWith('web-01 login: ')).toBe(true);
    r = { state: t.s, output: '' };
    expect(r.state.mode).toBe('login');
  });

  it('handles backspace and Ctrl-C like a terminal', () => {
    const s = startPrompt(initialShell(), info).state;
    const t = type(s, 'vmw\x7fware\x03');
    expect(t.out).toBe('vmw\b \bware^C\r\nweb-01 login: ');
    expect(t.s.buffer).toBe('');
  });

  it('offers the Special Administration Console on Windows', () => {
    const win: ConsoleInfo = { ...info, family: 'windows', hostname: 'win-jump-01', prettyName: 'Microsoft Windows Server 2022 Datacenter', kernel: '10.0.20348' };
    const s = startPrompt(initialShell(), win);
    expect(s.output).toBe('SAC>');
    const r = feed(s.state, 'i\r', win, now);
    expect(r.output).toBe('i\r\nNet: 10, Ip=10.244.3.17  Subnet=255.255.240.0  Gateway=10.244.0.1\r\nSAC>');
    expect(bootTranscript(win).map((l) => l.text)).toContain('Computer is booting, SAC started and initialized.');
  });
});
