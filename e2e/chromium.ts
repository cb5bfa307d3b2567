/**
 * Debian's Chromium, as the browser suite and the Lighthouse run start it: test tools may not
 * download browsers here, and this machine's closed network refuses Chromium's own background
 * connections, so those are turned off.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
