/**
 * The Demo's question before a large runtime download on a phone or with Data Saver on (the rule
 * is in downloadAsk.ts): download and judge the recording's programs for real, or replay with the
 * verdicts the recording carries. The answer holds for the browser session (sessionStorage), so a
 * visitor is asked once, not on every Run.
 */
import type { Language } from '../../core/problem/language';
import { askReason, shouldAskBeforeDownload, type DeviceHints } from './downloadAsk';

export type DownloadChoice = 'download' | 'recorded';

export interface DownloadQuestion {
  language: Language;
  /** Compressed bytes the download would cost. */
  wireBytes: number;
  reason: 'save-data' | 'phone';
}

const CHOICE_KEY = 'critique-lab/runtime-download-choice';

export class DownloadConsent {
  /** The question on screen, while the Demo waits for an answer. */
  question = $state<DownloadQuestion | null>(null);
  private pending: { promise: Promise<boolean>; answer: (choice: DownloadChoice) => void } | null = null;
  private readonly missingWireBytes: (language: Language) => Promise<number | null>;
  private readonly hints: () => DeviceHints;
  private readonly memory: Storage | null;

  /** `missingWireBytes`: what judging a language would download now (null: unknown). */
  constructor(missingWireBytes: (language: Language) => Promise<number | null>, hints: () => DeviceHints, memory: Storage | null) {
    this.missingWireBytes = missingWireBytes;
    this.hints = hints;
    this.memory = memory;
  }

  /** The answer given earlier in this session, if any. */
  get remembered(): DownloadChoice | null {
    const value = this.memory?.getItem(CHOICE_KEY);
    return value === 'download' || value === 'recorded' ? value : null;
  }

  /**
   * Whether to judge in this browser, asking first where the rule says so. An earlier answer
   * stands (after "the recording's verdicts" the Demo turned judging off; if the visitor turned it
   * back on, that is a yes).
   */
  async judgeHere(language: Language): Promise<boolean> {
    if (this.pending) return this.pending.promise;
    if (this.remembered !== null) return true;
    const hints = this.hints();
    const reason = askReason(hints);
    if (!reason) return true;
    const wireBytes = await this.missingWireBytes(language);
    if (wireBytes === null || !shouldAskBeforeDownload(wireBytes, hints)) return true;
    let answer!: (choice: DownloadChoice) => void;
    const promise = new Promise<boolean>((resolve) => {
      answer = (choice) => {
        this.memory?.setItem(CHOICE_KEY, choice);
        this.question = null;
        this.pending = null;
        resolve(choice === 'download');
      };
    });
    this.pending = { promise, answer };
    this.question = { language, wireBytes, reason };
    return promise;
  }

  answer(choice: DownloadChoice): void {
    this.pending?.answer(choice);
  }
}

/** This tab's sessionStorage, or null where the browser refuses it (then the Demo asks on each Run). */
export function sessionChoiceMemory(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
