import './app/configure-validation.ts';
// Aksel's styles without its font file, which points at a third-party CDN: the font is served
// by Värn itself (fontsource) so the content security policy can stay 'self' only.
import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import '@fontsource/source-sans-3/700.css';
import '@navikt/ds-css/dist/global/reset.css';
import '@navikt/ds-css/dist/global/tokens.css';
import '@navikt/ds-css/dist/global/baseline.css';
import '@navikt/ds-css/dist/global/print.css';
// Only the components Värn uses, and up front only those of the login page, the start page and
// the shell; the rest come with the first page that needs them (app/page-styles.css, issue 21).
import '@navikt/ds-css/dist/component/theme.css';
import '@navikt/ds-css/dist/component/typography.css';
import '@navikt/ds-css/dist/component/primitives.css';
import '@navikt/ds-css/dist/component/button.css';
import '@navikt/ds-css/dist/component/loader.css';
import '@navikt/ds-css/dist/component/alert.css';
import '@navikt/ds-css/dist/component/internalheader.css';
import '@navikt/ds-css/dist/component/link.css';
import '@navikt/ds-css/dist/component/linkcard.css';
import '@navikt/ds-css/dist/component/form.css';
import '@navikt/ds-css/dist/component/modal.css';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
