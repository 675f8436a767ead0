/** The `sentiment` package's English language module: AFINN-165 labels and its negation rule. */
declare module 'sentiment/languages/en/index.js' {
  const english: { labels: Record<string, number> };
  export default english;
}
