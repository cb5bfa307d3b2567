import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Värn loads Aksel's styles per component, not all of them (issue 21): the login page's up front
 * (web/src/main.tsx), the rest with the first page behind the login (web/src/app/page-styles.css).
 * A component used without its styles would render unstyled, perhaps unreadable, so every
 * component imported from Aksel anywhere in the client must name its style file here, and that
 * file must be loaded.
 */
const styleOf: Record<string, string> = {
  Provider: 'theme',
  Alert: 'alert',
  BodyLong: 'typography',
  BodyShort: 'typography',
  Detail: 'typography',
  ErrorMessage: 'typography',
  Heading: 'typography',
  Label: 'typography',
  Box: 'primitives',
  HGrid: 'primitives',
  HStack: 'primitives',
  Spacer: 'primitives',
  VStack: 'primitives',
  Button: 'button',
  Checkbox: 'form',
  CheckboxGroup: 'form',
  ErrorSummary: 'form',
  Fieldset: 'form',
  FileUpload: 'form',
  Radio: 'form',
  RadioGroup: 'form',
  Select: 'form',
  Textarea: 'form',
  TextField: 'form',
  CopyButton: 'copybutton',
  ExpansionCard: 'expansioncard',
  InternalHeader: 'internalheader',
  Link: 'link',
  LinkCard: 'linkcard',
  Loader: 'loader',
  Modal: 'modal',
  ReadMore: 'readmore',
  Table: 'table',
  Tabs: 'tabs',
  Tag: 'tag',
  ToggleGroup: 'togglegroup',
};

const src = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

function akselComponentsUsed(): Set<string> {
  const used = new Set<string>();
  // A type-only import (`import type { … }`) carries no styles.
  const importPattern = /import\s+\{([^}]*)\}\s*from\s*'@navikt\/ds-react'/g;
  for (const file of sourceFiles(src)) {
    for (const [, names] of fs.readFileSync(file, 'utf8').matchAll(importPattern)) {
      for (const name of (names ?? '').split(',')) {
        const imported = name
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        // Types (…Props) carry no styles.
        if (imported && !imported.endsWith('Props')) used.add(imported);
      }
    }
  }
  return used;
}

function loadedStyleFiles(): Set<string> {
  const texts = [
    fs.readFileSync(path.join(src, 'main.tsx'), 'utf8'),
    fs.readFileSync(path.join(src, 'app', 'page-styles.css'), 'utf8'),
  ];
  const loaded = new Set<string>();
  for (const text of texts) {
    for (const [, file] of text.matchAll(/@navikt\/ds-css\/dist\/component\/([a-z]+)\.css/g)) {
      if (file) loaded.add(file);
    }
  }
  return loaded;
}

describe("Aksel's styles per component", () => {
  it('finds the components the client uses', () => {
    // The scan must see the client's imports, or the check below proves nothing.
    expect([...akselComponentsUsed()]).toEqual(
      expect.arrayContaining(['Button', 'TextField', 'Table', 'InternalHeader']),
    );
  });

  it('loads the style file of every Aksel component the client uses', () => {
    const loaded = loadedStyleFiles();
    const missing = [...akselComponentsUsed()].flatMap((name) => {
      const file = styleOf[name];
      if (!file) return [`${name}: name its style file in styleOf`];
      return loaded.has(file) ? [] : [`${name}: load ${file}.css`];
    });
    expect(missing).toEqual([]);
  });

  it('loads only style files that exist in the installed Aksel', () => {
    const dir = path.resolve(
      import.meta.dirname,
      '..',
      '..',
      'node_modules/@navikt/ds-css/dist/component',
    );
    for (const file of loadedStyleFiles()) {
      expect(fs.existsSync(path.join(dir, `${file}.css`)), file).toBe(true);
    }
  });
});
