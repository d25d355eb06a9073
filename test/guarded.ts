/** Running the server or CLI under test/guard/noNetwork.cjs, and reading its record. */
import * as path from 'node:path';
import { ROOT } from './helpers.js';

export const GUARD = path.join(ROOT, 'test', 'guard', 'noNetwork.cjs');
export const GUARD_ARGS = ['--require', GUARD];

export interface GuardRecord {
  violations: string[];
  /** Bytes read per file path. */
  reads: Record<string, number>;
}

/** The guard's record from a process's stderr; throws when the guard did not run. */
export function guardRecord(stderr: string): GuardRecord {
  const line = stderr.split('\n').find((l) => l.startsWith('JFP_GUARD '));
  if (!line) throw new Error(`the guard did not report (stderr: ${stderr.slice(0, 500)})`);
  return JSON.parse(line.slice('JFP_GUARD '.length)) as GuardRecord;
}
