/**
 * A terminal screen in memory for the tests: enough of a VT100/xterm to
 * play back what Ink and the field painter write (text, line feeds, cursor
 * moves absolute and relative, erases, cursor save and restore, colours),
 * keeping each cell's character and its style (foreground colour, bold,
 * dim). Modes (alternate screen, synchronized update, cursor visibility,
 * keyboard protocol) change nothing on it. Any other escape code throws, so
 * a test learns when the output uses something this does not know.
 */

/** One cell: its character and its style (`fg;bold;dim`, '' when plain). */
export interface VtCell {
  readonly char: string;
  readonly style: string;
}

const BLANK: VtCell = Object.freeze({ char: ' ', style: '' });

export class VtScreen {
  readonly cells: VtCell[][];
  private row = 0;
  private column = 0;
  private saved = { row: 0, column: 0, fg: '', bold: false, dim: false };
  private fg = '';
  private bold = false;
  private dim = false;

  constructor(
    public readonly width: number,
    public readonly height: number,
  ) {
    this.cells = Array.from({ length: height }, () => Array<VtCell>(width).fill(BLANK));
  }

  write(data: string): void {
    const pattern = /\u001B\[([?>=<]?)([\d;:]*)([A-Za-z])|\u001B([78])|\u001B\](?:[^\u0007\u001B]*)(?:\u0007|\u001B\\)|([\s\S])/gu;
    for (const match of data.matchAll(pattern)) {
      const [, prefix = '', params = '', command, saveRestore, char] = match;
      if (char !== undefined) this.put(char);
      else if (saveRestore === '7') this.saved = { row: this.row, column: this.column, fg: this.fg, bold: this.bold, dim: this.dim };
      else if (saveRestore === '8') ({ row: this.row, column: this.column, fg: this.fg, bold: this.bold, dim: this.dim } = this.saved);
      else if (command !== undefined) this.csi(prefix, params, command, match[0]);
    }
  }

  /** The terminal's new size: rows and columns kept from the top left, new ones blank. */
  resize(width: number, height: number): void {
    (this as { width: number }).width = width;
    (this as { height: number }).height = height;
    this.cells.length = Math.min(this.cells.length, height);
    for (const line of this.cells) {
      line.length = Math.min(line.length, width);
      while (line.length < width) line.push(BLANK);
    }
    while (this.cells.length < height) this.cells.push(Array<VtCell>(width).fill(BLANK));
    this.row = Math.min(this.row, height - 1);
    this.column = Math.min(this.column, width - 1);
  }

  /** Where the cursor is, 0-based: where the next character would go. */
  get cursor(): { readonly row: number; readonly column: number } {
    return { row: this.row, column: this.column };
  }

  /** The screen as text, lines trimmed at the end. */
  text(): string {
    return this.cells
      .map((r) =>
        r
          .map((c) => c.char)
          .join('')
          .trimEnd(),
      )
      .join('\n');
  }

  /** Every cell as `char` or `char{style}`, line by line, for comparing pictures with their colours. */
  picture(): string[] {
    return this.cells.map((r) => r.map((c) => (c.style && c.char !== ' ' ? `${c.char}{${c.style}}` : c.char)).join(''));
  }

  private put(char: string): void {
    if (char === '\n') {
      // A terminal's output translates a line feed to carriage return and line feed (ONLCR).
      this.row = Math.min(this.height - 1, this.row + 1);
      this.column = 0;
      return;
    }
    if (char === '\r') {
      this.column = 0;
      return;
    }
    if (char < ' ') throw new Error(`unexpected control character ${JSON.stringify(char)}`);
    if (this.column < this.width) {
      const style = [this.fg, this.bold ? 'bold' : '', this.dim ? 'dim' : ''].filter(Boolean).join(';');
      this.cells[this.row]![this.column] = { char, style };
    }
    this.column++;
  }

  private csi(prefix: string, params: string, command: string, raw: string): void {
    if (prefix !== '') {
      // Modes and the keyboard protocol: nothing on the screen changes.
      if ('hlu'.includes(command)) return;
      throw new Error(`unexpected escape code ${JSON.stringify(raw)}`);
    }
    const numbers = params === '' ? [] : params.split(';').map(Number);
    const n = numbers[0] || 1;
    switch (command) {
      case 'm':
        this.sgr(numbers.length === 0 ? [0] : numbers);
        return;
      case 'A':
        this.row = Math.max(0, this.row - n);
        return;
      case 'B':
        this.row = Math.min(this.height - 1, this.row + n);
        return;
      case 'C':
        this.column = Math.min(this.width - 1, this.column + n);
        return;
      case 'D':
        this.column = Math.max(0, this.column - n);
        return;
      case 'E':
        this.row = Math.min(this.height - 1, this.row + n);
        this.column = 0;
        return;
      case 'F':
        this.row = Math.max(0, this.row - n);
        this.column = 0;
        return;
      case 'G':
        this.column = Math.min(this.width - 1, n - 1);
        return;
      case 'H':
        this.row = Math.min(this.height - 1, (numbers[0] || 1) - 1);
        this.column = Math.min(this.width - 1, (numbers[1] || 1) - 1);
        return;
      case 'K': {
        const mode = numbers[0] ?? 0;
        const line = this.cells[this.row]!;
        const [from, to] = mode === 0 ? [this.column, this.width] : mode === 1 ? [0, this.column + 1] : [0, this.width];
        for (let c = from; c < to; c++) line[c] = BLANK;
        return;
      }
      case 'J': {
        const mode = numbers[0] ?? 0;
        if (mode === 2 || mode === 3) for (const line of this.cells) line.fill(BLANK);
        else if (mode === 0) {
          this.cells[this.row]!.fill(BLANK, this.column);
          for (let r = this.row + 1; r < this.height; r++) this.cells[r]!.fill(BLANK);
        } else throw new Error(`unexpected escape code ${JSON.stringify(raw)}`);
        return;
      }
      default:
        throw new Error(`unexpected escape code ${JSON.stringify(raw)}`);
    }
  }

  private sgr(codes: number[]): void {
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (code === 0) [this.fg, this.bold, this.dim] = ['', false, false];
      else if (code === 1) this.bold = true;
      else if (code === 2) this.dim = true;
      else if (code === 22) [this.bold, this.dim] = [false, false];
      else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) this.fg = String(code);
      else if (code === 38 && codes[i + 1] === 5) {
        this.fg = `38;5;${codes[i + 2]}`;
        i += 2;
      } else if (code === 39) this.fg = '';
      else throw new Error(`unexpected colour code ${code}`);
    }
  }
}
