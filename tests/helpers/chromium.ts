/**
 * Debian's Chromium, as every browser test and benchmark launches it. The
 * background-networking flags matter: this machine has no network, and
 * Chromium's own connections would otherwise be refused at every start.
 */
export const CHROMIUM_PATH = process.env.FIELDWORK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
