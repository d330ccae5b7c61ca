// A one-line text field. Pasted text arrives in one chunk, maybe with a trailing newline: the newline
// submits, the rest is typed. Validation is the caller's (with zod), so a bad value gets a clear message.
import { Box, Text, useInput } from "ink";
import { useEffect } from "react";
import { useUi } from "../ui-context.js";

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  focus: boolean;
  /** Shown instead of the value, e.g. for a code once it is no longer needed on screen. */
  mask?: boolean;
  maxLength?: number;
}

export function TextField({ label, value, onChange, onSubmit, focus, mask = false, maxLength = 128 }: Props) {
  const { setTextEntry } = useUi();
  useEffect(() => {
    if (!focus) return;
    setTextEntry(true);
    return () => setTextEntry(false);
  }, [focus, setTextEntry]);

  useInput(
    (input, key) => {
      if (key.return) return onSubmit(value);
      if (key.backspace || key.delete) return onChange(value.slice(0, -1));
      if (key.escape || key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
      const [typed, ...rest] = input.split(/\r\n|\r|\n/);
      const next = (value + (typed ?? "")).slice(0, maxLength);
      if (typed) onChange(next);
      if (rest.length > 0) onSubmit(next);
    },
    { isActive: focus },
  );

  const shown = mask ? "•".repeat(value.length) : value;
  return (
    <Box>
      <Text bold={focus}>{label}: </Text>
      <Text color={focus ? "cyan" : undefined}>{shown}</Text>
      {focus && <Text inverse> </Text>}
    </Box>
  );
}
