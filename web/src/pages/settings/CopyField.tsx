import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';

/** A secret shown once: selectable text and a copy button that says when it worked. */
export function CopyField({
  value,
  label,
  className = '',
}: {
  value: string;
  label: string;
  className?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    if (copied !== 'yes') return;
    const timer = setTimeout(() => setCopied(null), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard permission (an insecure origin, a locked-down browser): select it instead.
      input.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
          className="block w-full min-w-0 rounded-lg border-0 bg-white px-3 py-2 font-mono text-[13px] text-slate-900 ring-1 ring-slate-300 ring-inset"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          <Icon name={copied === 'yes' ? 'check' : 'copy'} className="size-4" />
          Copy
        </Button>
      </div>
      <p role="status" className="mt-1.5 text-xs">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'Press Ctrl+C (⌘C) to copy the selected key.'
            : ''}
      </p>
    </div>
  );
}
