import { EventEmitter } from "node:events";
import { Box, Text, render } from "ink";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { VirtualTerminal } from "../helpers/vt.js";

const ESC = "\x1b";
const vt = (cols = 20, rows = 6) => new VirtualTerminal(cols, rows);

describe("VirtualTerminal: text and control characters", () => {
  it("prints, returns and feeds lines", () => {
    const t = vt();
    t.write("hello\r\nworld");
    expect(t.screen()).toBe("hello\nworld");
    expect(t.cursor()).toMatchObject({ row: 1, col: 5 });
  });

  it("treats LF as a pure line feed and CR as a pure return", () => {
    const t = vt();
    t.write("ab\ncd\rX");
    expect(t.lines().slice(0, 2)).toEqual(["ab", "X cd"]);
  });

  it("wraps at the right margin only when the next character arrives (pending wrap)", () => {
    const t = vt(5, 3);
    t.write("abcde");
    expect(t.cursor()).toMatchObject({ row: 0, col: 4 });
    t.write("f");
    expect(t.screen()).toBe("abcde\nf");
    const u = vt(5, 3);
    u.write("abcde\r\nx"); // CR after a full line must not leave an empty row
    expect(u.screen()).toBe("abcde\nx");
  });

  it("scrolls up when feeding past the bottom row", () => {
    const t = vt(10, 3);
    t.write("1\r\n2\r\n3\r\n4");
    expect(t.screen()).toBe("2\n3\n4");
  });

  it("handles backspace and tab", () => {
    const t = vt();
    t.write("abc\bX\tY");
    expect(t.screen()).toBe("abX     Y");
  });
});

describe("VirtualTerminal: cursor movement and erasing", () => {
  it("moves with CSI A/B/C/D and CSI n G (1-based), clamped to the screen", () => {
    const t = vt(10, 4);
    t.write("0123456789\r\nabc");
    t.write(`${ESC}[1A${ESC}[2DX`); // up one, left two: (0,1)
    t.write(`${ESC}[BY`); // down one (default 1): (1,2)
    t.write(`${ESC}[3CZ`); // forward three: (1,6)
    t.write(`${ESC}[1GW`);
    t.write(`${ESC}[99A${ESC}[99D!`);
    expect(t.lines().slice(0, 2)).toEqual(["!X23456789", "WbY   Z"]);
  });

  it("positions with CSI H and saves/restores with ESC 7/8 and CSI s/u", () => {
    const t = vt(10, 4);
    t.write(`${ESC}[3;4Hx${ESC}7${ESC}[Hy${ESC}8z${ESC}[s${ESC}[1;1H${ESC}[uw`);
    expect(t.lines().slice(0, 3)).toEqual(["y", "", "   xzw"]);
  });

  it("erases lines: CSI K / 0K to the end, 1K to the start (inclusive), 2K the whole line", () => {
    const t = vt(10, 4);
    t.write("abcdefghij\r\nabcdefghij\r\nabcdefghij\r\nabcdefghij");
    t.write(`${ESC}[1;4H${ESC}[K`);
    t.write(`${ESC}[2;4H${ESC}[0K`);
    t.write(`${ESC}[3;4H${ESC}[1K`);
    t.write(`${ESC}[4;4H${ESC}[2K`);
    expect(t.lines()).toEqual(["abc", "abc", "    efghij", ""]);
  });

  it("erases the display: CSI J below, 1J above, 2J and 3J everything (cursor stays)", () => {
    const fill = () => {
      const t = vt(4, 3);
      t.write("aaaa\r\nbbbb\r\ncccc");
      t.write(`${ESC}[2;3H`);
      return t;
    };
    const below = fill();
    below.write(`${ESC}[J`);
    expect(below.lines()).toEqual(["aaaa", "bb", ""]);
    const above = fill();
    above.write(`${ESC}[1J`);
    expect(above.lines()).toEqual(["", "   b", "cccc"]);
    for (const mode of ["2", "3"]) {
      const all = fill();
      all.write(`${ESC}[${mode}J`);
      expect(all.screen()).toBe("");
      expect(all.cursor()).toMatchObject({ row: 1, col: 2 });
    }
  });

  it("tracks cursor visibility (?25l / ?25h)", () => {
    const t = vt();
    t.write(`${ESC}[?25l`);
    expect(t.cursor().visible).toBe(false);
    t.write(`${ESC}[?25h`);
    expect(t.cursor().visible).toBe(true);
  });
});

describe("VirtualTerminal: escape sequences that draw nothing", () => {
  it("keeps SGR out of the text but records colours per cell", () => {
    const t = vt();
    t.write(`${ESC}[1;31mred${ESC}[0m ${ESC}[38;2;1;2;3;48;5;16mx${ESC}[39;49m${ESC}[7my`);
    expect(t.screen()).toBe("red xy");
    expect(t.cell(0, 0).fg).toBe(1);
    expect(t.cell(0, 3).fg).toBeUndefined();
    expect(t.cell(0, 4)).toMatchObject({ fg: "#010203", bg: 16 });
    expect(t.cell(0, 5)).toMatchObject({ fg: undefined, bg: undefined, inverse: true });
  });

  it("ignores OSC, private modes (synchronized output, kitty keyboard) and charset selection", () => {
    const t = vt();
    t.write(`${ESC}]0;title${ESC}\\a${ESC}]8;;http://x\x07b${ESC}[?2026h${ESC}[>1u${ESC}[<u${ESC}(Bc${ESC}[?2026l`);
    expect(t.screen()).toBe("abc");
  });

  it("accepts sequences split across writes", () => {
    const t = vt();
    for (const piece of ["ab", ESC, "[", "1", "D", "X", `${ESC}[3`, "8;5;1", "mY"]) t.write(piece);
    expect(t.screen()).toBe("aXY");
    expect(t.cell(0, 2).fg).toBe(1);
  });
});

describe("VirtualTerminal: wide characters", () => {
  it("gives Korean syllables two cells each", () => {
    const t = vt();
    t.write("루트 잠금|");
    expect(t.screen()).toBe("루트 잠금|");
    expect(t.cursor().col).toBe(10); // 4 syllables x 2 + 1 space + "|"
    expect(t.cell(0, 0)).toMatchObject({ ch: "루", width: 2 });
    expect(t.cell(0, 1)).toMatchObject({ ch: "", width: 0 });
    expect(t.cell(0, 9).ch).toBe("|");
  });

  it("lines up text after Korean exactly where Ink would put it", () => {
    const t = vt();
    t.write("확인x\r\n");
    t.write(`${ESC}[5Gy`); // column 5 (1-based) is the first cell after the two syllables
    expect(t.lines().slice(0, 2)).toEqual(["확인x", "    y"]);
    expect(t.cell(0, 2)).toMatchObject({ ch: "인", width: 2 });
    expect(t.cell(0, 4).ch).toBe("x");
  });

  it("blanks the other half when half of a wide character is overwritten", () => {
    const t = vt();
    t.write(`한국${ESC}[2Gx`); // right half of 한
    expect(t.screen()).toBe(" x국");
    t.write(`${ESC}[3Gy`); // left half of 국
    expect(t.screen()).toBe(" xy");
  });

  it("moves a wide character that would straddle the right margin to the next line", () => {
    const t = vt(5, 3);
    t.write("abcd한");
    expect(t.lines().slice(0, 2)).toEqual(["abcd", "한"]);
  });

  it("keeps combining marks with their base character", () => {
    const t = vt();
    t.write("e\u0301x");
    t.write("한");
    t.write("\u0301"); // arrives alone, after a wide character
    expect(t.screen()).toBe("e\u0301x한\u0301");
    expect(t.cursor().col).toBe(4);
  });
});

describe("VirtualTerminal: Ink-style repaints", () => {
  it("shows only the latest frame after Ink's erase-lines repaint", () => {
    const t = vt(30, 8);
    t.write("$ rootlock\r\n");
    t.write(`${ESC}[?25l상태: 확인 중\r\nline two\r\nline three\r\n`);
    // ansi-escapes eraseLines(4): erase, up, erase, up, erase, up, erase, then column 1
    const erase4 = `${ESC}[2K${ESC}[1A`.repeat(3) + `${ESC}[2K${ESC}[G`;
    t.write(`${erase4}상태: 완료\r\n`);
    expect(t.screen()).toBe("$ rootlock\n상태: 완료");
  });

  it("replays a real Ink app's output (rerender to a shorter frame, then unmount)", async () => {
    const t = vt(40, 10);
    const stdout = Object.assign(new EventEmitter(), {
      isTTY: true,
      columns: 40,
      rows: 10,
      // a tty's output processing turns \n into \r\n
      write: (s: string) => (t.write(s.replace(/\n/g, "\r\n")), true),
    });
    const stdin = Object.assign(new EventEmitter(), {
      isTTY: false,
      setEncoding() {},
      setRawMode() {},
      resume() {},
      pause() {},
      ref() {},
      unref() {},
      read: () => null,
    });
    const frame = (lines: string[]) => h(Box, { flexDirection: "column" }, ...lines.map((l) => h(Text, { key: l }, l)));
    const app = render(frame(["루트 사용자 잠금", "step 1 of 3", "step 2 of 3"]), {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    await new Promise((r) => setTimeout(r, 50));
    // Drawing before exit also proves test/setup.ts removed CI before Ink was imported: in CI mode Ink
    // writes nothing until unmount.
    expect(t.screen()).toBe("루트 사용자 잠금\nstep 1 of 3\nstep 2 of 3");
    app.rerender(frame(["done ✓"]));
    await new Promise((r) => setTimeout(r, 100));
    expect(t.screen()).toBe("done ✓");
    app.unmount();
    expect(t.screen()).toBe("done ✓");
    expect(t.cursor().visible).toBe(true);
  });
});
