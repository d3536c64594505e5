import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';

/**
 * What the simulated guest operating systems look like from vSphere: the guest ID and full
 * name VM Tools reports, and how long the guest takes to boot, shut down and bring up networking
 * (simulated milliseconds). The family also drives the web console's text.
 */
export type GuestFamily = 'ubuntu' | 'photon' | 'windows' | 'linux';

export interface GuestProfile {
  family: GuestFamily;
  guestID: string;
  guestFullName: string;
  /** e.g. "Ubuntu 22.04.4 LTS". */
  prettyName: string;
  version: string;
  kernel: string;
  /** Deploying (cloning) the VM from its image. */
  createMs: number;
  /** Power-on to VM Tools running. */
  toolsMs: number;
  /** Power-on to an IP address reported by the guest. */
  ipMs: number;
  /** Power-on to cloud-init / guest customization finished. */
  bootstrapMs: number;
  /** A guest-initiated (soft) shutdown. */
  shutdownMs: number;
}

const UBUNTU_2204: GuestProfile = {
  family: 'ubuntu', guestID: 'ubuntu64Guest', guestFullName: 'Ubuntu Linux (64-bit)', prettyName: 'Ubuntu 22.04.4 LTS', version: '22.04',
  kernel: '5.15.0-105-generic', createMs: 9_000, toolsMs: 16_000, ipMs: 19_000, bootstrapMs: 27_000, shutdownMs: 9_000,
};
const UBUNTU_2404: GuestProfile = {
  ...UBUNTU_2204, prettyName: 'Ubuntu 24.04 LTS', version: '24.04', kernel: '6.8.0-31-generic', toolsMs: 15_000, ipMs: 18_000, bootstrapMs: 25_000,
};
const PHOTON_5: GuestProfile = {
  family: 'photon', guestID: 'vmwarePhoton64Guest', guestFullName: 'VMware Photon OS (64-bit)', prettyName: 'VMware Photon OS/Linux', version: '5.0',
  kernel: '6.1.75-1.ph5', createMs: 7_000, toolsMs: 9_000, ipMs: 11_000, bootstrapMs: 16_000, shutdownMs: 6_000,
};
const WINDOWS_2022: GuestProfile = {
  family: 'windows', guestID: 'windows2019srvNext_64Guest', guestFullName: 'Microsoft Windows Server 2022 (64-bit)', prettyName: 'Microsoft Windows Server 2022 Datacenter',
  version: '2022', kernel: '10.0.20348', createMs: 24_000, toolsMs: 48_000, ipMs: 55_000, bootstrapMs: 80_000, shutdownMs: 22_000,
};
const GENERIC: GuestProfile = {
  family: 'linux', guestID: 'otherLinux64Guest', guestFullName: 'Other Linux (64-bit)', prettyName: 'Linux', version: '',
  kernel: '6.1.0', createMs: 8_000, toolsMs: 14_000, ipMs: 17_000, bootstrapMs: 24_000, shutdownMs: 8_000,
};

/** Picks the profile from an image's status (osInfo.type is the vSphere guest ID). */
export function profileForImage(image: KubeObject | undefined): GuestProfile {
  const status = image && isObject(image.status) ? image.status : {};
  const os = isObject(status.osInfo) ? status.osInfo : {};
  const type = String(os.type ?? '');
  const version = String(os.version ?? '');
  if (type.startsWith('windows')) return WINDOWS_2022;
  if (type.includes('Photon')) return PHOTON_5;
  if (type.startsWith('ubuntu')) return version.startsWith('24') ? UBUNTU_2404 : UBUNTU_2204;
  return GENERIC;
}

export const HARD_POWER_OFF_MS = 1_500;
export const POWER_ON_MS = 3_000;
export const SUSPEND_HARD_MS = 3_000;
export const SUSPEND_SOFT_MS = 6_000;
export const RESUME_MS = 3_000;
export const RESET_MS = 1_000;
/** TrySoft gives the guest this long before falling back to Hard (upstream: five minutes). */
export const TRY_SOFT_TIMEOUT_MS = 300_000;
/** How long a host must be unreachable before vSphere HA restarts its VMs elsewhere. */
export const HA_DELAY_MS = 20_000;
export const DESTROY_MS = 2_000;
