/**
 * The lines of the curves chart and how each is drawn. Every line has its own dash pattern and
 * marker as well as colour, so the chart reads in greyscale and for colour-blind viewers.
 */
import { SELECTION_STRATEGIES, STRATEGY_LABEL, type SelectionStrategyId } from '../../core/selection/selectionStrategy';
import type { CurvePoint } from '../../core/metrics/metricsSchema';

/** What the chart draws: one run's metrics, or an eval's means over problems. */
export interface ChartCurves {
  passAt1: number | null;
  curves: { passAtK: CurvePoint[]; selectAtK: Partial<Record<string, CurvePoint[]>> };
}

export interface CurveSeries {
  id: string;
  label: string;
  color: string;
  dash: string | undefined;
  marker: 'circle' | 'square' | 'diamond' | 'triangle' | 'none';
  points: { k: number; value: number }[];
}

const STRATEGY_STYLE: Record<SelectionStrategyId, Pick<CurveSeries, 'color' | 'dash' | 'marker'>> = {
  'shortest-critique': { color: 'var(--series-select)', dash: undefined, marker: 'square' },
  'random-right': { color: 'var(--series-random)', dash: '8 5', marker: 'diamond' },
  vote: { color: 'var(--series-vote)', dash: '12 4 3 4', marker: 'triangle' },
  'first-sample': { color: 'var(--series-first)', dash: '2 4', marker: 'none' },
  'samples-then-shortest': { color: 'var(--series-samples)', dash: '4 3', marker: 'circle' },
};

export function curveSeries(metrics: ChartCurves): CurveSeries[] {
  const pass = metrics.curves.passAtK;
  const passAt1 = metrics.passAt1;
  const series: CurveSeries[] = [
    {
      id: 'pass@k',
      label: 'pass@k — at least one of k is correct (the ceiling)',
      color: 'var(--series-pass)',
      dash: undefined,
      marker: 'circle',
      points: pass,
    },
  ];
  if (passAt1 !== null) {
    series.push({
      id: 'pass@1',
      label: 'pass@1 — one sample, no selection (the floor)',
      color: 'var(--series-floor)',
      dash: '1 0',
      marker: 'none',
      points: pass.map((p) => ({ k: p.k, value: passAt1 })),
    });
  }
  for (const strategy of SELECTION_STRATEGIES) {
    const points = metrics.curves.selectAtK[strategy];
    if (points?.length)
      series.push({ id: `select@k:${strategy}`, label: `select@k — ${STRATEGY_LABEL[strategy]}`, ...STRATEGY_STYLE[strategy], points });
  }
  return series;
}
