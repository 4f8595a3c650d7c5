/**
 * How the tests and benchmarks start Chromium here: Debian's package (browser downloads do
 * not work on these machines) with the flags that keep it off the closed network.
 * CHROMIUM_PATH overrides the location.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
