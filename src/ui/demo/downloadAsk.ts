/**
 * When the Demo asks before it downloads a runtime: on a connection that is likely metered or
 * slow — the browser's Data Saver is on (`navigator.connection.saveData`), or the device is a
 * phone — and only for a download over ~20 MB. Python (Pyodide, ~6 MB compressed) never asks;
 * the C++ toolchain (~39 MB compressed) does, unless it is stored already.
 *
 * A phone is a coarse primary pointer (a finger) on a viewport at most 430 px wide (the widest
 * phones in portrait). Both, because a touch laptop has a coarse pointer and a narrow desktop
 * window a fine one; a tablet (wider) is not asked. Browsers expose no reliable "metered" flag:
 * Data Saver is the visitor's own statement, and the phone rule a proxy for mobile data.
 */

/** Downloads above this ask first (compressed bytes, as they cross the network). */
export const ASK_ABOVE_BYTES = 20_000_000;
/** The widest viewport, in CSS pixels, still taken for a phone's. */
export const PHONE_MAX_WIDTH = 430;

export interface DeviceHints {
  saveData: boolean;
  coarsePointer: boolean;
  viewportWidth: number;
}

/** Why this device is asked, or null when it is not (a desktop without Data Saver). */
export function askReason(hints: DeviceHints): 'save-data' | 'phone' | null {
  if (hints.saveData) return 'save-data';
  if (hints.coarsePointer && hints.viewportWidth <= PHONE_MAX_WIDTH) return 'phone';
  return null;
}

/** Whether to ask before downloading `wireBytes` (null: size unknown, as in `npm start`: never ask). */
export function shouldAskBeforeDownload(wireBytes: number | null, hints: DeviceHints): boolean {
  return wireBytes !== null && wireBytes > ASK_ABOVE_BYTES && askReason(hints) !== null;
}

/** This browser's hints; Network Information is Chromium-only, elsewhere Data Saver reads as off. */
export function deviceHintsOfThisBrowser(): DeviceHints {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return {
    saveData: connection?.saveData === true,
    coarsePointer: matchMedia('(pointer: coarse)').matches,
    viewportWidth: innerWidth,
  };
}
