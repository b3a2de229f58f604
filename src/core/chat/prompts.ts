/**
 * The chat messages sent to the model: one to write a candidate, one to critique a candidate.
 * Both are single user messages with no system prompt, because that is how OCR-2 was trained and
 * evaluated; a different framing would measure a different model.
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

const PLACEHOLDER: Record<Language, string> = { python: '# Your code here', cpp: '// Your code here' };

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
  parts.push(
    `Time limit: ${formatSeconds(problem.limits.timeSeconds)} per test. Memory limit: ${problem.limits.memoryMiB} MiB.`,
  );
  sampleTests(problem).forEach((test, i) => {
    parts.push(`## Sample ${i + 1}\n\nInput:\n${fenced(test.input)}\n\nOutput:\n${fenced(test.answer)}`);
  });
  return parts.join('\n\n');
}

/**
 * Generation prompt, following OpenCodeReasoning-II (OCR-2, arXiv 2507.09075) and its predecessor: the model
 * is told to think step by step, to use only the one language, and to put just the final solution
 * in a single code block opened with the language's fence tag, then the question follows. The
 * wording is ours; the format requirements are the paper's. We add the stdin/stdout contract
 * because our judge runs the program as a whole, as CodeContests-style judges do.
 */
export function generationPrompt(problem: Problem, language: Language): ChatMessage[] {
  const tag = fenceTag(language);
  const content = [
    'You are a helpful and harmless assistant. Think step by step before you respond to the task below.',
    `Use the ${LANGUAGE_LABEL[language]} programming language only. The program must read from standard input and write to standard output.`,
    `Put only the final solution code in one code block that starts with \`\`\`${tag}, in this format:\n` +
      `\`\`\`${tag}\n${PLACEHOLDER[language]}\n\`\`\``,
    problemQuestion(problem),
  ].join('\n\n');
  return [{ role: 'user', content }];
}

/**
 * OCR-2 critique prompt (arXiv 2507.09075; docs/method.md): given the question and one
 * candidate, the model reasons about whether it is correct and ends with a binary judgement,
 * right or wrong, which we ask for as the exact line VERDICT_FORMAT.ocr2.
 */
function ocr2Critique(question: string, language: Language, program: string): string {
  const f = VERDICT_FORMAT.ocr2;
  return [
    `You are reviewing a candidate solution to a competitive programming problem. The solution is written in ${LANGUAGE_LABEL[language]}.`,
    'Analyse step by step whether it is correct: whether it prints the expected output for every valid input, handles the edge cases, and stays within the time and memory limits.',
    `After your analysis, explain your reasoning briefly and end your response with a final line that is exactly\n${f.right}\nif the solution is correct, or exactly\n${f.wrong}\nif it is not.`,
    `### Question\n\n${question}`,
    `### Candidate solution\n\n${fenced(program, fenceTag(language))}`,
  ].join('\n\n');
}

/**
 * Critique-Coder critique prompt (arXiv 2509.22824; docs/method.md): decide whether the
 * submitted solution is correct and fully satisfies the specification, and conclude with
 * \conclusion{T} (correct) or \conclusion{F} (wrong); a missing conclusion is no judgement.
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
  const content =
    style === 'ocr2' ? ocr2Critique(question, language, program) : critiqueCoderCritique(question, language, program);
  return [{ role: 'user', content }];
}
