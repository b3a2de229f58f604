/**
 * Presenter mode: large type and one candidate in focus, moved with the keyboard, so a teacher can
 * walk a room through a run from a projector. Only which candidate is in focus lives here; the run
 * itself stays in the DemoSession.
 */
export class PresenterMode {
  on = $state(false);
  /** 0-based index of the candidate in focus. */
  focus = $state(0);

  toggle(): void {
    this.on = !this.on;
    // The presenter layout is one screen: start it at the top, wherever the page was scrolled.
    if (typeof window !== 'undefined') window.scrollTo(0, 0);
  }

  next(count: number): void {
    if (count > 0) this.focus = (this.focus + 1) % count;
  }

  previous(count: number): void {
    if (count > 0) this.focus = (this.focus - 1 + count) % count;
  }

  /** Keeps the focus on a candidate that exists after k changed. */
  clamp(count: number): void {
    if (this.focus >= count) this.focus = Math.max(0, count - 1);
  }
}
