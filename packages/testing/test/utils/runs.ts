/**
 * The runs of a costly property: `count` by default, more when `FC_NUM_RUNS` asks for more.
 */
export const runs = (count: number): number => Math.max(count, Number(process.env.FC_NUM_RUNS) || 0)
