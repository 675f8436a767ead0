import * as z from 'zod';

/**
 * The insights edge of every Meta network answers
 * `{"data":[{"name":"reach","period":"lifetime","values":[{"value":12}]}, ...]}`; Threads
 * may put the number in `total_value.value`, and some Facebook metrics are objects keyed by
 * type (reactions by type, clicks by type), which are summed.
 */
export const insightsResponse = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      values: z.array(z.object({ value: z.unknown() })).optional(),
      total_value: z.object({ value: z.unknown() }).optional(),
    }),
  ),
});

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value && typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>).filter(
      (part): part is number => typeof part === 'number' && Number.isFinite(part),
    );
    return parts.length ? parts.reduce((sum, part) => sum + part, 0) : undefined;
  }
  return undefined;
}

/** Metric name -> latest value; metrics Meta left out are absent, never 0. */
export function insightValues(body: z.infer<typeof insightsResponse>): Map<string, number> {
  const values = new Map<string, number>();
  for (const metric of body.data) {
    const value = numeric(metric.total_value?.value) ?? numeric(metric.values?.at(-1)?.value);
    if (value !== undefined) values.set(metric.name, value);
  }
  return values;
}
