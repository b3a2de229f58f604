/**
 * Pause, resume and single-step for a replay: the replay engine passes the gate before each piece
 * it streams, so a paused replay holds every stream where it is and `step()` lets exactly one
 * piece (one pipeline delta event) through. Judging runs in its own workers and is not held: a
 * program already written keeps being judged while the text is paused.
 */
export class PlaybackGate {
  private paused = false;
  /** Steps asked for while no stream was waiting: the next pieces to arrive pass at once. */
  private credits = 0;
  private waiting: (() => void)[] = [];

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.credits = 0;
    for (const release of this.waiting.splice(0)) release();
  }

  /** Lets one waiting piece through (or the next one to arrive); only meaningful while paused. */
  step(): void {
    if (!this.paused) return;
    const release = this.waiting.shift();
    if (release) release();
    else this.credits++;
  }

  /** Resolves when the caller may stream its next piece; at once when playing or aborted. */
  async pass(signal?: AbortSignal): Promise<void> {
    if (!this.paused || signal?.aborted) return;
    if (this.credits > 0) {
      this.credits--;
      return;
    }
    await new Promise<void>((resolve) => {
      const release = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        this.waiting = this.waiting.filter((r) => r !== release);
        resolve();
      };
      this.waiting.push(release);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
