/** Small numeric helpers of Plan B's topic model: sparse cosine, percentiles, a fixed-seed sequence. */

/** A sparse vector: term ids ascending and their weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

/** Dot product of two sparse vectors (their cosine when both are unit length). */
export function cosine(ta: Int32Array, wa: Float32Array, tb: Int32Array, wb: Float32Array): number {
  let s = 0;
  for (let i = 0, j = 0; i < ta.length && j < tb.length; ) {
    const x = ta[i]!;
    const y = tb[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      s += wa[i]! * wb[j]!;
      i++;
      j++;
    }
  }
  return s;
}

/** A deterministic pseudo-random sequence: the same schedule always gets the same model. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** The value at share `p` (0…1) of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
