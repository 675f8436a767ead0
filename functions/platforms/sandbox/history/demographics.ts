import { sharesOf, type AudienceDemographics } from '../../../shared/analytics/account-metrics';
import type { PlannedAccount } from './accounts';
import { draws } from './random';

/** The audience's home country by the account's city; the rest spread over a few others. */
const COUNTRY: Record<string, string> = {
  paris: 'FR',
  newyork: 'US',
  london: 'GB',
  tokyo: 'JP',
  berlin: 'DE',
  sydney: 'AU',
  saopaulo: 'BR',
  chicago: 'US',
  madrid: 'ES',
  seoul: 'KR',
  toronto: 'CA',
  mumbai: 'IN',
  denver: 'US',
  dubai: 'AE',
  mexico: 'MX',
  oslo: 'NO',
  auckland: 'NZ',
  lagos: 'NG',
  singapore: 'SG',
  la: 'US',
};
const OTHER_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'IN', 'BR', 'ES', 'IT', 'NL'];
const CITY_NAME: Record<string, string> = {
  paris: 'Paris',
  newyork: 'New York',
  london: 'London',
  tokyo: 'Tokyo',
  berlin: 'Berlin',
  sydney: 'Sydney',
  saopaulo: 'São Paulo',
  chicago: 'Chicago',
  madrid: 'Madrid',
  seoul: 'Seoul',
  toronto: 'Toronto',
  mumbai: 'Mumbai',
  denver: 'Denver',
  dubai: 'Dubai',
  mexico: 'Mexico City',
  oslo: 'Oslo',
  auckland: 'Auckland',
  lagos: 'Lagos',
  singapore: 'Singapore',
  la: 'Los Angeles',
};
const AGES = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const AGE_SHAPE = [0.02, 0.18, 0.34, 0.24, 0.12, 0.07, 0.03];

/**
 * Who follows the account: age, gender, country and city as shares, drawn once per account
 * (its make-up) and drifting a little week to week. Locale and the LinkedIn dimensions are
 * missing, as the Sandbox profile says.
 */
export function audienceMakeUp(account: PlannedAccount, seed: string, week: number): AudienceDemographics {
  const stable = draws(seed, `audience:${account.handle}`);
  const drift = draws(seed, `audience:${account.handle}:${week}`);
  const wobble = (value: number) => value * Math.exp(0.05 * drift.normal());
  const skew = stable.normal() * 0.25;
  const age = Object.fromEntries(
    AGES.map((bucket, i) => [bucket, wobble(AGE_SHAPE[i]! * Math.exp(skew * (i - 3)))]),
  );
  const female = 0.35 + 0.3 * stable.uniform();
  const home = COUNTRY[account.city] ?? 'US';
  const country: Record<string, number> = { [home]: wobble(0.55 + 0.2 * stable.uniform()) };
  for (const other of OTHER_COUNTRIES)
    if (other !== home) country[other] = wobble(0.02 + 0.04 * stable.uniform());
  const city: Record<string, number> = {
    [CITY_NAME[account.city] ?? 'Elsewhere']: wobble(0.3 + 0.15 * stable.uniform()),
  };
  city.Elsewhere = wobble(0.55);
  return {
    age: sharesOf(age),
    gender: sharesOf({ female: wobble(female), male: wobble(0.97 - female), other: wobble(0.03) }),
    country: sharesOf(country),
    city: sharesOf(city),
  };
}
