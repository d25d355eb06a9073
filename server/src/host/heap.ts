/**
 * How far V8 lets the language server's heap grow between full garbage collections. By
 * default V8 grows a busy heap up to four times what survived the last one: an editing session
 * of a 2 MB plan (about 120 MB that stays, and over 100 MB of short-lived objects per edit)
 * then peaks at 600-800 MB resident. Growing it by about a third of what survives keeps that
 * peak under 300 MB, at the cost of more frequent full collections (see docs/performance.md,
 * "Memory"). `JFP_HEAP_GROWING_PERCENT` overrides it (0: V8's own choice), to measure the trade.
 */
import * as v8 from 'node:v8';

/** The growth in percent: JFP_HEAP_GROWING_PERCENT when it is a whole number from 10 to 400, else 35. */
export function heapGrowingPercent(value = process.env.JFP_HEAP_GROWING_PERCENT): number {
  const n = Number(value);
  return value !== undefined && /^\d+$/.test(value.trim()) && n >= 10 && n <= 400 ? n : 35;
}

export const HEAP_GROWING_PERCENT = heapGrowingPercent();

/** Sets the heap's growth for this process; call it once, at start-up. */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
