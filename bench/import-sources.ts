import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnv } from './http-target.ts';
import { type BenchScale, type Engine } from './measure.ts';
import { projectRoot } from '../src/kernel/project-root.ts';

/** The real sources the import bench reads, its options, and slices of their files for a quick run. */

const root = projectRoot;
export const NYC_FILES = [
  'active_officers.csv',
  'inactive_officers.csv',
  'active_complaints.csv',
  'inactive_complaints.csv',
] as const;
export const defaultNycDir = process.env['PROBITY_NYC_DIR'] ?? '/work/shared/data/nyc-ccrb';
export const defaultPpdDir = process.env['PROBITY_PPD_DIR'] ?? '/work/shared/data/philadelphia-ppd';

/** A real source the bench imports: its files (lookups are never sliced in a quick run), mapping and force. */
export type ImportSource = {
  label: string;
  dirSetting: string;
  files: readonly string[];
  lookupFiles: readonly string[];
  mapping: string;
  force: string;
  forceName: string;
};

export const IMPORT_SOURCES = {
  nyc: {
    label: 'NYC CCRB import',
    dirSetting: 'PROBITY_NYC_DIR',
    files: NYC_FILES,
    lookupFiles: [],
    mapping: 'mappings/nyc-ccrb.yaml',
    force: 'nyc',
    forceName: 'New York City Police Department',
  },
  ppd: {
    label: 'Philadelphia PPD import',
    dirSetting: 'PROBITY_PPD_DIR',
    files: ['ppd_complaint_disciplines.csv', 'ppd_complainant_demographics.csv'],
    // Also imported as the file of complaints (the mapping's second entry), whole in a quick run.
    lookupFiles: ['ppd_complaints.csv'],
    mapping: 'mappings/philadelphia-ppd.yaml',
    force: 'ppd',
    forceName: 'Philadelphia Police Department',
  },
} as const satisfies Record<string, ImportSource>;

export type ImportOptions = {
  engine: Engine;
  scale: BenchScale;
  nycDir: string;
  ppdDir?: string;
  quickRows: number | null;
  copyRuns: number;
  log: (line: string) => void;
};

/** Whether `probity import` exists yet (it is being built alongside the benchmark). */
export function importCommandAvailable(): { ok: boolean; why: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/probity.js'), 'import', '--help'], {
    cwd: root,
    encoding: 'utf8',
    env: childEnv({ DATABASE_URL: '', PROBITY_DATA_DIR: 'memory://' }),
  });
  if (r.status === 0 && r.stdout.includes('--mapping')) return { ok: true, why: '' };
  return {
    ok: false,
    why: `probity import is not available yet (\`probity import --help\` ${r.status === 0 ? 'shows no --mapping option' : `exits ${r.status}: ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}`})`,
  };
}

export function sliceFiles(dir: string, source: ImportSource, rows: number): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-import-src-'));
  for (const f of source.lookupFiles) fs.copyFileSync(path.join(dir, f), path.join(out, f));
  for (const f of source.files)
    fs.writeFileSync(
      path.join(out, f),
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .slice(0, rows + 1)
        .join('\n') + '\n',
    );
  return out;
}

export const dataRows = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l, i) => i > 0 && l.trim() !== '').length;
