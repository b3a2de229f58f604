/**
 * The page's one browser executor (its sandbox frame, Pyodide and clang are loaded once) and its
 * readiness, shared by every view that judges programs. App creates it.
 */
import { BrowserExecutor, type ExecutorStatus } from '../../exec/browser/browserExecutor';

export class ExecutionRuntime {
  status = $state<ExecutorStatus>({ python: 'cold', cpp: 'cold' });
  readonly executor: BrowserExecutor;

  constructor() {
    this.executor = new BrowserExecutor({ onStatus: (status) => (this.status = status) });
  }
}
