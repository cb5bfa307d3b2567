// The PDF renderer, read back the way a person's tools read it: the text page by page, the
// document information and the fonts, with pdf.js (server/test/pdf-reader.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fontsOf, readPdf } from '../test/pdf-reader.ts';
import { EMPTY_SECTION_TEXT, renderPdf } from './pdf.ts';
import type { PdfDocument, PdfSection } from './pdf.ts';

/** The whole text with runs of whitespace as one space: compare words, not line breaks. */
const text = async (pdf: Buffer) => (await readPdf(pdf)).text;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

const FOOTER = 'Sekretess enligt 26 kap. 1 § OSL';

const swedish: PdfDocument = {
  title: 'Utredning enligt 11 kap. 1 § SoL',
  subtitle: 'Våld i nära relationer',
  meta: [
    { label: 'Ärende', value: 'VÄ-2026-0042' },
    { label: 'Person', value: 'Åsa Öberg' },
    { label: 'Handläggare', value: 'Björn Ängström' },
    { label: 'Datum', value: '2026-03-01' },
  ],
  sections: [
    {
      heading: 'SOCIAL SITUATION',
      level: 1,
      paragraphs: [
        {
          text: 'Åsa bor i en hyreslägenhet i Västerås med sina två barn. Hon berättar att hon är rädd för sin före detta make, som har hotat henne upprepade gånger under våren.',
          note: 'Källa: personen själv',
        },
        {
          text: 'Hon har kontakt med en kurator på vårdcentralen och äter på ett café nära skolan.',
        },
      ],
    },
    { heading: 'Boende', level: 2, paragraphs: [] },
    {
      heading: 'Ekonomi',
      level: 2,
      paragraphs: [
        { text: 'Försörjningsstöd beviljades i februari.', note: 'Källa: ekonomiskt bistånd' },
      ],
    },
  ],
  footer: FOOTER,
  info: {
    title: 'Utredning – Åsa Öberg',
    author: 'Björn Ängström',
    subject: 'Våld i nära relationer',
    creationDate: new Date('2026-03-01T10:00:00Z'),
  },
};

const filler = (n: number) =>
  `Stycke ${n}. ` +
  'Handläggaren har samtalat med den enskilde om händelserna, om barnens skola och om vad som behövs för att hon ska känna sig trygg i vardagen. '.repeat(
    1 + (n % 4),
  );

/** About 200 paragraphs in sections of one to four, with level 1 and 2 headings mixed in. */
function longDocument(): PdfDocument {
  const sections: PdfSection[] = [];
  let n = 0;
  for (let s = 1; n < 200; s++) {
    const count = 1 + ((s * 7) % 4);
    const paragraphs = Array.from({ length: count }, () => {
      n++;
      return n % 3 === 0
        ? { text: filler(n), note: `Källa: anteckning ${n}` }
        : { text: filler(n) };
    });
    sections.push({ heading: `Avsnitt ${s}`, level: s % 3 === 1 ? 1 : 2, paragraphs });
  }
  sections.push({
    heading: 'Avslutning',
    level: 1,
    paragraphs: [{ text: 'Sista stycket: utredningen är avslutad och överlämnad för beslut.' }],
  });
  return { ...swedish, sections };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('renderPdf', () => {
  it('renders a Swedish document whose every part can be extracted as text', async () => {
    const pdf = await renderPdf(swedish);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = flat(await text(pdf));
    for (const expected of [
      'Utredning enligt 11 kap. 1 § SoL',
      'Våld i nära relationer',
      'Ärende',
      'VÄ-2026-0042',
      'Åsa Öberg',
      'Handläggare',
      'Björn Ängström',
      '2026-03-01',
      'SOCIAL SITUATION',
      'Boende',
      'Ekonomi',
      flat(swedish.sections[0]?.paragraphs[0]?.text ?? '-'),
      'Källa: personen själv',
      'Hon har kontakt med en kurator på vårdcentralen och äter på ett café nära skolan.',
      'Försörjningsstöd beviljades i februari.',
      'Källa: ekonomiskt bistånd',
      FOOTER,
      'Sida 1 av 1',
    ]) {
      expect(extracted).toContain(expected);
    }
  });

  it('prints "Inget dokumenterat." under an empty section, and only there', async () => {
    const extracted = flat(await text(await renderPdf(swedish)));

    expect(extracted).toContain(`Boende ${EMPTY_SECTION_TEXT} Ekonomi`);
    expect(extracted.split(EMPTY_SECTION_TEXT)).toHaveLength(2);
    expect(EMPTY_SECTION_TEXT).toBe('Inget dokumenterat.');
  });

  it('keeps the content in reading order', async () => {
    const extracted = flat(await text(await renderPdf(swedish)));
    const order = [
      'Utredning enligt',
      'VÄ-2026-0042',
      'SOCIAL SITUATION',
      'Åsa bor i en hyreslägenhet',
      'Källa: personen själv',
      'Hon har kontakt',
      'Boende',
      'Ekonomi',
      'Försörjningsstöd',
      'Källa: ekonomiskt bistånd',
    ].map((s) => extracted.indexOf(s));

    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('is an A4 PDF carrying the document information, with the Roboto font embedded', async () => {
    const pdf = await renderPdf(swedish);
    const read = await readPdf(pdf);

    expect(read.info.Title).toBe('Utredning – Åsa Öberg');
    expect(read.info.Author).toBe('Björn Ängström');
    expect(read.info.Subject).toBe('Våld i nära relationer');
    expect(read.pages).toHaveLength(1);
    // A4 is 595.28 × 841.89 points.
    expect(read.pageSize.map(Math.round)).toEqual([595, 842]);
    expect(read.info.CreationDate).toBe('D:20260301100000Z');

    const fonts = fontsOf(pdf);
    expect(fonts.names.length).toBeGreaterThan(0);
    for (const name of fonts.names) expect(name).toMatch(/\+Roboto-/);
    expect(fonts.allEmbedded).toBe(true);
  });

  it('lays out a long document over many pages, with the footer and page number on each', async () => {
    const doc = longDocument();
    const read = await readPdf(await renderPdf(doc));
    const pages = read.pages.length;

    expect(pages).toBeGreaterThan(20);
    const extracted = read.text;
    expect(extracted).toContain('Stycke 200.');
    expect(extracted).toContain('Källa: anteckning 198');
    expect(extracted).toContain(
      'Sista stycket: utredningen är avslutad och överlämnad för beslut.',
    );
    for (let page = 1; page <= pages; page++) {
      const onPage = flat(read.pages[page - 1] ?? '');
      expect(onPage).toContain(FOOTER);
      expect(onPage).toContain(`Sida ${page} av ${pages}`);
    }
  });

  it('never leaves a heading as the last thing on a page', async () => {
    const doc = longDocument();
    const headings = new Set(doc.sections.map((s) => s.heading));
    const read = await readPdf(await renderPdf(doc));
    const pages = read.pages.length;

    for (let page = 1; page < pages; page++) {
      const lines = (read.pages[page - 1] ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith(FOOTER) && !line.startsWith('Sida '));
      expect(headings.has(lines.at(-1) ?? '')).toBe(false);
    }
  });

  it('gives the same bytes for the same document', async () => {
    const [a, b] = await Promise.all([renderPdf(swedish), renderPdf(swedish)]);

    expect(a.equals(b)).toBe(true);
    expect((await renderPdf({ ...swedish, title: 'Beslut' })).equals(a)).toBe(false);
  });

  it('logs nothing', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );

    await renderPdf(swedish);
    await renderPdf(longDocument());

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('renders a document with no subtitle, no meta rows and no sections', async () => {
    const pdf = await renderPdf({
      title: 'Beslut',
      meta: [],
      sections: [],
      footer: FOOTER,
      info: { title: 'Beslut', author: 'Björn Ängström', creationDate: new Date(0) },
    });

    const extracted = flat(await text(pdf));
    expect(extracted).toContain('Beslut');
    expect(extracted).toContain('Sida 1 av 1');
  });
});
