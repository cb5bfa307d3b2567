import { z } from 'zod';

/**
 * Validation setup, once at start: messages in Swedish everywhere. In the browser Zod must not
 * compile parsers with `new Function` — the content security policy forbids eval, and even
 * Zod's probe for it is reported as a violation — so the web client runs it jitless.
 */
export function configureValidation(options: { jitless: boolean }) {
  z.config(z.locales.sv());
  z.config({ jitless: options.jitless });
}
