// A one-line text field. It keeps its own text, and every key updates it from the latest value (not the
// last render's), so fast typing or a paste is never lost. Pasted text arrives in one chunk, maybe with a
// trailing newline: the newline submits, the rest is typed. Validation is the caller's (with zod), so a
// bad value gets a clear message rather than being silently dropped here.
import { Box, Text } from "ink";
import { useEffect, useRef, useState } from "react";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";

interface Props {
  label: string;
  onSubmit: (value: string) => void;
  /** Told of every change, for a caller that shows or checks the text as it is typed. */
  onChange?: (value: string) => void;
  focus: boolean;
  initial?: string;
  /** Shown as dots. */
  mask?: boolean;
  maxLength?: number;
}

export function TextField({ label, onSubmit, onChange, focus, initial = "", mask = false, maxLength = 128 }: Props) {
  const { setTextEntry } = useUi();
  const [value, setValue] = useState(initial);
  const latest = useRef(initial);
  useEffect(() => {
    if (!focus) return;
    setTextEntry(true);
    return () => setTextEntry(false);
  }, [focus, setTextEntry]);

  const update = (next: string) => {
    latest.current = next.slice(0, maxLength);
    setValue(latest.current);
    onChange?.(latest.current);
  };

  useKeys(
    (input, key) => {
      if (key.return) return onSubmit(latest.current);
      if (key.backspace || key.delete) return update(latest.current.slice(0, -1));
      if (key.escape || key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
      const [typed, ...rest] = input.split(/\r\n|\r|\n/);
      if (typed) update(latest.current + typed);
      if (rest.length > 0) onSubmit(latest.current);
    },
    { isActive: focus },
  );

  return <FieldLine label={label} shown={mask ? "•".repeat(value.length) : value} focus={focus} />;
}

/** How a field looks: its label, its text, and a block cursor while it has the keyboard. */
export function FieldLine({ label, shown, focus }: { label: string; shown: string; focus: boolean }) {
  return (
    <Box>
      <Text bold={focus}>{label}: </Text>
      <Text color={focus ? "cyan" : undefined}>{shown}</Text>
      {focus && <Text inverse> </Text>}
    </Box>
  );
}
