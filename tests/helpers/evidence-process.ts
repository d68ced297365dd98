import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './serve';

const CHILD = fileURLToPath(new URL('./evidence-process-child.ts', import.meta.url));

interface Reply {
  event: 'ready' | 'placed' | 'done' | 'failed';
  value?: unknown;
  message?: string;
}

/** The test's side of evidence-process-child.ts: one more real OS process on `dataDir`. */
export class EvidenceProcess {
  private readonly replies: Reply[] = [];
  private waiting: ((r: Reply) => void) | null = null;
  private exited = false;

  private constructor(readonly proc: ChildProcess) {
    proc.on('message', (r: Reply) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(r);
      } else this.replies.push(r);
    });
    proc.on('exit', () => {
      this.exited = true;
      this.waiting?.({ event: 'failed', message: 'the process exited' });
    });
  }

  /** Starts the process; resolves once its backend is open. */
  static async start(dataDir: string): Promise<EvidenceProcess> {
    const proc = fork(CHILD, [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, FIELDWORK_TEST_DATA_DIR: dataDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const p = new EvidenceProcess(proc);
    await p.expect('ready');
    return p;
  }

  /** The next message, which must be `event`: answers its value (for 'failed', its message). */
  async expect(event: Reply['event']): Promise<unknown> {
    const r =
      this.replies.shift() ??
      (this.exited
        ? { event: 'failed' as const, message: 'the process exited' }
        : await new Promise<Reply>((resolve) => (this.waiting = resolve)));
    if (r.event !== event) throw new Error(`expected ${event}, got ${r.event}${r.message ? `: ${r.message}` : ''}`);
    return r.event === 'failed' ? r.message : r.value;
  }

  send(m: object): void {
    this.proc.send(m);
  }

  /** Sends a command and answers its result. */
  async ask(m: object): Promise<unknown> {
    this.send(m);
    return this.expect('done');
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise((r) => this.proc.once('exit', r));
    await this.ask({ cmd: 'close' });
    await exit;
  }

  async kill(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGKILL');
    await exit;
  }
}
