// The page of `npm run bench upload`, bundled for the browser by the bench (plain JS: the Node
// project type-checks tests/ without the DOM): the renderer's own upload (components/evidence/upload.ts,
// api/bytes.ts, the HTTP client) sends the files chosen in the page's file input, as the Evidence screens do.
/* global window, document */
import { uploadFiles } from '../../renderer/src/components/evidence/upload';

window.runUpload = async (auditId) => {
  const files = [...document.querySelector('input[type=file]').files];
  const t0 = performance.now();
  const batch = await uploadFiles(files, {
    auditId,
    links: [{ type: 'audit', id: auditId }],
    addedBy: 'Bench',
    signal: new AbortController().signal,
    // The screens re-render on progress; a bench without a screen counts the upload alone.
    onProgress: () => undefined,
  });
  const ms = performance.now() - t0;
  const added = batch.files.filter((f) => f.state === 'added').length;
  return { ms, added, failed: batch.files.filter((f) => f.state !== 'added').map((f) => f.message ?? f.state) };
};
