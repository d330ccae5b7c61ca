// The terminal's size now, followed live: Ink lays a frame out again on 'resize' but does not render the
// components again, so a component that chooses what to draw by the size (the QR code) listens itself.
import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface TerminalSize {
  cols: number;
  rows: number;
}

/** 80x24 when the output is not a terminal (or does not say). */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () =>
      setSize((was) => {
        const now = read();
        return now.cols === was.cols && now.rows === was.rows ? was : now;
      });
    onResize(); // a resize between the first render and this effect
    stdout.on("resize", onResize);
    return () => void stdout.off("resize", onResize);
    // read() reads only stdout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
