// Text colour for any background a hall chooses: WCAG 2 contrast, black or white, whichever
// reads better. One of the two always reaches 4.58:1, above AA's 4.5:1 for normal text.

function channels(color: string): [number, number, number] | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const hex = short
    ? short
        .slice(1)
        .map((c) => c + c)
        .join('')
    : /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return null;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG 2 relative luminance; null for a colour that is not #rgb or #rrggbb. */
export function relativeLuminance(color: string): number | null {
  const rgb = channels(color);
  if (!rgb) return null;
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = rgb.map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a) ?? 0;
  const lb = relativeLuminance(b) ?? 0;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever contrasts more with the background. */
export function readableTextOn(background: string): '#000' | '#fff' {
  if (relativeLuminance(background) === null) return '#fff';
  return contrastRatio(background, '#000') >= contrastRatio(background, '#fff') ? '#000' : '#fff';
}
