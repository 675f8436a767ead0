/**
 * Countries in audience readings are ISO 3166-1 alpha-2 codes (`US`, `FR`): Instagram and
 * Facebook give codes, so a network that gives names (LinkedIn's Geo API, in English) is
 * brought to codes here, and the dashboard names them in the viewer's language.
 */
let byEnglishName: Map<string, string> | undefined;

/** Older or official names ICU does not give but lists of countries still use. */
const OTHER_NAMES: Record<string, string> = {
  'czech republic': 'CZ',
  turkey: 'TR',
  'korea, republic of': 'KR',
  'republic of korea': 'KR',
  'ivory coast': 'CI',
  'viet nam': 'VN',
  'russian federation': 'RU',
  'iran, islamic republic of': 'IR',
  'taiwan, province of china': 'TW',
  macau: 'MO',
  swaziland: 'SZ',
  'cape verde': 'CV',
  burma: 'MM',
};

/**
 * Every current country code ICU names in English, by each of its names (long: "Hong Kong SAR
 * China", short: "Hong Kong"), lower case. Built once, on first use. Codes that are aliases of
 * others (`UK` for `GB`, `SU`, `FX`) are left out: their canonical form differs.
 */
function englishNames(): Map<string, string> {
  if (byEnglishName) return byEnglishName;
  const styles = (['long', 'short'] as const).map(
    (style) => new Intl.DisplayNames(['en'], { type: 'region', style, fallback: 'none' }),
  );
  byEnglishName = new Map(Object.entries(OTHER_NAMES));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters)
    for (const second of letters) {
      const code = `${first}${second}`;
      if (new Intl.Locale('und', { region: code }).region !== code) continue;
      for (const names of styles) {
        const name = names.of(code)?.toLowerCase();
        if (name && !byEnglishName.has(name)) byEnglishName.set(name, code);
      }
    }
  return byEnglishName;
}

/** `United States` -> `US`; undefined for a name ICU does not know in English. */
export function countryCodeOfName(name: string): string | undefined {
  return englishNames().get(name.trim().toLowerCase());
}
