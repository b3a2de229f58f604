/** placeholder */
import type { EvalSummary } from './evalSummary';
export function reportHtml(summary: EvalSummary): string {
  return `<!doctype html><title>${summary.model}</title>`;
}
