import { describe, expect, it } from 'vitest';
import { openPolicy } from '#shared/rules/open-policy';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EXE = 'application/x-msdownload';

describe('which attachments are opened with another app', () => {
  it.each<[string, string, string, string?]>([
    // name, sniffed type, expected action, copy name when opened
    ['report.pdf', PDF, 'open', 'report.pdf'],
    ['Scan.PDF', PDF, 'open', 'Scan.pdf'],
    ['photo.jpeg', 'image/jpeg', 'open', 'photo.jpg'],
    ['photo.jpg', 'image/png', 'open', 'photo.png'], // wrong extension: the copy follows the content
    ['IMG_0042.HEIC', 'image/heic', 'open', 'IMG_0042.heic'],
    ['Minutes 2026.docx', DOCX, 'open', 'Minutes 2026.docx'],
    ['interview.m4a', 'audio/x-m4a', 'open', 'interview.m4a'],
    ['notes.txt', 'text/plain', 'open', 'notes.txt'],
    ['invoice.exe.pdf', PDF, 'open', 'invoice.exe.pdf'],
    ['doc.pdf.', PDF, 'open', 'doc.pdf'],
    ['doc.pdf  ', PDF, 'open', 'doc.pdf'],
    ['con.pdf', PDF, 'open', '_con.pdf'],
    ['a:b.pdf', PDF, 'open', 'a_b.pdf'],
    ['.pdf', PDF, 'open', 'attachment.pdf'],
    // never opened
    ['report.pdf.exe', PDF, 'show_in_folder'],
    ['report.pdf.exe', EXE, 'show_in_folder'],
    ['report.pdf', EXE, 'show_in_folder'],
    ['report.pdf', 'application/octet-stream', 'show_in_folder'],
    ['invite.HTA', 'text/plain', 'show_in_folder'],
    ['run.js', 'text/plain', 'show_in_folder'],
    ['setup.msi', 'application/x-msi', 'show_in_folder'],
    ['budget.docm', 'application/vnd.ms-word.document.macroenabled.12', 'show_in_folder'],
    ['budget.docx', 'application/vnd.ms-word.document.macroenabled.12', 'show_in_folder'],
    ['budget.docm', DOCX, 'show_in_folder'],
    ['legacy.doc', 'application/x-cfb', 'show_in_folder'],
    ['evil.exe.', PDF, 'show_in_folder'],
    ['evil.exe ', PDF, 'show_in_folder'],
    ['evil.exe . .', PDF, 'show_in_folder'],
    ['evil.txt:evil.exe', 'text/plain', 'show_in_folder'],
    ['page.html', 'text/html', 'show_in_folder'],
    ['logo.svg', 'image/svg+xml', 'show_in_folder'],
    ['mail.eml', 'message/rfc822', 'show_in_folder'],
    ['shortcut.lnk', 'application/x-ms-shortcut', 'show_in_folder'],
    ['app.desktop', 'text/plain', 'show_in_folder'],
    ['script.sh', 'text/plain', 'show_in_folder'],
    ['pdf', PDF, 'show_in_folder'],
  ])('%s sniffed as %s: %s', (name, type, action, copyName) => {
    const decision = openPolicy(name, type);
    expect(decision.action).toBe(action);
    if (copyName) expect(decision.copyName).toBe(copyName);
  });

  it('names a shown file safely but keeps what it is', () => {
    expect(openPolicy('evil.exe. ', EXE)).toMatchObject({ copyName: 'evil.exe' });
    expect(openPolicy('a<b>|c?.bat', 'text/plain')).toMatchObject({ copyName: 'a_b__c_.bat' });
    expect(openPolicy('...', '')).toMatchObject({ copyName: 'attachment' });
  });

  it('explains a refusal in words', () => {
    const byName = openPolicy('report.pdf.exe', PDF);
    expect(byName.action === 'show_in_folder' && byName.reason).toContain('.exe');
    const byContent = openPolicy('report.pdf', EXE);
    expect(byContent.action === 'show_in_folder' && byContent.reason).toContain(EXE);
  });
});
