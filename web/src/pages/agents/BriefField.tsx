import { useId } from 'react';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';

/** The content creator's brief: what the drafts are to be about (agents page and composer). */
export function BriefField({
  value,
  onChange,
  rows,
  placeholder,
}: {
  value: string;
  onChange: (brief: string) => void;
  rows: number;
  placeholder: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={`${id}-brief`} className="block text-sm font-medium text-slate-800">
        Brief
      </label>
      <textarea
        id={`${id}-brief`}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} resize-y`}
      />
    </div>
  );
}
