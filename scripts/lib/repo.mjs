/** Facts about the repository shared by the scripts. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Resolves a path the user typed: a leading `~` is their home, relative paths are relative to
 * where they ran npm (INIT_CWD), not to the repository root npm switches to.
 * @param {string} value
 */
export function resolveUserPath(value, cwd = process.env.INIT_CWD || process.cwd(), home = os.homedir()) {
  const expanded = value === '~' ? home : value.startsWith('~/') ? path.join(home, value.slice(2)) : value;
  return path.resolve(cwd, expanded);
}

/**
 * Reads a TCP port from the environment.
 * @param {string | undefined} value
 * @param {number} fallback
 * @param {string} name variable name, for the error message
 */
export function portFromEnv(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number between 0 and 65535, not "${value}"`);
  }
  return port;
}
