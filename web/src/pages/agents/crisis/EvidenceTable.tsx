import { percent, type CrisisEvidence } from './crisis-details';

/** A bar of `value` against `baseline`, both on the larger of the two. */
function Pair({ value, baseline }: { value: number; baseline: number }) {
  const top = Math.max(value, baseline, Number.EPSILON);
  return (
    <div aria-hidden="true" className="mt-1 space-y-0.5">
      <div className="h-1.5 rounded-full bg-rose-500" style={{ width: `${(value / top) * 100}%` }} />
      <div className="h-1.5 rounded-full bg-slate-300" style={{ width: `${(baseline / top) * 100}%` }} />
    </div>
  );
}

/** The deciding window against the baseline: volume and negative share, each with its usual. */
export function EvidenceTable({ evidence }: { evidence: CrisisEvidence }) {
  const rows = [
    {
      what: 'Mentions',
      now: String(evidence.mentions),
      usual: evidence.expected.toFixed(1),
      bar: <Pair value={evidence.mentions} baseline={evidence.expected} />,
    },
    {
      what: 'Negative share',
      now: percent(evidence.negativeShare),
      usual: percent(evidence.baselineNegativeShare),
      bar: <Pair value={evidence.negativeShare ?? 0} baseline={evidence.baselineNegativeShare} />,
    },
    { what: 'Negative mentions', now: String(evidence.negative), usual: '', bar: null },
  ];
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left text-xs text-slate-500">
        The last {evidence.windowHours} h against the usual (×{evidence.ratio.toFixed(1)} the expected volume)
      </caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Measure
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            Now
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Usual
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 text-slate-700">
        {rows.map((row) => (
          <tr key={row.what}>
            <th scope="row" className="py-1.5 pr-3 font-medium">
              {row.what}
              {row.bar}
            </th>
            <td className="py-1.5 pr-3 text-right tabular-nums">{row.now}</td>
            <td className="py-1.5 text-right tabular-nums">{row.usual}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
