/**
 * Named text styles: a document says `w.text('body', …)`, never a font size. One place to change
 * how every document looks.
 */
import type { FontFace } from './fonts';

export interface TextStyle {
  face: FontFace;
  size: number;
  color: string;
  /** extra space between lines, in points */
  lineGap: number;
}

const INK = '#111111';
const MUTED = '#555555';

export const THEME = {
  title: { face: 'bold', size: 14, color: INK, lineGap: 1 },
  subtitle: { face: 'regular', size: 10, color: INK, lineGap: 1 },
  heading: { face: 'bold', size: 10.5, color: INK, lineGap: 1 },
  body: { face: 'regular', size: 9.5, color: INK, lineGap: 1.5 },
  bodyBold: { face: 'bold', size: 9.5, color: INK, lineGap: 1.5 },
  emphasis: { face: 'italic', size: 9.5, color: INK, lineGap: 1.5 },
  label: { face: 'regular', size: 8.5, color: MUTED, lineGap: 1 },
  small: { face: 'regular', size: 7.5, color: MUTED, lineGap: 1 },
  tableHeader: { face: 'bold', size: 8, color: INK, lineGap: 0.5 },
  tableCell: { face: 'regular', size: 8.5, color: INK, lineGap: 0.5 },
  tableCellBold: { face: 'bold', size: 8.5, color: INK, lineGap: 0.5 },
  chrome: { face: 'regular', size: 7, color: MUTED, lineGap: 0 },
  // statutory forms with many narrow columns (the счёт-фактура's 19 on a landscape page)
  formHeader: { face: 'regular', size: 5.5, color: INK, lineGap: 0.2 },
  formCell: { face: 'regular', size: 7, color: INK, lineGap: 0.3 },
  formCellBold: { face: 'bold', size: 7, color: INK, lineGap: 0.3 },
} satisfies Record<string, TextStyle>;

export type StyleName = keyof typeof THEME;

export const COLORS = {
  ink: INK,
  muted: MUTED,
  rule: '#9a9a9a',
  headerFill: '#eeeeee',
  accent: '#1f3a5f',
  draftMark: '#b03a2e',
};
