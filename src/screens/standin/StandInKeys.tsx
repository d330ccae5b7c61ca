// The console stand-in's "Security credentials → Access keys" (demo only): the trainee deactivates and
// deletes root's keys as they will in the real console, where deleting asks for the key id to be typed.
import { Box, Text } from "ink";
import { useCallback, useEffect, useState } from "react";
import type { AccessKey } from "../../aws/account.js";
import { isAccountError } from "../../aws/errors.js";
import { TextField } from "../components/TextField.js";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";
import { StandInFrame } from "./StandInFrame.js";

export function StandInKeys({ onClose }: { onClose: () => void }) {
  const { t, standIn } = useUi();
  const s = t.standIn.keys;
  const [keys, setKeys] = useState<AccessKey[]>([]);
  const [selected, setSelected] = useState(0);
  const [deleting, setDeleting] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const reload = useCallback(async () => {
    if (standIn) setKeys(await standIn.listAccessKeys());
  }, [standIn]);
  useEffect(() => {
    void reload();
  }, [reload]);

  // The stand-in shows AWS's refusals as the console does: a banner, never a crash.
  const perform = (change: Promise<unknown>) =>
    void change.then(reload, (error: unknown) => setNotice(typeof error === "string" ? error : isAccountError(error) ? error.code : s.failed));
  const key = keys[Math.min(selected, keys.length - 1)];
  // Each key clears the last notice first.
  const act = (change: () => void) => () => {
    setNotice(undefined);
    change();
  };
  // Only the keys that do something now: a list to move in (two keys or more), deactivate an active key, activate
  // an inactive one. Delete answers an active key too, with the console's refusal (the lesson of the page). In the
  // delete prompt, Esc leaves the prompt, not the console, and Enter deletes (the field's key, below).
  useKeys(
    deleting !== undefined
      ? { notNow: () => setDeleting(undefined) }
      : !standIn || !key
        ? { back: onClose }
        : {
            back: onClose,
            select: keys.length > 1 && ((_input, k) => act(() => setSelected((i) => (k.upArrow ? Math.max(0, i - 1) : Math.min(keys.length - 1, i + 1))))()),
            deactivateKey: key.status === "Active" && act(() => perform(standIn.setAccessKeyStatus(key.id, "Inactive"))),
            activateKey: key.status === "Inactive" && act(() => perform(standIn.setAccessKeyStatus(key.id, "Active"))),
            deleteKey: act(() => (key.status === "Active" ? setNotice(s.deactivateFirst) : setDeleting(key.id))),
          },
  );

  const confirmDelete = async (value: string) => {
    if (!standIn || !deleting) return;
    if (value.trim() !== deleting) return setNotice(s.mismatch);
    // The typed id matched: the last refusal of a wrong one no longer applies.
    setNotice(undefined);
    setDeleting(undefined);
    perform(
      standIn.deleteAccessKey(deleting).catch((error: unknown) => {
        throw isAccountError(error, "DeleteConflict") ? s.deactivateFirst : error;
      }),
    );
  };

  return (
    <StandInFrame title={s.title} backHint={deleting === undefined}>
      {keys.length === 0 && <Text>{s.empty}</Text>}
      {keys.map((k, i) => (
        <Text key={k.id} inverse={i === selected}>
          {i === selected ? "›" : " "} {k.id} {t.rootKeys.status[k.status]}
        </Text>
      ))}
      {notice && <Text color="red">{notice}</Text>}
      {/* The keys that work are named in the footer alone, as on every page. */}
      {deleting && (
        <Box flexDirection="column" marginTop={1}>
          <Text>{s.deleteConfirm(deleting)}</Text>
          <TextField label="ID" onSubmit={(v) => void confirmDelete(v)} focus maxLength={40} submitKey="deleteTyped" />
        </Box>
      )}
    </StandInFrame>
  );
}
