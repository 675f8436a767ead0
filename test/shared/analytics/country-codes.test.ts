import { describe, expect, it } from 'vitest';
import { countryCodeOfName } from '../../../functions/shared/analytics/country-codes';

describe('countryCodeOfName', () => {
  it('gives the ISO code of an English country name, whatever its case and spaces', () => {
    expect(countryCodeOfName('United States')).toBe('US');
    expect(countryCodeOfName('  germany ')).toBe('DE');
    expect(countryCodeOfName('Côte d’Ivoire')).toBe('CI');
  });

  it('gives current codes, never the aliases ICU also names (UK, FX, SU)', () => {
    expect(countryCodeOfName('United Kingdom')).toBe('GB');
    expect(countryCodeOfName('France')).toBe('FR');
    expect(countryCodeOfName('Russia')).toBe('RU');
  });

  it('knows short names and older official ones', () => {
    expect(countryCodeOfName('Hong Kong')).toBe('HK');
    expect(countryCodeOfName('Hong Kong SAR China')).toBe('HK');
    expect(countryCodeOfName('Czech Republic')).toBe('CZ');
    expect(countryCodeOfName('Turkey')).toBe('TR');
    expect(countryCodeOfName('Korea, Republic of')).toBe('KR');
  });

  it('gives nothing for a name that is no country', () => {
    expect(countryCodeOfName('Atlantis')).toBeUndefined();
    expect(countryCodeOfName('Greater London')).toBeUndefined();
    expect(countryCodeOfName('')).toBeUndefined();
  });
});
