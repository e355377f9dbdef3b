/**
 * A switchable network for a convergence-test device (one per worker thread): while it is off,
 * every fetch fails the way a browser's does with no connection.
 */
let up = true;
const realFetch = globalThis.fetch;

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => (up ? realFetch(input, init) : Promise.reject(new TypeError('fetch failed: the device is offline')));

export function setNetwork(online: boolean): void {
  up = online;
}
