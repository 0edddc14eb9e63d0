/** Text safe inside SVG (XML) content and attributes. */
export function xml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

/** A number with at most one decimal, fixed so that the same run always writes the same bytes. */
export function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** Colours that keep their contrast on white and tell apart in greyscale (dark, mid, light). */
export const PALETTE = [
  '#1b6e3a',
  '#8a8f98',
  '#0b57d0',
  '#b3261e',
  '#c77c00',
  '#6a1b9a',
  '#00838f',
];

/** The opening of a chart: size, accessible title, white background, system font. */
export function svgOpen(width: number, height: number, title: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t">`,
    `<title id="t">${xml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<style>text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:12px;fill:#1d1d1f}.h{font-size:14px;font-weight:600}.m{fill:#555}</style>`,
    `<text class="h" x="16" y="22">${xml(title)}</text>`,
  ].join('\n');
}

/** Legend swatches under the title: in one row, or one per line for long names (`vertical`). */
export function legend(
  names: readonly string[],
  y: number,
  { vertical = false }: { vertical?: boolean } = {},
): string {
  if (vertical) {
    return names
      .map(
        (name, i) =>
          `<rect x="16" y="${y + i * 16 - 9}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="30" y="${y + i * 16}">${xml(name)}</text>`,
      )
      .join('\n');
  }
  let x = 16;
  return names
    .map((name, i) => {
      const item = `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${x + 14}" y="${y}">${xml(name)}</text>`;
      x += 24 + name.length * 7;
      return item;
    })
    .join('\n');
}
