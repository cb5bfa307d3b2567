/**
 * Reads a PDF back the way a person's tools do — its text page by page, its document information
 * and its fonts — with Mozilla's pdf.js (as bundled by unpdf, which needs no native packages), so
 * the tests need nothing beyond npm packages.
 */
import { getDocumentProxy } from 'unpdf';

export interface ReadPdf {
  /** Each page's text, one line per line of the page. */
  pages: string[];
  /** All pages' text with runs of whitespace as one space: compare words, not line breaks. */
  text: string;
  info: Record<string, unknown>;
  /** Width × height of the first page in points. */
  pageSize: [number, number];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocumentProxy(new Uint8Array(bytes), {
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line.trim());
          line = '';
        } else if (item.str !== '') {
          line += ' ';
        }
      }
      if (line.trim() !== '') lines.push(line.trim());
      pages.push(lines.filter((l) => l !== '').join('\n'));
    }
    const first = await doc.getPage(1);
    const [, , width, height] = first.view as [number, number, number, number];
    const meta = await doc.getMetadata();
    return {
      pages,
      text: pages.join(' ').replace(/\s+/g, ' ').trim(),
      info: meta.info as Record<string, unknown>,
      pageSize: [width, height],
    };
  } finally {
    await doc.loadingTask.destroy();
  }
}

/** The fonts the PDF names, and whether each font descriptor carries its embedded font file. */
export function fontsOf(bytes: Uint8Array): { names: string[]; allEmbedded: boolean } {
  const raw = Buffer.from(bytes).toString('latin1');
  const names = [...raw.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1] ?? '');
  const descriptors = raw.split('/Type /FontDescriptor').slice(1);
  return {
    names,
    allEmbedded:
      descriptors.length > 0 &&
      descriptors.every((d) => /\/FontFile[23]?\s/.test(d.slice(0, d.indexOf('>>')))),
  };
}
