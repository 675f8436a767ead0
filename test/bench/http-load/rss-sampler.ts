/** Samples this process's resident set size until stopped; answers the first and the highest (bytes). */
export function rssSampler(intervalMs = 20) {
  let timer: NodeJS.Timeout | undefined;
  let first = 0;
  let peak = 0;
  return {
    async start(): Promise<void> {
      first = process.memoryUsage.rss();
      peak = first;
      clearInterval(timer);
      timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, intervalMs);
    },
    async stop(): Promise<{ startBytes: number; peakBytes: number }> {
      clearInterval(timer);
      timer = undefined;
      peak = Math.max(peak, process.memoryUsage.rss());
      return { startBytes: first, peakBytes: peak };
    },
  };
}
