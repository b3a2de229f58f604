/**
 * Every way a model's output can deviate from what the prompts ask, as a defined state with the
 * label the UI shows beside the candidate or critique. States are derived from the run record
 * alone (the answer is re-read by the same extractor and verdict parser the pipeline used), so a
 * recording made before a state existed still shows it.
 *
 * Severity: `error` — nothing usable came out (no program, no verdict); `warning` — something was
 * used, but not as asked (the last of several blocks, another language, a verdict read from prose);
 * `info` — the output is fine, the label explains how it was read.
 */
import type { CritiqueStyle } from '../chat/critiqueVerdict';
import type { FinishReason } from '../chat/chatEngine';
import type { Language } from '../problem/language';
import { extractProgram, type ExtractionIssue } from './programExtractor';
import { explainCritiqueVerdict, type VerdictSource } from './verdictParser';

export type OutputSeverity = 'info' | 'warning' | 'error';

export type OutputStateId = ExtractionIssue | 'cut-by-limit' | 'no-answer' | 'stopped' | 'failed' | Exclude<VerdictSource, 'marker'>;

/** What a finished completion left: the run record's generation and critique records fit it. */
interface FinishedOutput {
  reasoning: string;
  answer: string;
  usage: { finishReason: FinishReason };
  error?: string;
}

export interface OutputState {
  id: OutputStateId;
  severity: OutputSeverity;
  /** A few words, shown on the card. */
  label: string;
  /** One sentence: what happened and what it means for the run. */
  explanation: string;
}

const EXTRACTION: Record<ExtractionIssue, Omit<OutputState, 'id'>> = {
  'no-block': {
    severity: 'error',
    label: 'no code',
    explanation: 'The answer has no code block; nothing is judged and selection never picks this candidate.',
  },
  // Only shown when there was no reasoning either (else 'no-answer' says it): the output is empty.
  'empty-answer': { severity: 'error', label: 'empty output', explanation: 'The model returned nothing at all; nothing is judged.' },
  'data-blocks-only': {
    severity: 'error',
    label: 'no code',
    explanation: 'The answer has only data blocks (sample output, shell); nothing is judged.',
  },
  'empty-blocks': { severity: 'error', label: 'empty code block', explanation: "The answer's code blocks are empty; nothing is judged." },
  'several-blocks': {
    severity: 'warning',
    label: 'several code blocks',
    explanation: 'The answer has several code blocks; the last one is judged.',
  },
  'other-language': {
    severity: 'warning',
    label: 'wrong language',
    explanation: 'The code is tagged as another language; it is judged as asked, and will most likely fail.',
  },
  untagged: {
    severity: 'info',
    label: 'untagged code',
    explanation: 'The code block has no language tag; it is judged in the requested language.',
  },
  'unclosed-block': {
    severity: 'warning',
    label: 'unclosed code block',
    explanation: 'The last code block is never closed; the code was taken to the end of the answer.',
  },
};

const VERDICT: Record<Exclude<VerdictSource, 'marker'>, Omit<OutputState, 'id'>> = {
  missing: {
    severity: 'error',
    label: 'no verdict',
    explanation: 'The critique states no verdict in a form that can be read; it counts as neither right nor wrong.',
  },
  contradictory: {
    severity: 'error',
    label: 'contradictory verdict',
    explanation: 'The critique says both right and wrong; it counts as no verdict.',
  },
  'other-style-marker': {
    severity: 'warning',
    label: 'verdict in other format',
    explanation: "The verdict uses the other critique format's marker; it was read anyway.",
  },
  'final-line': {
    severity: 'warning',
    label: 'verdict from last line',
    explanation: "No verdict marker; the verdict was read from the answer's last sentence.",
  },
};

/** States shared by both kinds of output: how the completion ended. */
function endingStates({ reasoning, answer, usage, error }: FinishedOutput): OutputState[] {
  const states: OutputState[] = [];
  // An engine failure is recorded with finish reason `abort` (pipeline.ts): the error says why.
  if (error)
    states.push({
      id: 'failed',
      severity: 'error',
      label: 'failed',
      explanation: `The model could not finish: ${error.replace(/[.\s]*$/, '')}.`,
    });
  else if (usage.finishReason === 'abort')
    states.push({
      id: 'stopped',
      severity: 'error',
      label: 'stopped',
      explanation: 'The run was stopped before this output was complete.',
    });
  if (usage.finishReason === 'length') {
    states.push({
      id: 'cut-by-limit',
      severity: 'warning',
      label: 'cut by token limit',
      explanation: 'The output reached the token limit and was cut off.',
    });
  }
  // The record keeps reasoning and answer apart, not whether </think> came: reasoning that never
  // ended and reasoning followed by nothing are the same state for the reader — no answer.
  if (answer.trim() === '' && reasoning.trim() !== '' && usage.finishReason !== 'abort' && !error) {
    states.push({
      id: 'no-answer',
      severity: 'error',
      label: 'no answer after reasoning',
      explanation:
        'The output ended inside or right after the reasoning (no </think>, or nothing after it), so there is no answer to read.',
    });
  }
  return states;
}

export function generationStates(generation: FinishedOutput & { language: Language }): OutputState[] {
  const states = endingStates(generation);
  const ended = states.some((s) => s.id === 'stopped' || s.id === 'failed' || s.id === 'no-answer');
  for (const issue of extractProgram(generation.answer, generation.language).issues) {
    // "Empty answer" says nothing new when the reasoning took all of it or the run stopped.
    if (ended && issue === 'empty-answer') continue;
    states.push({ id: issue, ...EXTRACTION[issue] });
  }
  return states;
}

export function critiqueStates(critique: FinishedOutput, style: CritiqueStyle): OutputState[] {
  const states = endingStates(critique);
  if (states.some((s) => s.id === 'stopped' || s.id === 'failed')) return states;
  const { source } = explainCritiqueVerdict(critique.answer, style);
  if (source !== 'marker') states.push({ id: source, ...VERDICT[source] });
  return states;
}
