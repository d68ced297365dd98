import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChecklistTemplate } from '#shared/domain/template';
import { STAGE1_TEMPLATE_ID, STAGE2_TEMPLATE_ID } from '#shared/rules/checklist';
import { describeTemplateIssues } from './issues';

/** A built-in template that cannot be loaded: a packaging or editing mistake, so the backend refuses to start. */
export class TemplateLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateLoadError';
  }
}

/**
 * resources/templates, found by walking up from this module to the folder that
 * holds package.json and resources/templates. That works from the sources
 * (electron/core/templates), from the bundle (out/main/chunks) and inside the
 * packaged app.asar alike.
 */
export function defaultTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'templates');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new TemplateLoadError('The built-in checklist templates (resources/templates) are missing.');
    dir = up;
  }
}

/** Reads and validates every *.json in the folder, in file-name order. */
export function loadBuiltinTemplates(dir: string): ChecklistTemplate[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    throw new TemplateLoadError(`The built-in checklist templates folder ${dir} cannot be read.`);
  }
  const seen = new Set<string>();
  const templates = files.map((file) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new TemplateLoadError(
        `Built-in checklist template ${file} is not valid JSON: ${e instanceof Error ? e.message : 'unreadable'}`,
      );
    }
    const parsed = ChecklistTemplate.safeParse(raw);
    if (!parsed.success) {
      throw new TemplateLoadError(
        `Built-in checklist template ${file} is invalid — ${describeTemplateIssues(parsed.error).message}`,
      );
    }
    const key = `${parsed.data.id}@${parsed.data.version}`;
    if (seen.has(key)) {
      throw new TemplateLoadError(
        `Built-in checklist template ${file} repeats ${parsed.data.id} ${parsed.data.version}.`,
      );
    }
    seen.add(key);
    return parsed.data;
  });
  for (const id of [STAGE1_TEMPLATE_ID, STAGE2_TEMPLATE_ID]) {
    if (!templates.some((t) => t.id === id)) {
      throw new TemplateLoadError(`The built-in checklist template ${id} is missing from ${dir}.`);
    }
  }
  return templates;
}
