/**
 * Checks a drawn QR code against an independent encoder (`qrcode`, used only by tests). A phone
 * reads a code by its dark and light modules; if the drawn modules equal a reference encoding of
 * the text, any scanner reads back that text. The error-correction level and mask pattern are the
 * encoder's free choice, so every one is tried.
 */
import QRCode from 'qrcode';

export type Matrix = boolean[][];

const LEVELS: QRCode.QRCodeErrorCorrectionLevel[] = ['L', 'M', 'Q', 'H'];
const MASKS: QRCode.QRCodeMaskPattern[] = [0, 1, 2, 3, 4, 5, 6, 7];

/** The reference encodings of `text` in byte mode, one per error-correction level and mask. */
function references(text: string): Matrix[] {
  return LEVELS.flatMap((errorCorrectionLevel) =>
    MASKS.map((maskPattern) => {
      const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
        errorCorrectionLevel,
        maskPattern,
      });
      return Array.from({ length: modules.size }, (_, y) =>
        Array.from({ length: modules.size }, (_, x) => Boolean(modules.get(y, x))),
      );
    }),
  );
}

/**
 * Cuts a code out of its light quiet zone (and anything past it). The top row of a code runs from
 * the top-left finder pattern to the top-right one, so it gives the code's position and size.
 */
export function trimBorder(matrix: Matrix): Matrix {
  const top = matrix.findIndex((row) => row.some(Boolean));
  const row = matrix[top] ?? [];
  const left = row.indexOf(true);
  const size = row.lastIndexOf(true) - left + 1;
  return matrix.slice(top, top + size).map((line) => line.slice(left, left + size));
}

/** True when `drawn` (dark modules true, no border) is a correct QR code of `text`. */
export function encodes(drawn: Matrix, text: string): boolean {
  const flat = JSON.stringify(drawn);
  return references(text).some((matrix) => JSON.stringify(matrix) === flat);
}

/** Reads the modules of an SVG path drawn as `M{x},{y}h{s}v{s}h-{s}z` squares of side `cell`. */
export function matrixFromSvgPath(d: string, cell: number, size: number): Matrix {
  const matrix: Matrix = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y] of d.matchAll(/M(\d+),(\d+)/g)) {
    const row = matrix[Number(y) / cell];
    if (row) row[Number(x) / cell] = true;
  }
  return matrix;
}

/**
 * Reads a code printed to a terminal with half blocks, where a lit half (▀ ▄ █) is a light module
 * and a blank is dark, two module rows per line.
 */
export function matrixFromHalfBlocks(lines: string[]): Matrix {
  const top: Record<string, boolean> = { '█': true, '▀': true, '▄': false, ' ': false };
  const bottom: Record<string, boolean> = { '█': true, '▀': false, '▄': true, ' ': false };
  const matrix: Matrix = [];
  for (const line of lines) {
    const chars = [...line];
    matrix.push(chars.map((c) => !top[c]));
    matrix.push(chars.map((c) => !bottom[c]));
  }
  return matrix;
}
