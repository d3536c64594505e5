import type { Core } from '../handlers/core';
import type { Admission } from '../core/admission';

/** What each in-process controller is started with; `stop` functions are collected by the caller. */
export interface ControllerContext {
  core: Core;
  admission: Admission;
  onStop(fn: () => void): void;
}
