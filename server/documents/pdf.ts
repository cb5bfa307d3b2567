// Server-side PDF rendering for Värn's documents (utredning, beslut, intyg, säkerhetsplan).
//
// A document is plain data (title, meta rows, sections of paragraphs, a footer) and comes out as
// an A4 PDF in a Buffer. The font is Roboto as shipped inside the pdfmake package, embedded
// (subset) in every PDF, so å ä ö render and extract the same on any machine without system fonts.
//
// Every string from the caller is placed as text only: nothing in a document can name an image,
// a URL or a local file, and pdfmake is told to refuse both URLs and any local file but the fonts.
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';

export interface PdfParagraph {
  text: string;
  /** small grey line under the text, e.g. the source of a statement: "Källa: personen själv" */
  note?: string;
}

export interface PdfSection {
  heading: string;
  /** 1 = main heading (e.g. SOCIAL SITUATION), 2 = sub heading */
  level: 1 | 2;
  paragraphs: PdfParagraph[];
  /** A heading that only groups the headings after it: never marked "Inget dokumenterat.". */
  groupOnly?: boolean;
}

export interface PdfDocument {
  /** e.g. "Utredning enligt 11 kap. 1 § SoL" */
  title: string;
  subtitle?: string;
  /** label/value rows in a small table under the title: Ärende, Person, Handläggare, Datum … */
  meta: { label: string; value: string }[];
  sections: PdfSection[];
  /** printed at the foot of every page next to "Sida N av M", e.g. "Sekretess enligt 26 kap. 1 § OSL" */
  footer: string;
  /** document metadata (Info dictionary) */
  info: { title: string; author: string; subject?: string; creationDate: Date };
}

/** The footer of every document with personal data from a file. */
export const SECRECY_FOOTER = 'Innehåller uppgifter som omfattas av sekretess inom socialtjänsten.';

/** Printed under a heading that has nothing documented, so an empty section is visibly empty. */
export const EMPTY_SECTION_TEXT = 'Inget dokumenterat.';

type DocDefinition = Parameters<typeof pdfmake.createPdf>[0];

const FONT = 'VarnRoboto';
// 2 cm sides and top; the bottom leaves room for the footer line.
const MARGIN = 57;
const MARGIN_BOTTOM = 70;
const GREY = '#555555';
const FOOTER_STYLE = 'footer';

let configured = false;

/**
 * pdfmake is a process-wide singleton: fonts and access policies are set on it once, on first use.
 * Setting both policies also keeps pdfmake from warning on the console at every render.
 */
function printer(): typeof pdfmake {
  if (!configured) {
    const require = createRequire(import.meta.url);
    const font = (file: string) => require.resolve(`pdfmake/fonts/Roboto/${file}`);
    const files = {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    };
    const allowed = new Set(Object.values(files));
    pdfmake.addFonts({ [FONT]: files });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
    configured = true;
  }
  return pdfmake;
}

function metaTable(meta: PdfDocument['meta']): Content[] {
  if (meta.length === 0) return [];
  return [
    {
      table: {
        widths: ['auto', '*'],
        body: meta.map((row) => [
          { text: row.label, bold: true, fontSize: 10 },
          { text: row.value, fontSize: 10 },
        ]),
      },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.75 : 0.25),
        vLineWidth: () => 0,
        hLineColor: () => '#999999',
        paddingLeft: (i) => (i === 0 ? 0 : 12),
        paddingRight: () => 0,
        paddingTop: () => 3,
        paddingBottom: () => 3,
      },
      margin: [0, 4, 0, 10],
    },
  ];
}

function section(s: PdfSection): Content[] {
  const heading: Content = {
    text: s.heading,
    style: s.level === 1 ? 'heading1' : 'heading2',
    headlineLevel: s.level,
  };
  if (s.paragraphs.length === 0 && s.groupOnly) return [heading];
  if (s.paragraphs.length === 0) {
    return [heading, { text: EMPTY_SECTION_TEXT, italics: true, color: GREY, style: 'paragraph' }];
  }
  return [
    heading,
    ...s.paragraphs.flatMap((p): Content[] =>
      p.note === undefined || p.note === ''
        ? [{ text: p.text, style: 'paragraph' }]
        : [
            { text: p.text, margin: [0, 0, 0, 1] },
            { text: p.note, style: 'note' },
          ],
    ),
  ];
}

function definition(doc: PdfDocument): DocDefinition {
  const content: Content[] = [
    { text: doc.title, style: 'title' },
    ...(doc.subtitle ? [{ text: doc.subtitle, style: 'subtitle' }] : []),
    ...metaTable(doc.meta),
    ...doc.sections.flatMap(section),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN_BOTTOM],
    language: 'sv-SE',
    displayTitle: true,
    info: {
      title: doc.info.title,
      author: doc.info.author,
      ...(doc.info.subject === undefined ? {} : { subject: doc.info.subject }),
      creator: 'Värn',
      producer: 'Värn',
      creationDate: doc.info.creationDate,
      modDate: doc.info.creationDate,
    },
    defaultStyle: { font: FONT, fontSize: 11, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, color: GREY, margin: [0, 0, 0, 6] },
      heading1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      heading2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      paragraph: { margin: [0, 0, 0, 7] },
      note: { fontSize: 9, color: GREY, margin: [0, 0, 0, 7] },
      [FOOTER_STYLE]: { fontSize: 9, color: GREY },
    },
    content,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: doc.footer, width: '*', style: FOOTER_STYLE },
        {
          text: `Sida ${currentPage} av ${pageCount}`,
          width: 'auto',
          alignment: 'right',
          style: FOOTER_STYLE,
        },
      ],
      columnGap: 12,
      style: FOOTER_STYLE,
      margin: [MARGIN, 30, MARGIN, 0],
    }),
    // A heading never ends a page: when nothing but headings follows it on its page (the footer is
    // laid out as nodes too, so it is left out), it moves to the next page with its text.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined &&
      nodes
        .getFollowingNodesOnPage()
        .every((next) => next.style === FOOTER_STYLE || next.headlineLevel !== undefined),
  };
}

function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', reject);
  });
}

/** Renders the document as an A4 PDF. Nothing is logged and nothing is written to disk. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const pdf = await printer().createPdf(definition(doc)).getStream();
  const buffer = collect(pdf);
  pdf.end();
  return buffer;
}

/**
 * Documents as PDF: the utredning and the beslut. They print what the case holds about the matter
 * and the person's name and identity number — never a protected-identity field (contact channels,
 * whereabouts, school, real identity), which are not even loaded here. Each export is audited.
 */

export interface RenderedDocument {
  /** Carries no personal data: it ends up in download folders and browser history. */
  filename: string;
  pdf: Buffer;
}
