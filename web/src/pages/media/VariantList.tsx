import { PlatformBadge } from '../../publishing/PlatformBadge';
import type { MediaItem } from '../../publishing/upload-media';
import { formatBytes, formatDimensions } from './format';
import { describeVariant, formatLabel, sortedVariants } from './variants';

/** The per-network renditions optimize made: what each is for, its size and format. */
export function VariantList({ variants }: { variants: MediaItem['variants'] }) {
  const rows = sortedVariants(variants);
  if (rows.length === 0) return null;
  return (
    <ul aria-label="Variants" className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
      {rows.map(([name, variant]) => {
        const described = describeVariant(name);
        return (
          <li key={name} className="flex items-start gap-3 px-3 py-2.5 text-sm" data-variant={name}>
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                <a href={variant.url} target="_blank" rel="noreferrer" className="hover:underline">
                  {described.label}
                </a>
              </p>
              <p className="text-xs text-slate-500">
                {[
                  formatLabel(variant.mimeType),
                  formatDimensions(variant.width, variant.height),
                  formatBytes(variant.sizeBytes),
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {described.purpose ? ` — ${described.purpose}` : ''}
              </p>
            </div>
            <div className="flex flex-wrap justify-end gap-1" aria-label={`${described.label} is for`}>
              {described.networks.map((platform) => (
                <PlatformBadge key={platform} platform={platform} />
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
