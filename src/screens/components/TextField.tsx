// A one-line text field. It keeps its own text, and every key updates it from the latest value (not the
// last render's), so fast typing is never lost. Keys arrive one at a time, bursts and pastes included (the
// keyboard splits them: keyboard.tsx), so Backspace held down deletes and an Enter in a paste submits.
// Validation is the caller's (with zod), so a bad value gets a clear message rather than being silently
// dropped here.
import { Box, Text } from "ink";
import { useRef, useState } from "react";
import { asTyped } from "../../lib/typed.js";
import { isTypedText, type KeyName, useKeys } from "../keys.js";

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
  /**
   * A code or a number: what an input method commits is read as the characters it stands for (NFKC), so
   * full-width digits "５３２８４３" are the digits 532843.
   */
  code?: boolean;
  /** The name Enter has in the footer: what submitting does ("Enter delete the key"), "Enter continue" by default. */
  submitKey?: Extract<KeyName, "continue" | "deleteTyped" | "useName">;
}

export function TextField({ label, onSubmit, onChange, focus, initial = "", mask = false, maxLength = 128, code = false, submitKey = "continue" }: Props) {
  const [value, setValue] = useState(initial);
  const latest = useRef(initial);

  const update = (next: string) => {
    latest.current = next.slice(0, maxLength);
    setValue(latest.current);
    onChange?.(latest.current);
  };

  useKeys(
    { [submitKey]: () => onSubmit(latest.current) },
    {
      isActive: focus,
      typing: (input, key) => {
        if (key.backspace || key.delete) return update(latest.current.slice(0, -1));
        if (isTypedText(input, key)) update(latest.current + (code ? asTyped(input) : input));
      },
    },
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
