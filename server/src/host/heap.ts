/**
 * How far V8 lets the language server's heap grow between full garbage collections. By
 * default V8 grows a busy heap up to four times what survived the last one: an editing session
 * of a 2 MB plan (about 120 MB that stays, and over 100 MB of short-lived objects per edit)
 * then peaks at 600-800 MB resident. Growing it by about a third of what survives keeps that
 * peak under 300 MB, at the cost of more frequent full collections (see docs/performance.md,
 * "Memory"). `JFP_HEAP_GROWING_PERCENT` overrides it (0: V8's own choice), to measure the trade.
 */
import * as v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = Number(process.env.JFP_HEAP_GROWING_PERCENT ?? 35);

/** Sets the heap's growth for this process; call it once, at start-up. */
export function limitHeapGrowth(): void {
  if (Number.isInteger(HEAP_GROWING_PERCENT) && HEAP_GROWING_PERCENT >= 0) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
