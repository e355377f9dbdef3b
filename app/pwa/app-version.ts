/** Replaced at build time by vite.config.ts's `define` (package.json's version). */
declare const __APP_VERSION__: string;

/** "dev" where nothing defines it (unit tests run the source without vite's define). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
