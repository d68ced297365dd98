import sharp from 'sharp';

/**
 * Stand-in site photographs for the demo: simple drawn scenes (no text, so no
 * fonts are needed), saved as JPEG with the EXIF capture time a camera would
 * write. Deterministic, so the demo is the same on every run.
 */
export interface DemoPhoto {
  name: string;
  description: string;
  svg: string;
}

const W = 960;
const H = 720;
const frame = (body: string, sky: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
  `<rect width="${W}" height="${H}" fill="${sky}"/>${body}</svg>`;

export const DEMO_PHOTOS: readonly DemoPhoto[] = [
  {
    name: 'IMG_2041.jpg',
    description: 'Server room door in Bremen with badge reader; door was closed and locked during the walk-through.',
    svg: frame(
      '<rect x="330" y="120" width="300" height="560" fill="#8a8f98"/><rect x="350" y="140" width="260" height="520" fill="#5b616b"/>' +
        '<rect x="650" y="360" width="40" height="70" rx="6" fill="#222"/><circle cx="670" cy="385" r="8" fill="#2ecc71"/>' +
        '<rect x="560" y="400" width="30" height="8" fill="#ddd"/>',
      '#d9d4c7',
    ),
  },
  {
    name: 'IMG_2044.jpg',
    description: 'Network rack in the Bremen server room: cabling labelled, rack locked.',
    svg: frame(
      '<rect x="300" y="80" width="360" height="600" fill="#1f2329"/>' +
        Array.from(
          { length: 10 },
          (_, i) =>
            `<rect x="320" y="${100 + i * 56}" width="320" height="44" fill="#2d333b"/>` +
            `<circle cx="${350 + (i % 4) * 20}" cy="${122 + i * 56}" r="5" fill="#3fb950"/>`,
        ).join(''),
      '#c9ccd1',
    ),
  },
  {
    name: 'IMG_2050.jpg',
    description: 'Open-plan office in Hamburg after hours: desks clear, screens locked.',
    svg: frame(
      Array.from(
        { length: 3 },
        (_, i) =>
          `<rect x="${80 + i * 290}" y="420" width="240" height="20" fill="#a0744b"/>` +
          `<rect x="${150 + i * 290}" y="300" width="100" height="80" fill="#111"/><rect x="${190 + i * 290}" y="380" width="20" height="40" fill="#333"/>`,
      ).join(''),
      '#eef1f4',
    ),
  },
  {
    name: 'IMG_2057.jpg',
    description: 'Visitor reception in Bremen: sign-in terminal and visitor badges kept behind the desk.',
    svg: frame(
      '<rect x="120" y="420" width="720" height="200" fill="#6d4c41"/><rect x="420" y="330" width="120" height="90" fill="#263238"/>' +
        '<rect x="200" y="360" width="60" height="40" fill="#1565c0"/><rect x="270" y="360" width="60" height="40" fill="#1565c0"/>',
      '#f3efe6',
    ),
  },
];

/** The photo as JPEG bytes, stamped as taken at `takenAt` (local wall-clock, "2026-03-14T10:05:00"). */
export async function renderPhoto(photo: DemoPhoto, takenAt: string): Promise<Buffer> {
  const exifTime = takenAt.replace('T', ' ').replaceAll('-', ':');
  return sharp(Buffer.from(photo.svg))
    .jpeg({ quality: 82 })
    .withExif({ IFD0: { Make: 'Fieldwork demo', Model: 'Drawn photo' }, IFD2: { DateTimeOriginal: exifTime } })
    .toBuffer();
}

/** A small, valid one-page PDF (hand-written cross-reference table). */
export function demoPdf(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 12 Tf 56 ${760 - i * 18} Td (${escape(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
