/**
 * Line and bar charts drawn as pdfkit vectors at the cursor: a y axis with "nice" ticks and
 * gridlines, category labels along x (thinned to fit), bars grouped per category or lines with
 * point markers (a plan dashed, an actual solid), and a legend under the plot. Text uses the
 * document's own faces (THEME styles), so Cyrillic prints like the rest of the page. Pure and
 * deterministic: the same spec draws the same operators.
 */
import type { DocumentWriter } from './create-document';
import { COLORS } from './theme';

export interface ChartSeries {
  label: string;
  /** one value per category; null leaves a gap (a line breaks, no bar) */
  values: (number | null)[];
  /** a plan: drawn dashed (lines) or hatched-light (bars) */
  plan?: boolean;
}

export interface ChartSpec {
  type: 'line' | 'bar';
  title?: string;
  /** x labels, one per category */
  categories: string[];
  series: ChartSeries[];
  /** how a y tick is written (the document's number format) */
  formatY: (value: number) => string;
  /** total height in points including title and legend (default 190) */
  height?: number;
}

/** Series colours in order; a plan takes the colour of the series it plans. */
export const CHART_PALETTE = ['#1f3a5f', '#c0612b', '#3f7f4f', '#7a4f9a', '#a33a3a', '#4f8fa8'];

/** Ticks from a "nice" step (1, 2, 2.5, 5 × 10ⁿ) covering [min, max], always including 0. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / (count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** Draws the chart at the cursor (a new page first when it does not fit) and moves the cursor below it. */
export function drawChart(w: DocumentWriter, spec: ChartSpec): void {
  const height = spec.height ?? 190;
  w.ensureSpace(height);
  const doc = w.doc;
  const top = w.y;
  let y = top;
  if (spec.title) {
    w.textAt('heading', spec.title, w.left, y, w.width);
    y += w.heightOf('heading', spec.title, w.width) + 4;
  }
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1);
  const yMin = ticks[0];
  const yMax = ticks[ticks.length - 1];

  const legendHeight = 14;
  const xLabelHeight = 12;
  const tickLabels = ticks.map(spec.formatY);
  const axisWidth = Math.max(...tickLabels.map((t) => w.widthOf('small', t))) + 6;
  const plot = { left: w.left + axisWidth, right: w.right - 4, top: y + 4, bottom: top + height - legendHeight - xLabelHeight - 4 };
  const plotHeight = plot.bottom - plot.top;
  const yOf = (v: number) => plot.bottom - ((v - yMin) / (yMax - yMin)) * plotHeight;

  // gridlines and y labels
  doc.save().lineWidth(0.4).strokeColor('#d4d4d4');
  for (const t of ticks) doc.moveTo(plot.left, yOf(t)).lineTo(plot.right, yOf(t)).stroke();
  doc.restore();
  ticks.forEach((t, i) => w.textAt('small', tickLabels[i], w.left, yOf(t) - 4, axisWidth - 4, 'right'));
  // axes
  doc.save().lineWidth(0.7).strokeColor(COLORS.muted);
  doc.moveTo(plot.left, plot.top).lineTo(plot.left, plot.bottom).stroke();
  doc.moveTo(plot.left, yOf(0)).lineTo(plot.right, yOf(0)).stroke();
  doc.restore();

  // x labels, thinned so that they do not overlap
  const n = spec.categories.length;
  const slot = n ? (plot.right - plot.left) / n : 0;
  const widest = Math.max(1, ...spec.categories.map((c) => w.widthOf('small', c)));
  const every = Math.max(1, Math.ceil((widest + 4) / Math.max(slot, 1)));
  spec.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const cx = plot.left + slot * (i + 0.5);
    w.textAt('small', c, cx - slot * every / 2, plot.bottom + 3, slot * every, 'center');
  });

  const colourOf = (i: number) => CHART_PALETTE[i % CHART_PALETTE.length];
  if (spec.type === 'bar') {
    // a lone series keeps its bars slim rather than filling the slot
    const groupWidth = Math.min(slot * 0.72, 36 * Math.max(1, spec.series.length));
    const barWidth = spec.series.length ? groupWidth / spec.series.length : 0;
    spec.series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) return;
        const x = plot.left + slot * i + (slot - groupWidth) / 2 + barWidth * si;
        const y0 = yOf(0);
        const y1 = yOf(v);
        doc.save().fillColor(colourOf(si)).fillOpacity(s.plan ? 0.35 : 1).rect(x, Math.min(y0, y1), Math.max(barWidth - 1, 0.5), Math.abs(y1 - y0)).fill().restore();
      });
    });
  } else {
    spec.series.forEach((s, si) => {
      doc.save().lineWidth(s.plan ? 1 : 1.6).strokeColor(colourOf(si));
      if (s.plan) doc.dash(4, { space: 3 });
      let drawing = false;
      s.values.forEach((v, i) => {
        const x = plot.left + slot * (i + 0.5);
        if (v === null || !Number.isFinite(v)) {
          if (drawing) doc.stroke();
          drawing = false;
          return;
        }
        if (drawing) doc.lineTo(x, yOf(v));
        else doc.moveTo(x, yOf(v));
        drawing = true;
      });
      if (drawing) doc.stroke();
      doc.undash().restore();
      if (!s.plan && n <= 40) {
        doc.save().fillColor(colourOf(si));
        s.values.forEach((v, i) => {
          if (v !== null && Number.isFinite(v)) doc.circle(plot.left + slot * (i + 0.5), yOf(v), 1.6).fill();
        });
        doc.restore();
      }
    });
  }

  // legend
  let lx = plot.left;
  const ly = top + height - legendHeight + 3;
  spec.series.forEach((s, si) => {
    doc.save().strokeColor(colourOf(si)).fillColor(colourOf(si));
    if (spec.type === 'bar') doc.fillOpacity(s.plan ? 0.35 : 1).rect(lx, ly + 1, 10, 6).fill();
    else {
      doc.lineWidth(s.plan ? 1 : 1.6);
      if (s.plan) doc.dash(3, { space: 2 });
      doc.moveTo(lx, ly + 4).lineTo(lx + 14, ly + 4).stroke().undash();
    }
    doc.restore();
    const tw = w.widthOf('small', s.label);
    w.textAt('small', s.label, lx + 18, ly, tw + 2);
    lx += 18 + tw + 14;
  });
  doc.y = top + height;
  doc.x = w.left;
}
