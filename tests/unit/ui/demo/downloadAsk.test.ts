import { describe, expect, it } from 'vitest';
import {
  ASK_ABOVE_BYTES,
  askReason,
  PHONE_MAX_WIDTH,
  shouldAskBeforeDownload,
  type DeviceHints,
} from '../../../../src/ui/demo/downloadAsk';

const DESKTOP: DeviceHints = { saveData: false, coarsePointer: false, viewportWidth: 1280 };
const PHONE: DeviceHints = { saveData: false, coarsePointer: true, viewportWidth: 390 };
const CPP_WIRE = 38_900_000;
const PYTHON_WIRE = 6_100_000;

describe('asking before a runtime download', () => {
  it('asks a phone or a browser with Data Saver before the C++ toolchain, never a desktop', () => {
    expect(shouldAskBeforeDownload(CPP_WIRE, PHONE)).toBe(true);
    expect(shouldAskBeforeDownload(CPP_WIRE, { ...DESKTOP, saveData: true })).toBe(true);
    expect(shouldAskBeforeDownload(CPP_WIRE, DESKTOP)).toBe(false);
  });

  it('does not ask for a download at or under ~20 MB (Python), nor when nothing is missing or the size is unknown', () => {
    expect(shouldAskBeforeDownload(PYTHON_WIRE, { ...PHONE, saveData: true })).toBe(false);
    expect(shouldAskBeforeDownload(ASK_ABOVE_BYTES, PHONE)).toBe(false);
    expect(shouldAskBeforeDownload(ASK_ABOVE_BYTES + 1, PHONE)).toBe(true);
    expect(shouldAskBeforeDownload(0, PHONE)).toBe(false);
    expect(shouldAskBeforeDownload(null, PHONE)).toBe(false);
  });

  it('takes a phone for a coarse pointer on a narrow viewport: not a touch laptop, a tablet or a narrow desktop window', () => {
    expect(askReason(PHONE)).toBe('phone');
    expect(askReason({ ...PHONE, viewportWidth: PHONE_MAX_WIDTH })).toBe('phone');
    expect(askReason({ ...PHONE, viewportWidth: 1280 })).toBeNull();
    expect(askReason({ ...PHONE, viewportWidth: 820 })).toBeNull();
    expect(askReason({ ...DESKTOP, viewportWidth: 390 })).toBeNull();
    expect(askReason({ ...PHONE, saveData: true })).toBe('save-data');
  });
});
