/**
 * The chat messages sent to the model: one to write a candidate, one to critique a candidate.
 *
 * OCR-2-7B (nvidia/OpenCodeReasoning-Nemotron-1.1-7B) was fine-tuned on exactly two prompt
 * templates, published in OpenCodeReasoning-II (arXiv 2507.09075, Fig. 6 for solutions, Fig. 7 for
 * critiques) and in the OpenCodeReasoning-Nemotron model cards. They are the model's input format,
 * like its chat template, so they are sent here word for word: one user message each, no system
 * prompt. The figures are rendered text, so their line breaks are a reading; docs/method.md says
 * which reading this is and why, and what `{solution}` holds.
 */
import type { ChatMessage } from './chatEngine';
import type { CritiqueStyle } from './critiqueVerdict';
import { FENCE_TAGS, LANGUAGE_LABEL, type Language } from '../problem/language';
import { sampleTests, type Problem } from '../problem/problem';
import { VERDICT_FORMAT } from './verdictFormat';

/** The canonical fence tag the prompt asks for; programExtractor accepts it and its variants. */
export function fenceTag(language: Language): string {
  return FENCE_TAGS[language][0] ?? language;
}

/** The language's name as the trained generation template spells it ("python", "c++"). */
const TEMPLATE_LANGUAGE: Record<Language, string> = { python: 'python', cpp: 'c++' };

const PREAMBLE = 'You are a helpful and harmless assistant. You should think step-by-step before responding to the instruction below.';

/**
 * Fig. 6: the solution template. `{language}` and `{fence}` are the only words that change with
 * the language; the placeholder line stays `# Your code here` in C++ too, as trained.
 */
const GENERATION_TEMPLATE = [
  PREAMBLE,
  'Please use {language} programming language only.',
  'You must use ```{fence} for just the final solution code block with the following format:\n```{fence}\n# Your code here\n```',
  '{question}',
].join('\n\n');

/** Fig. 7: the critique template; the verdict it asks for is VERDICT_FORMAT.ocr2. */
const OCR2_CRITIQUE_TEMPLATE = [
  PREAMBLE,
  'You have solved a programming problem. Now, you will critique your solution and conclude with <judgment>right/wrong</judgment>.',
  '## Question\n{question}',
  '## Solution\n{solution}',
].join('\n\n');

/**
 * Fills `{name}` slots in one pass, so a problem statement or a program that itself contains
 * "{solution}" (or `$&`, which String.replace would expand) is inserted verbatim.
 */
function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}

/**
 * A fence that the text cannot close early: one backtick longer than the longest run inside it
 * (sample data or a program may itself contain ```).
 */
function fenced(text: string, tag = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${ticks}${tag}\n${body}${ticks}`;
}

function formatSeconds(seconds: number): string {
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/**
 * The problem as the model sees it: title, statement, limits, then every sample test. Samples
 * are listed even when the statement shows them, because a Kattis statement often renders its
 * samples from data/sample and the Markdown we hold may lack them.
 */
export function problemQuestion(problem: Problem): string {
  const parts = [`# ${problem.title}`, problem.statement.trim()];
  parts.push(`Time limit: ${formatSeconds(problem.limits.timeSeconds)} per test. Memory limit: ${problem.limits.memoryMiB} MiB.`);
  sampleTests(problem).forEach((test, i) => {
    parts.push(`## Sample ${i + 1}\n\nInput:\n${fenced(test.input)}\n\nOutput:\n${fenced(test.answer)}`);
  });
  return parts.join('\n\n');
}

/** Fig. 6 with the language's words and the problem filled in. */
export function generationPrompt(problem: Problem, language: Language): ChatMessage[] {
  const content = fillTemplate(GENERATION_TEMPLATE, {
    language: TEMPLATE_LANGUAGE[language],
    fence: fenceTag(language),
    question: problemQuestion(problem),
  });
  return [{ role: 'user', content }];
}

/**
 * Fig. 7 with the question and the candidate filled in. `{solution}` is the program alone, fenced
 * with the language's tag as the generation template asks the model to write it: the critic sees
 * the code it is to judge, never the reasoning that wrote it.
 */
function ocr2Critique(question: string, language: Language, program: string): string {
  return fillTemplate(OCR2_CRITIQUE_TEMPLATE, { question, solution: fenced(program, fenceTag(language)) });
}

/**
 * Critique-Coder critique prompt (arXiv 2509.22824; docs/method.md): decide whether the
 * submitted solution is correct and fully satisfies the specification, and conclude with
 * \conclusion{T} (correct) or \conclusion{F} (wrong); a missing conclusion is no judgement.
 * Its wording is ours (that paper publishes the shape, not a template).
 */
function critiqueCoderCritique(question: string, language: Language, program: string): string {
  const f = VERDICT_FORMAT['critique-coder'];
  return [
    `Below are a programming question and a submitted solution in ${LANGUAGE_LABEL[language]}.`,
    'Decide whether the solution is correct and fully satisfies the specification of the question, including its input format, output format, edge cases and limits. Think it through step by step.',
    `Conclude your response with ${f.right} if the solution is correct, or with ${f.wrong} if it is not. Write nothing after the conclusion.`,
    `### Question\n\n${question}`,
    `### Submitted solution\n\n${fenced(program, fenceTag(language))}`,
  ].join('\n\n');
}

export function critiquePrompt(problem: Problem, language: Language, program: string, style: CritiqueStyle): ChatMessage[] {
  const question = problemQuestion(problem);
  const content = style === 'ocr2' ? ocr2Critique(question, language, program) : critiqueCoderCritique(question, language, program);
  return [{ role: 'user', content }];
}
