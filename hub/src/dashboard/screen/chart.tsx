/**
 * A grouped bar chart (issued and served per row) drawn as inline SVG by Preact: two series and a few dozen
 * bars need no chart library (Chart.js would add ~58 KB gzip), and SVG passes the CSP with no inline script.
 */
import type { ReportRow } from './types.js';

const W = 960;
const H = 260;
const PAD = { left: 48, right: 8, top: 12, bottom: 56 };

export function BarChart(props: {
  rows: readonly ReportRow[];
  title: string;
  issuedLabel: string;
  servedLabel: string;
}) {
  const rows = props.rows.slice(0, 40);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.issued, r.served)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = rows.length === 0 ? plotW : plotW / rows.length;
  const bar = Math.max(2, Math.min(28, slot / 2 - 4));
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <figure class="db-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title} data-testid="report-chart">
        <title>{props.title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="db-chart__grid" />
            <text x={PAD.left - 6} y={y(v) + 5} text-anchor="end" class="db-chart__axis">
              {v}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = PAD.left + i * slot + slot / 2;
          return (
            <g key={r.key}>
              <rect
                x={x - bar - 1}
                y={y(r.issued)}
                width={bar}
                height={y(0) - y(r.issued)}
                class="db-chart__issued"
              >
                <title>{`${r.label}: ${props.issuedLabel} ${r.issued}`}</title>
              </rect>
              <rect
                x={x + 1}
                y={y(r.served)}
                width={bar}
                height={y(0) - y(r.served)}
                class="db-chart__served"
              >
                <title>{`${r.label}: ${props.servedLabel} ${r.served}`}</title>
              </rect>
              <text x={x} y={H - PAD.bottom + 18} text-anchor="middle" class="db-chart__axis">
                {r.label.length > 14 ? `${r.label.slice(0, 13)}…` : r.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="db-legend">
        <span class="db-legend__issued" aria-hidden="true" /> {props.issuedLabel}
        <span class="db-legend__served" aria-hidden="true" /> {props.servedLabel}
      </figcaption>
    </figure>
  );
}
