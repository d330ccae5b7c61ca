// Two MFA code fields, the way AWS asks for them: the code shown now, then the next one. Enter in the
// first moves to the second; Enter in the second submits both; Esc goes back a field, then cancels.
// After a refusal the parent remounts it (a new `key`): both codes are stale by then anyway.
//
// One key handler for both fields, keeping the text and the field in refs: a key that follows Enter (a fast
// typist, or both codes pasted at once as "123456⏎654321⏎", which the keyboard plays key by key) lands in the
// field Enter moved to.
import { Box } from "ink";
import { useReducer, useRef } from "react";
import { asTyped } from "../../lib/typed.js";
import { useCovered } from "../cover.js";
import { isTypedText, useKeys } from "../keys.js";
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
  const codes = useRef<[string, string]>(["", ""]);
  const field = useRef<0 | 1>(0);
  const submitted = useRef(false);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // While a view covers the page (the QR code alone), the fields are hidden and take no keys.
  const covered = useCovered();

  /** Enter: on to the second field, or submit both. */
  const enter = () => {
    if (field.current === 0) field.current = 1;
    else if (!submitted.current) {
      submitted.current = true;
      onSubmit(codes.current[0], codes.current[1]);
    }
  };
  /** Every key changes the refs first, then asks for a frame: the next key (of a burst) sees the change. */
  const then = (change: () => void) => () => {
    if (submitted.current) return;
    change();
    redraw();
  };

  useKeys(
    {
      continue: then(enter),
      back: then(() => (field.current === 0 ? onCancel() : (field.current = 0))),
      otherField: then(() => (field.current = field.current === 0 ? 1 : 0)),
    },
    {
      isActive: active && !covered,
      typing: (input, key) =>
        then(() => {
          const at = field.current;
          if (key.backspace || key.delete) codes.current[at] = codes.current[at].slice(0, -1);
          // Full-width digits from an input method are the digits they stand for.
          else if (isTypedText(input, key)) codes.current[at] = (codes.current[at] + asTyped(input)).slice(0, MAX_LENGTH);
        })(),
    },
  );

  return (
    <Box flexDirection="column">
      <FieldLine label={labels[0]} shown={codes.current[0]} focus={active && !covered && field.current === 0} />
      <FieldLine label={labels[1]} shown={codes.current[1]} focus={active && !covered && field.current === 1} />
    </Box>
  );
}
