export type ReportFormat = 'pdf' | 'csv';
const FORMATS: ReadonlyArray<[ReportFormat, string]> = [
  ['pdf', 'PDF (KPIs, charts, top posts)'],
  ['csv', 'CSV (the same figures)'],
];

/** Which files a report renders; at least one stays chosen. */
export function FormatChoice({
  value,
  onChange,
}: {
  value: readonly ReportFormat[];
  onChange: (next: ReportFormat[]) => void;
}) {
  return (
    <fieldset className="text-sm">
      <legend className="mb-1 text-slate-700">Files</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {FORMATS.map(([format, label]) => (
          <label key={format} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={value.includes(format)}
              disabled={value.length === 1 && value.includes(format)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? FORMATS.map(([f]) => f).filter((f) => f === format || value.includes(f))
                    : value.filter((f) => f !== format),
                )
              }
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const INPUT =
  'block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-brand-500 focus:outline-none';
