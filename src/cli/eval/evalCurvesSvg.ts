/**
 * The report's figure, in the form of the OCR-2 paper's Fig. 3: pass@k and every strategy's
 * pass@1|select@k against k, with pass@1 as a dashed baseline — an inline SVG with no script and
 * no external file, so the report stays one self-contained page.
 */
import { SELECTION_STRATEGIES, STRATEGY_LABEL } from '../../core/selection/selectionStrategy';
import type { Curves } from '../../core/results/evalSummary';
import { escapeHtml as escape } from './htmlEscape';

const WIDTH = 560;
const HEIGHT = 340;
const PAD = { left: 48, right: 16, top: 16, bottom: 44 };
/** Distinct in light and dark and for the common colour-vision deficiencies (Okabe–Ito). */
const COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'];

export function curvesSvg(curves: Curves): string {
  const n = curves.passAtK.length;
  if (n === 0) return '<p>No curves: no problem has judged candidates.</p>';
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (k: number): number => PAD.left + (n === 1 ? plotW / 2 : ((k - 1) / (n - 1)) * plotW);
  const y = (v: number): number => PAD.top + (1 - v) * plotH;
  const path = (values: number[]): string =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  // Curves often coincide (every selector equals pass@k at k = 1): each is drawn thinner than the one before, so all stay visible.
  const series = [
    { label: 'pass@k', values: curves.passAtK, color: 'currentColor', dash: '', width: 6 },
    ...SELECTION_STRATEGIES.map((s, i) => ({
      label: `pass@1|select@k: ${STRATEGY_LABEL[s]}`,
      values: curves.selectAtK[s],
      color: COLORS[i % COLORS.length]!,
      dash: '',
      width: 5 - 0.7 * i,
    })),
    { label: 'pass@1', values: curves.passAtK.map(() => curves.passAtK[0]!), color: 'currentColor', dash: '4 4', width: 1.5 },
  ];
  const ticksY = [0, 0.25, 0.5, 0.75, 1].map(
    (v) =>
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v * 100}%</text>`,
  );
  const step = Math.max(1, Math.ceil(n / 10));
  const ticksX = Array.from({ length: n }, (_, i) => i + 1)
    .filter((k) => k === 1 || k === n || k % step === 0)
    .map((k) => `<text x="${x(k)}" y="${PAD.top + plotH + 16}" text-anchor="middle">${k}</text>`);
  const stroke = (s: (typeof series)[number]): string =>
    `stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}`;
  const lines = series.map((s) => `<path d="${path(s.values)}" fill="none" ${stroke(s)}><title>${escape(s.label)}</title></path>`);
  // The legend is HTML below the figure: it wraps on a phone, where text inside a scaled SVG would shrink.
  const legend = series.map(
    (s) =>
      `<li><svg viewBox="0 0 28 10" width="28" height="10"><line x1="0" x2="28" y1="5" y2="5" ${stroke({ ...s, width: Math.min(3, s.width) })}/></svg>${escape(s.label)}</li>`,
  );
  return [
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="pass@k and pass@1|select@k against k">`,
    ...ticksY,
    ...ticksX,
    `<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 8}" text-anchor="middle">k (candidates per problem)</text>`,
    ...lines,
    '</svg>',
    `<ul class="legend">${legend.join('')}</ul>`,
  ].join('\n');
}
