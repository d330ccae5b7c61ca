// Two MFA code fields, the way AWS asks for them: the code shown now, then the next one. Enter in the
// first moves to the second; Enter in the second submits both; Esc goes back a field, then cancels.
// After a refusal the parent remounts it (a new `key`): both codes are stale by then anyway.
import { Box, useInput } from "ink";
import { useState } from "react";
import { TextField } from "./TextField.js";

interface Props {
  labels: [string, string];
  onSubmit: (code1: string, code2: string) => void;
  /** Esc in the first field. */
  onCancel: () => void;
  active: boolean;
}

export function CodePair({ labels, onSubmit, onCancel, active }: Props) {
  const [code1, setCode1] = useState("");
  const [code2, setCode2] = useState("");
  const [field, setField] = useState<1 | 2>(1);
  useInput(
    (_input, key) => {
      if (key.escape) return field === 2 ? setField(1) : onCancel();
      if (key.tab) setField(field === 1 ? 2 : 1);
    },
    { isActive: active },
  );
  return (
    <Box flexDirection="column">
      <TextField label={labels[0]} value={code1} onChange={setCode1} onSubmit={() => setField(2)} focus={active && field === 1} maxLength={12} />
      <TextField label={labels[1]} value={code2} onChange={setCode2} onSubmit={() => onSubmit(code1, code2)} focus={active && field === 2} maxLength={12} />
    </Box>
  );
}
