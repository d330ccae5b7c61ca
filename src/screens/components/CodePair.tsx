// Two MFA code fields, the way AWS asks for them: the code shown now, then the next one. Enter in the
// first moves to the second; Enter in the second submits both; Esc goes back a field, then cancels.
// After a refusal the parent remounts it (a new `key`): both codes are stale by then anyway.
import { Box } from "ink";
import { useKeys } from "../keys.js";
import { useRef, useState } from "react";
import { TextField } from "./TextField.js";

interface Props {
  labels: [string, string];
  onSubmit: (code1: string, code2: string) => void;
  /** Esc in the first field. */
  onCancel: () => void;
  active: boolean;
}

export function CodePair({ labels, onSubmit, onCancel, active }: Props) {
  const code1 = useRef("");
  const [field, setField] = useState<1 | 2>(1);
  useKeys(
    (_input, key) => {
      if (key.escape) return field === 2 ? setField(1) : onCancel();
      if (key.tab) setField(field === 1 ? 2 : 1);
    },
    { isActive: active },
  );
  return (
    <Box flexDirection="column">
      <TextField
        label={labels[0]}
        onSubmit={(value) => {
          code1.current = value;
          setField(2);
        }}
        focus={active && field === 1}
        maxLength={12}
      />
      <TextField label={labels[1]} onSubmit={(value) => onSubmit(code1.current, value)} focus={active && field === 2} maxLength={12} />
    </Box>
  );
}
