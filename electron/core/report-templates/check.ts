import type { MissingContent, ReportTemplateType } from '#shared/domain/report-templates';
import type { Language } from '#shared/i18n/languages';
import { missingContents } from './contents';
import { readTemplateParts } from './package';
import { PLACEHOLDERS, templateData, type PlaceholderDoc } from './placeholders';
import { compileTemplate } from './render';
import { sampleReportModel } from './sample-model';

/** A trial render of made-up data needs far less than a real report: loops nesting into thousands stop here. */
export const TRIAL_BUDGET = 200_000;

export interface TemplateCheck {
  sha256: string;
  /** Placeholders Fieldwork does not fill, as written ("findings › severity"). */
  unknownPlaceholders: string[];
  missingContents: MissingContent[];
}

/** docxtemplater's tag as our parser reads it: `{%photo}` is the photo placeholder. */
const nameOf = (tag: string) => tag.trim().replace(/^%/, '');

/**
 * Walks the template's tags as docxtemplater resolves them: a name inside a
 * loop is looked up in that loop's item first, then outwards; a section on a
 * value (`{#draft}…{/draft}`) keeps the same scopes. Unknown names are listed
 * with the loops they sit in.
 */
function unknownTags(
  tags: Record<string, unknown>,
  scopes: readonly Readonly<Record<string, PlaceholderDoc>>[],
  path: readonly string[],
  out: Set<string>,
  used: Set<string>,
): void {
  for (const [raw, inner] of Object.entries(tags)) {
    const name = nameOf(raw);
    if (name === '.') continue;
    const at = scopes.findLastIndex((s) => Object.prototype.hasOwnProperty.call(s, name));
    const found = at < 0 ? undefined : scopes[at]![name];
    // Contents count where the top level provides them, from any depth of loop.
    if (at === 0) used.add(name);
    const children = (inner ?? {}) as Record<string, unknown>;
    if (!found) {
      out.add([...path, name].join(' › '));
      continue;
    }
    if (Object.keys(children).length === 0) continue;
    unknownTags(children, found.items ? [...scopes, found.items] : scopes, [...path, name], out, used);
  }
}

/**
 * An import's checks, before anything is stored: a readable plain .docx
 * (package.ts), placeholders written correctly, a trial render of the sample
 * audit within the work budget, then which placeholders are unknown and which
 * required contents are missing. Throws DomainError for a file that cannot be
 * a template; returns the findings for one that can.
 */
export async function checkTemplate(
  bytes: Buffer,
  type: ReportTemplateType,
  language: Language,
  sha256: string,
): Promise<TemplateCheck> {
  const parts = await readTemplateParts(bytes);
  const compiled = compileTemplate(parts);
  compiled.render(templateData(sampleReportModel(), language, { name: 'Trial', sha256 }), TRIAL_BUDGET);
  const unknown = new Set<string>();
  const used = new Set<string>();
  unknownTags(compiled.tags, [PLACEHOLDERS], [], unknown, used);
  return { sha256, unknownPlaceholders: [...unknown].sort(), missingContents: missingContents(type, used) };
}
