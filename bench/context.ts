import type { Browser } from 'playwright-core';

export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** The dataset size or workload the figure was measured at. */
  datasetSize: string;
  goal?: string;
  pass?: boolean;
  /** What the figure is attributed to, what it was before, the load average: printed under the table. */
  note?: string;
}

/** What every benchmark suite gets: a browser, the served web app, and where to put figures. */
export interface BenchContext {
  browser: Browser;
  url: string;
  runs: number;
  record: (metric: Metric) => void;
}
