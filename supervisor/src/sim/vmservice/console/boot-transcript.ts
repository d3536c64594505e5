import type { GuestFamily } from '../guest-os';

/**
 * What a VM's console shows from power-on: firmware, kernel and systemd (or Photon's) boot
 * messages, the login prompt once the guest is up, and cloud-init's final words; Windows shows
 * the Special Administration Console. `atMs` is simulated time after power-on; the console
 * prints a line when its time comes (or at once, as screen history, if it has passed).
 */
export interface ConsoleInfo {
  family: GuestFamily;
  hostname: string;
  prettyName: string;
  version: string;
  kernel: string;
  firmware: 'BIOS' | 'EFI';
  cpus: number;
  memoryBytes: number;
  diskBytes: number;
  ip?: string;
  prefix: number;
  gateway?: string;
  mac: string;
  biosUUID: string;
  toolsMs: number;
  ipMs: number;
  bootstrapMs: number;
  cloudInit: boolean;
  /** Wall-clock time of power-on. */
  bootedAt: Date;
}

export interface Line {
  atMs: number;
  text: string;
}

function stamp(ms: number): string {
  const s = Math.floor(ms / 1000);
  const us = Math.floor((ms % 1000) * 1000 + ((ms * 7919) % 997));
  return `[${String(s).padStart(5)}.${String(us).padStart(6, '0')}]`;
}

function kernelLines(i: ConsoleInfo, spanMs: number): Line[] {
  const gib = (i.diskBytes / 2 ** 30).toFixed(1);
  const sectors = Math.round(i.diskBytes / 512);
  const memK = Math.round(i.memoryBytes / 1024);
  const photon = i.family === 'photon';
  const raw = [
    photon
      ? `Linux version ${i.kernel}-esx (root@photon) (x86_64-unknown-linux-gnu-gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39) #1-photon SMP`
      : `Linux version ${i.kernel} (buildd@lcy02-amd64-080) (x86_64-linux-gnu-gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0) #115-Ubuntu SMP`,
    photon
      ? `Command line: BOOT_IMAGE=/boot/vmlinuz-${i.kernel}-esx root=PARTUUID=${i.biosUUID} init=/lib/systemd/systemd ro loglevel=3 console=ttyS0`
      : `Command line: BOOT_IMAGE=/boot/vmlinuz-${i.kernel} root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0`,
    `DMI: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00 11/12/2020`,
    'Hypervisor detected: VMware',
    'vmware: TSC freq read from hypervisor : 2394.374 MHz',
    `Memory: ${memK - 214_532}K/${memK}K available (16393K kernel code, 4376K rwdata, 10888K rodata, 3248K init, 6216K bss, 214532K reserved)`,
    `smp: Brought up 1 node, ${i.cpus} CPUs`,
    'VMware vmxnet3 virtual NIC driver - version 1.6.0.0-k-NAPI',
    'vmw_pvscsi: using 64bit dma',
    `sd 2:0:0:0: [sda] ${sectors} 512-byte logical blocks: (${(i.diskBytes / 1e9).toFixed(1)} GB/${gib} GiB)`,
    'sd 2:0:0:0: [sda] Attached SCSI disk',
    'EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.',
    `vmxnet3 0000:0b:00.0 ens192: renamed from eth0`,
  ];
  return raw.map((t, n) => {
    const at = 400 + Math.round((n / raw.length) * spanMs);
    return { atMs: at, text: `${stamp(at)} ${t}` };
  });
}

const UNITS = [
  'Started Journal Service.',
  'Finished Load Kernel Modules.',
  'Finished Remount Root and Kernel File Systems.',
  'Finished Coldplug All udev Devices.',
  'Reached target Local File Systems.',
  'Started Network Configuration.',
  'Reached target Network.',
  'Started Service for virtual machines hosted on VMware.',
  'Started OpenBSD Secure Shell server.',
  'Reached target Multi-User System.',
];

function systemdLines(i: ConsoleInfo, fromMs: number, toMs: number, ubuntu: boolean): Line[] {
  const units = ubuntu ? UNITS : UNITS.map((u) => u.replace('OpenBSD Secure Shell server', 'OpenSSH Daemon'));
  const out: Line[] = [{ atMs: fromMs, text: `${stamp(fromMs)} systemd[1]: Hostname set to <${i.hostname}>.` }];
  if (i.cloudInit) units.splice(6, 0, 'Finished Initial cloud-init job (metadata service crawler).');
  units.forEach((u, n) => out.push({ atMs: fromMs + Math.round(((n + 1) / (units.length + 1)) * (toMs - fromMs)), text: `[  OK  ] ${u}` }));
  return out;
}

function firmwareLines(i: ConsoleInfo): Line[] {
  return i.firmware === 'EFI'
    ? [
        { atMs: 0, text: '>>Start PXE over IPv4 skipped.' },
        { atMs: 150, text: `EFI VMware Virtual SCSI Hard Drive (0.0)... successful.` },
      ]
    : [{ atMs: 0, text: 'Booting from Hard Disk...' }];
}

function linuxTranscript(i: ConsoleInfo): Line[] {
  const ubuntu = i.family === 'ubuntu';
  const kernelEnd = Math.min(3_000, i.toolsMs * 0.3);
  const lines = [...firmwareLines(i), ...kernelLines(i, kernelEnd - 400), ...systemdLines(i, kernelEnd + 200, i.toolsMs - 300, ubuntu)];
  const banner = ubuntu ? `${i.prettyName} ${i.hostname} ttyS0` : `Welcome to Photon ${i.version} (x86_64) - Kernel ${i.kernel} (ttyS0)`;
  lines.push({ atMs: i.toolsMs, text: '' }, { atMs: i.toolsMs, text: banner }, { atMs: i.toolsMs, text: '' });
  if (i.cloudInit) {
    const t = i.bootstrapMs;
    const done = new Date(i.bootedAt.getTime() + t).toUTCString().replace('GMT', '+0000');
    lines.push(
      { atMs: i.ipMs, text: `${stamp(i.ipMs)} cloud-init[812]: Cloud-init v. 23.4.4-0ubuntu0~22.04.1 running 'modules:config' at ${done}. Up ${(i.ipMs / 1000).toFixed(2)} seconds.` },
      { atMs: t, text: `${stamp(t)} cloud-init[871]: Cloud-init v. 23.4.4-0ubuntu0~22.04.1 finished at ${done}. Datasource DataSourceVMware.  Up ${(t / 1000).toFixed(2)} seconds` },
    );
  }
  return lines.sort((a, b) => a.atMs - b.atMs);
}

function windowsTranscript(i: ConsoleInfo): Line[] {
  return [
    { atMs: 0, text: '' },
    { atMs: Math.round(i.toolsMs * 0.4), text: 'Computer is booting, SAC started and initialized.' },
    { atMs: Math.round(i.toolsMs * 0.4), text: '' },
    { atMs: Math.round(i.toolsMs * 0.4), text: 'Use the "ch -?" command for information about using channels.' },
    { atMs: Math.round(i.toolsMs * 0.4), text: 'Use the "?" command for general help.' },
    { atMs: Math.round(i.toolsMs * 0.4), text: '' },
    { atMs: i.toolsMs, text: 'EVENT: The CMD command is now available.' },
  ];
}

export function bootTranscript(i: ConsoleInfo): Line[] {
  return i.family === 'windows' ? windowsTranscript(i) : linuxTranscript(i);
}

/** When the console starts taking input (the login prompt or SAC> appears). */
export function promptAtMs(i: ConsoleInfo): number {
  return i.family === 'windows' ? Math.round(i.toolsMs * 0.4) : i.toolsMs;
}
