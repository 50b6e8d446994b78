/** Figures as the dashboard shows them. */
import type { Lang } from '@motcua/shared/ui/i18n';

export function minutes(n: number | null, unit: (n: string) => string): string {
  return n === null ? '—' : unit(n.toLocaleString('vi-VN', { maximumFractionDigits: 1 }));
}

export function clockTime(ms: number | null, lang: Lang): string {
  if (ms === null) return '—';
  return new Date(ms).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export function dateTime(ms: number, lang: Lang): string {
  return new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
}

export function percent(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)} %`;
}
