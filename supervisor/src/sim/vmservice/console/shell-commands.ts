import { ipString } from '../identity';
import type { ConsoleInfo } from './boot-transcript';

/**
 * The few commands the simulated guest shells answer, with output shaped like the real tools
 * on Ubuntu and Photon OS, and the Windows Special Administration Console's commands.
 */
export interface Session {
  user: string;
  root: boolean;
}

function netmask(prefix: number): string {
  return ipString(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

function nic(i: ConsoleInfo): string {
  return i.family === 'ubuntu' ? 'ens192' : 'eth0';
}

function broadcast(i: ConsoleInfo): string {
  const n = (i.ip ?? '0.0.0.0').split('.').reduce((a, o) => ((a << 8) | Number(o)) >>> 0, 0);
  return ipString((n | (~(0xffffffff << (32 - i.prefix)) >>> 0)) >>> 0);
}

function uptime(i: ConsoleInfo, now: Date): string {
  const mins = Math.max(0, Math.floor((now.getTime() - i.bootedAt.getTime()) / 60_000));
  const up = mins < 60 ? `${mins} min` : `${Math.floor(mins / 60)}:${String(mins % 60).padStart(2, '0')}`;
  return ` ${now.toISOString().slice(11, 19)} up ${up},  1 user,  load average: 0.08, 0.11, 0.05`;
}

function osRelease(i: ConsoleInfo): string[] {
  if (i.family === 'photon') return ['NAME="VMware Photon OS"', `VERSION="${i.version}"`, 'ID=photon', `VERSION_ID=${i.version}`, `PRETTY_NAME="VMware Photon OS/Linux"`, 'ANSI_COLOR="1;34"', 'HOME_URL="https://vmware.github.io/photon/"'];
  const codename = i.version.startsWith('24') ? 'noble' : 'jammy';
  return [
    `PRETTY_NAME="${i.prettyName}"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${i.version}"`,
    `VERSION="${i.prettyName.replace('Ubuntu ', '')} (${codename === 'noble' ? 'Noble Numbat' : 'Jammy Jellyfish'})"`,
    `VERSION_CODENAME=${codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
  ];
}

function ipAddr(i: ConsoleInfo): string[] {
  const lines = [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    `2: ${nic(i)}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000`,
    `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff`,
  ];
  if (i.ip) lines.push(`    inet ${i.ip}/${i.prefix} brd ${broadcast(i)} scope global dynamic ${nic(i)}`, '       valid_lft 86211sec preferred_lft 86211sec');
  return lines;
}

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

/** Output lines of a shell command line, or undefined for "exit"/"logout". */
export function runLinux(line: string, s: Session, i: ConsoleInfo, now: Date): string[] | undefined {
  const [cmd = '', ...args] = line.trim().split(/\s+/);
  const home = s.root ? '/root' : `/home/${s.user}`;
  switch (cmd) {
    case '':
      return [];
    case 'exit':
    case 'logout':
      return undefined;
    case 'hostname':
      return [i.hostname];
    case 'whoami':
      return [s.root ? 'root' : s.user];
    case 'id':
      return [s.root ? 'uid=0(root) gid=0(root) groups=0(root)' : `uid=1000(${s.user}) gid=1000(${s.user}) groups=1000(${s.user}),4(adm),27(sudo)`];
    case 'uname':
      if (args.includes('-a')) return [`Linux ${i.hostname} ${i.kernel} #1 SMP ${i.bootedAt.toUTCString()} x86_64 x86_64 x86_64 GNU/Linux`];
      return [args.includes('-r') ? i.kernel : 'Linux'];
    case 'uptime':
      return [uptime(i, now)];
    case 'date':
      return [now.toUTCString().replace('GMT', 'UTC')];
    case 'pwd':
      return [home];
    case 'ls':
      return args.includes('/') ? ['bin  boot  dev  etc  home  lib  lib64  lost+found  media  mnt  opt  proc  root  run  sbin  srv  sys  tmp  usr  var'] : [];
    case 'echo':
      return [args.join(' ')];
    case 'nproc':
      return [String(i.cpus)];
    case 'ip':
      if (args[0]?.startsWith('r')) return i.ip ? [`default via ${i.gateway} dev ${nic(i)} proto dhcp src ${i.ip} metric 100`] : [];
      return ipAddr(i);
    case 'ifconfig':
      return i.ip ? [`${nic(i)}: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500`, `        inet ${i.ip}  netmask ${netmask(i.prefix)}  broadcast ${broadcast(i)}`, `        ether ${i.mac}  txqueuelen 1000  (Ethernet)`] : [];
    case 'cat':
      if (args[0] === '/etc/os-release') return osRelease(i);
      if (args[0] === '/etc/hostname') return [i.hostname];
      return [`cat: ${args[0] ?? ''}: No such file or directory`];
    case 'free': {
      const total = mib(i.memoryBytes);
      return ['               total        used        free      shared  buff/cache   available', `Mem:          ${String(total).padStart(6)}      ${String(Math.round(total * 0.09)).padStart(6)}      ${String(Math.round(total * 0.78)).padStart(6)}           1      ${String(Math.round(total * 0.13)).padStart(6)}      ${String(Math.round(total * 0.88)).padStart(6)}`, 'Swap:              0           0           0'];
    }
    case 'df': {
      const g = Math.round(i.diskBytes / 2 ** 30);
      return ['Filesystem      Size  Used Avail Use% Mounted on', `/dev/sda1        ${g}G  1.8G  ${g - 2}G  ${Math.round((1.8 / g) * 100)}% /`, 'tmpfs           392M  1.1M  391M   1% /run'];
    }
    case 'cloud-init':
      return args[0] === 'status' ? [`status: ${now.getTime() - i.bootedAt.getTime() >= i.bootstrapMs ? 'done' : 'running'}`] : ['usage: cloud-init [-h] [--version] [--debug] [--force] {init,modules,single,query,features,analyze,devel,collect-logs,clean,status,schema} ...'];
    case 'help':
      return ['Available here: hostname, whoami, id, uname, uptime, date, pwd, ls, echo, nproc, ip, ifconfig, cat, free, df, cloud-init status, sudo -i, clear, exit'];
    default:
      return [`${cmd}: command not found`];
  }
}

export function runSac(line: string, i: ConsoleInfo, now: Date): string[] {
  const cmd = line.trim().toLowerCase();
  switch (cmd) {
    case '':
      return [];
    case '?':
    case 'help':
      return ['ch             Channel management commands. Use ch -? for more help.', 'cmd            Create a Command Prompt channel.', 'i              List all IP network numbers and their IP addresses.', 'id             Display the computer identification information.', 's              Display the current time and date.', 'restart        Restart the system immediately.', 'shutdown       Shutdown the system immediately.'];
    case 'i':
      return i.ip ? [`Net: 10, Ip=${i.ip}  Subnet=${netmask(i.prefix)}  Gateway=${i.gateway}`] : ['Net: 10, Ip=0.0.0.0  Subnet=0.0.0.0  Gateway=0.0.0.0'];
    case 'id':
      return [`Computer Name: ${i.hostname.toUpperCase().slice(0, 15)}`, `Computer GUID: ${i.biosUUID}`, 'Processor Architecture: AMD64', `Build Number: ${i.kernel.split('.').pop()}`, `Product: ${i.prettyName}`, 'Applied Service Pack: None', 'Version Number: 10.0'];
    case 's':
      return [`Date: ${now.toISOString().slice(0, 10)}  Time (GMT): ${now.toISOString().slice(11, 19)}`];
    case 'cmd':
      return ['The Command Prompt session was successfully launched.', 'EVENT:   A new channel has been created.  Use "ch -?" for channel help.', 'Channel: Cmd0001'];
    case 'restart':
    case 'shutdown':
      return ['This operation is managed by VM Service: set spec.powerState or spec.nextRestartTime on the VirtualMachine.'];
    default:
      return ["Unrecognized command.  Try '?' for help."];
  }
}
