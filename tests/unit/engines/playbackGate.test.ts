import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseRunRecord } from '../../../src/core/record/runRecordCodec';
import { PlaybackGate } from '../../../src/engines/playbackGate';
import { ReplayEngine } from '../../../src/engines/replay';
import { AbortedError } from '../../../src/core/chat/chatEngine';

const recording = parseRunRecord(await readFile('public/runs/best-stretch-handwritten.json', 'utf8'));
/** Lets every pending promise callback run (the replay streams on timers of 0 ms at Infinity speed). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Starts reading a replayed generation and counts the pieces that have arrived so far. */
function read(engine: ReplayEngine, signal?: AbortSignal) {
  const seen = { pieces: 0, done: false, error: null as unknown };
  const stream = engine.chat([{ role: 'user', content: 'write a solution' }], { signal });
  void (async () => {
    try {
      for await (const delta of stream) if (delta.reasoning || delta.content) seen.pieces++;
      seen.done = true;
    } catch (error) {
      seen.error = error;
    }
  })();
  return seen;
}

describe('PlaybackGate on a replay', () => {
  it('a paused replay streams nothing; each step lets exactly one piece through; resume plays the rest', async () => {
    const gate = new PlaybackGate();
    gate.pause();
    const seen = read(new ReplayEngine(recording, { tokensPerSecond: Infinity, gate }));
    await settle();
    expect(seen.pieces).toBe(0);
    gate.step();
    await settle();
    expect(seen.pieces).toBe(1);
    gate.step();
    gate.step();
    await settle();
    expect(seen.pieces).toBe(3);
    expect(seen.done).toBe(false);
    gate.resume();
    await settle();
    expect(seen.done).toBe(true);
    expect(seen.pieces).toBeGreaterThan(50);
  });

  it('a step asked for before the stream waits is kept for the next piece', async () => {
    const gate = new PlaybackGate();
    gate.pause();
    gate.step();
    const seen = read(new ReplayEngine(recording, { tokensPerSecond: Infinity, gate }));
    await settle();
    expect(seen.pieces).toBe(1);
  });

  it('aborting a paused replay ends its stream instead of hanging', async () => {
    const gate = new PlaybackGate();
    gate.pause();
    const controller = new AbortController();
    const seen = read(new ReplayEngine(recording, { tokensPerSecond: Infinity, gate }), controller.signal);
    await settle();
    controller.abort();
    await settle();
    expect(seen.error).toBeInstanceOf(AbortedError);
    expect(seen.pieces).toBe(0);
  });

  it('step does nothing while playing', () => {
    const gate = new PlaybackGate();
    gate.step();
    expect(gate.isPaused).toBe(false);
  });
});
