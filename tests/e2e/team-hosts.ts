import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from '@playwright/test';
import { CLI, REPO_ROOT, startServe, stop, type Served } from '../helpers/serve';

/**
 * A team audit needs several laptops: each host is its own `fieldwork serve`
 * on its own data folder, driven in its own browser context (its own token,
 * storage and downloads), as a colleague's computer would be.
 */
export interface Host {
  name: string;
  dataDir: string;
  served: Served;
  context: BrowserContext;
  page: Page;
}

export async function openHost(browser: Browser, name: string): Promise<Host> {
  const dataDir = await mkdtemp(join(tmpdir(), `fieldwork-team-${name.toLowerCase()}-`));
  const served = await startServe(dataDir);
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Lisbon', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(served.url);
  return { name, dataDir, served, context, page };
}

export async function closeHost(host: Host): Promise<void> {
  await host.context.close().catch(() => undefined);
  await stop(host.served.proc);
  await rm(host.dataDir, { recursive: true, force: true });
}

/** The real CLI: `fieldwork ARGS`, its exit status and output. */
export function fieldwork(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `fieldwork call OP JSON --data-dir DIR`: the operation's value, or a thrown error with the envelope. */
export function call<T = unknown>(dataDir: string, op: string, input: unknown = {}): T {
  const r = fieldwork(['call', op, JSON.stringify(input), '--data-dir', dataDir]);
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  let envelope: { ok: boolean; value?: T; error?: unknown };
  try {
    envelope = JSON.parse(line) as typeof envelope;
  } catch {
    throw new Error(`fieldwork call ${op} printed no JSON (exit ${r.status}): ${r.stderr}`);
  }
  if (!envelope.ok) throw new Error(`fieldwork call ${op} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** Saves a download under `dir` by its suggested name, so it can be handed to another host. */
export async function keep(download: Promise<Download>, dir: string): Promise<string> {
  const d = await download;
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return path;
}
