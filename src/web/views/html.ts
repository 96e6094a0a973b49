/** Markup that is already safe to emit. Only `html` and `trustedHtml` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Safe in element text and in double- or single-quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * Template tag: every interpolated value is escaped unless it is `SafeHtml`; arrays are joined;
 * `undefined`, `null` and `false` render as nothing. Values go in text or in quoted attributes,
 * never in unquoted attributes, tag names, `<style>` or `<script>`.
 */
export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => { out += render(value) + (strings[i + 1] ?? ''); });
  return new SafeHtml(out);
}

/** For constants written in this codebase only (the page's own stylesheet). */
export const trustedHtml = (constant: string): SafeHtml => new SafeHtml(constant);

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}
