import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

export const SAMPLE_TEMPLATE = 'resources/report-templates/sample-report.docx';

export const sampleTemplate = (): Buffer => readFileSync(SAMPLE_TEMPLATE);

/** The template with its document.xml changed as Word would save an edit (the rest of the package as it was). */
export async function editDocument(template: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', edit(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A paragraph of the certification body's own, added before the body's section properties. */
export const withParagraph = (template: Buffer, text: string): Promise<Buffer> =>
  editDocument(template, (xml) => {
    const at = xml.lastIndexOf('<w:sectPr');
    return `${xml.slice(0, at)}<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>${xml.slice(at)}`;
  });
