/**
 * State of the "judge your own program" panel: the chosen problem and language, the program text,
 * and the live per-test results of the current run. Judges with the page's shared executor.
 */
import type { JudgeResult, TestResult } from '../../core/judging/judgeResult';
import type { Language } from '../../core/problem/language';
import type { Problem } from '../../core/problem/problem';
import { timeLimitMs } from '../../core/judging/languageTimeLimits';
import type { BrowserExecutor, ExecutorStatus } from '../../exec/browser/browserExecutor';
import type { ExecutionRuntime } from '../runtime/executionRuntime.svelte';
import { judgeProblems, type JudgeProblemEntry } from './judgeProblems';
import { ImportedProblemStore } from '../data/importedProblems';
import { ProblemLibrary } from '../problems/problemLibrary.svelte';
import { resolveTimeLimit } from '../../exec/timeLimitFromAcceptedRuns';
import { parseHashRoute, type HashRoute } from '../routing/hashRoute';
import { ProgramDrafts } from '../data/programDrafts';

const STARTERS: Record<Language, string> = {
  python: 'import sys\n\ndata = sys.stdin.read().split()\nprint(sum(map(int, data)))\n',
  cpp: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    long long a, b;\n    cin >> a >> b;\n    cout << a + b << "\\n";\n}\n',
};

export class JudgePanelState {
  problems = $state<JudgeProblemEntry[]>([]);
  problemId = $state('');
  problem = $state<Problem | undefined>(undefined);
  language = $state<Language>('python');
  source = $state(STARTERS.python);
  runAll = $state(false);
  running = $state(false);
  tests = $state<TestResult[]>([]);
  result = $state<JudgeResult | undefined>(undefined);
  error = $state<string | undefined>(undefined);

  timeLimit = $derived(this.problem ? timeLimitMs(this.problem.limits, this.language) : undefined);

  private readonly executor: BrowserExecutor;
  private readonly shared: ExecutionRuntime;
  private controller: AbortController | undefined;
  /** The program typed for each problem and language, kept across reloads. */
  private readonly drafts = new ProgramDrafts('critique-lab/judge-draft');

  private readonly importedStore = new ImportedProblemStore();
  /** The user's imported packages (their import, deletion and export), listed with the bundled ones. */
  readonly library: ProblemLibrary;

  constructor(runtime: ExecutionRuntime) {
    this.shared = runtime;
    this.executor = runtime.executor;
    this.library = new ProblemLibrary(this.importedStore, (problem) => resolveTimeLimit(this.executor, problem));
  }

  /** Bundled problems' ids: an import never takes one. */
  get bundledIds(): string[] {
    return this.problems.filter((p) => !this.library.imported.some((i) => i.id === p.id)).map((p) => p.id);
  }

  /** Re-reads the list after an import or a deletion; selects `id` when given (else keeps or falls back). */
  async reloadProblems(id?: string): Promise<void> {
    this.problems = await judgeProblems(this.importedStore);
    const keep = id ?? (this.problems.some((p) => p.id === this.problemId) ? this.problemId : this.problems[0]?.id);
    if (keep && (keep !== this.problemId || id)) await this.selectProblem(keep);
  }

  get runtime(): ExecutorStatus {
    return this.shared.status;
  }

  async init(): Promise<void> {
    if (this.problems.length) return;
    try {
      void this.library.refresh();
      this.problems = await judgeProblems(this.importedStore);
    } catch (error) {
      this.error = `Could not load the problem list: ${(error as Error).message}`;
      return;
    }
    const first = this.problems[0];
    if (!(await this.openLink(parseHashRoute(location.hash))) && first) await this.selectProblem(first.id);
  }

  /** Opens the problem a link names (bundled or imported here); false when it names none we have. */
  async openLink(route: HashRoute): Promise<boolean> {
    if (!route.problem || !this.problems.some((p) => p.id === route.problem)) return false;
    if (route.problem !== this.problemId) await this.selectProblem(route.problem);
    return true;
  }

  async selectProblem(id: string): Promise<void> {
    this.problemId = id;
    this.source = this.draftOrStarter();
    // Until the chosen problem has loaded there is none to judge against (Run is disabled): a Run
    // pressed meanwhile would judge the program against the previous problem's tests.
    this.problem = undefined;
    this.result = undefined;
    this.tests = [];
    try {
      const problem = await this.problems.find((p) => p.id === id)?.load();
      if (this.problemId !== id) return; // another problem was chosen while this one loaded
      this.problem = problem;
      this.error = undefined;
    } catch (error) {
      if (this.problemId === id) this.error = `Could not load the problem: ${(error as Error).message}`;
    }
  }

  selectLanguage(language: Language): void {
    this.language = language;
    this.source = this.draftOrStarter();
    void this.executor.warmUp(language).catch(() => undefined);
  }

  editSource(text: string): void {
    this.source = text;
    if (this.problemId) this.drafts.save(this.problemId, this.language, text);
  }

  /** What the editor shows for the chosen problem and language: the saved draft, else a starter. */
  private draftOrStarter(): string {
    return (this.problemId ? this.drafts.load(this.problemId, this.language) : null) ?? STARTERS[this.language];
  }

  async run(): Promise<void> {
    if (!this.problem || this.running) return;
    this.controller = new AbortController();
    this.running = true;
    this.error = undefined;
    this.result = undefined;
    this.tests = [];
    try {
      this.result = await this.executor.judge(
        this.problem,
        { language: this.language, source: this.source },
        { signal: this.controller.signal, runAll: this.runAll, onTest: (t) => (this.tests = [...this.tests, t]) },
      );
    } catch (error) {
      this.error = this.controller.signal.aborted ? 'Stopped.' : `Judging failed: ${(error as Error).message}`;
    } finally {
      this.running = false;
      this.controller = undefined;
    }
  }

  stop(): void {
    this.controller?.abort(new DOMException('stopped by the user', 'AbortError'));
  }
}
