/** The imports feature's public module: what other features may use. Everything else is private. */
export { openCsv } from './csv-source.ts';
