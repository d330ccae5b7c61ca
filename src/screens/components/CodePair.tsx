// Two MFA code fields, the way AWS asks for them: the code shown now, then the next one. Enter in the
// first moves to the second; Enter in the second submits both; Esc goes back a field, then cancels.
// After a refusal the parent remounts it (a new `key`): both codes are stale by then anyway.
//
// One key handler for both fields, keeping the text and the field in refs: a key that follows Enter before
// React has drawn again (a fast typist, or both codes pasted at once as "123456⏎654321⏎") lands in the field
// Enter moved to. (Two separate fields would give the keyboard to the second only after a render.)
import { Box } from "ink";
import { useEffect, useReducer, useRef } from "react";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";
import { FieldLine } from "./TextField.js";

interface Props {
  labels: [string, string];
  onSubmit: (code1: string, code2: string) => void;
  /** Esc in the first field. */
  onCancel: () => void;
  active: boolean;
}

/** Room for a mistyped code (shown, then refused with a message) but not for a paragraph. */
const MAX_LENGTH = 12;

export function CodePair({ labels, onSubmit, onCancel, active }: Props) {
  const { setTextEntry } = useUi();
  const codes = useRef<[string, string]>(["", ""]);
  const field = useRef<0 | 1>(0);
  const submitted = useRef(false);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  // While the fields have the keyboard, q and ? are letters, not commands.
  useEffect(() => {
    if (!active) return;
    setTextEntry(true);
    return () => setTextEntry(false);
  }, [active, setTextEntry]);

  /** Enter: on to the second field, or submit both. */
  const enter = () => {
    if (field.current === 0) field.current = 1;
    else if (!submitted.current) {
      submitted.current = true;
      onSubmit(codes.current[0], codes.current[1]);
    }
  };

  useKeys(
    (input, key) => {
      if (submitted.current) return;
      const at = field.current;
      if (key.escape) {
        if (at === 0) return onCancel();
        field.current = 0;
      } else if (key.tab) field.current = at === 0 ? 1 : 0;
      else if (key.return) enter();
      else if (key.backspace || key.delete) codes.current[at] = codes.current[at].slice(0, -1);
      else if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
      else {
        // Pasted text may hold newlines: each one is an Enter.
        input.split(/\r\n|\r|\n/).forEach((typed, i) => {
          if (i > 0) enter();
          if (!submitted.current) codes.current[field.current] = (codes.current[field.current] + typed).slice(0, MAX_LENGTH);
        });
      }
      redraw();
    },
    { isActive: active },
  );

  return (
    <Box flexDirection="column">
      <FieldLine label={labels[0]} shown={codes.current[0]} focus={active && field.current === 0} />
      <FieldLine label={labels[1]} shown={codes.current[1]} focus={active && field.current === 1} />
    </Box>
  );
}
