/** Counts as an operator reads them: "60,004" (fixed locale, so every browser shows the same). */
const FORMAT = new Intl.NumberFormat('en-US');

export function countText(n: number): string {
  return FORMAT.format(n);
}
