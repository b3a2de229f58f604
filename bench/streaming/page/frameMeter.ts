/**
 * Measures smoothness from inside the page: frames drawn (requestAnimationFrame), the longest gap
 * between two frames, and main-thread long tasks (over 50 ms, reported by the browser's
 * PerformanceObserver) between start and stop.
 */
export interface FrameReport {
  seconds: number;
  fps: number;
  longestFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
}

export class FrameMeter {
  private readonly started = performance.now();
  private frames = 0;
  private last = this.started;
  private longestFrame = 0;
  private running = true;
  private readonly tasks: number[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.tasks.push(entry.duration);
  });

  constructor() {
    this.observer.observe({ type: 'longtask' });
    const tick = (now: number): void => {
      if (!this.running) return;
      this.frames++;
      this.longestFrame = Math.max(this.longestFrame, now - this.last);
      this.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  stop(): FrameReport {
    this.running = false;
    for (const entry of this.observer.takeRecords()) this.tasks.push(entry.duration);
    this.observer.disconnect();
    const seconds = (performance.now() - this.started) / 1000;
    return {
      seconds,
      fps: this.frames / seconds,
      longestFrameMs: this.longestFrame,
      longTasks: this.tasks.length,
      longestTaskMs: this.tasks.length ? Math.max(...this.tasks) : 0,
    };
  }
}
