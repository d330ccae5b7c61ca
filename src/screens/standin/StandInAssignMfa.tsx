// The console stand-in's "Assign MFA device" page (demo only), laid out like the real one: device name,
// authenticator app, QR code, MFA code 1, MFA code 2, Add MFA. Its refusals read like the console's.
import { Box, Text } from "ink";
import { useState } from "react";
import { isAccountError } from "../../aws/errors.js";
import { CONSOLE_DEVICE_NAME_MAX, isDeviceName } from "../../aws/names.js";
import { codeSchema, otpauthUri } from "../../lib/totp.js";
import { TOTP_ISSUER, totpLabel } from "../../steps/user-mfa.js";
import { CodePair } from "../components/CodePair.js";
import { QrOrSecret } from "../components/QrOrSecret.js";
import { TextField } from "../components/TextField.js";
import { TotpTimer } from "../components/TotpTimer.js";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";
import { STAND_IN_AROUND, StandInFrame } from "./StandInFrame.js";

type Page = { kind: "name"; error?: string } | { kind: "setup"; secret: string; accountId: string; attempt: number; error?: string } | { kind: "added" };

export function StandInAssignMfa({ clockOffsetMs, onClose }: { clockOffsetMs: number; onClose: () => void }) {
  const { t, standIn } = useUi();
  const m = t.standIn.mfa;
  const [name, setName] = useState("");
  const [page, setPage] = useState<Page>({ kind: "name" });

  useKeys(page.kind === "added" ? { continue: onClose, back: onClose } : page.kind === "name" ? { back: onClose } : {});

  const openSetup = async (typed: string) => {
    if (!standIn) return;
    setName(typed);
    if (!isDeviceName(typed, CONSOLE_DEVICE_NAME_MAX)) return setPage({ kind: "name", error: m.deviceNameHint });
    const { secret, accountId } = await standIn.openMfaAssignment();
    setPage({ kind: "setup", secret, accountId, attempt: 0 });
  };

  const add = async (code1: string, code2: string) => {
    if (!standIn || page.kind !== "setup") return;
    const retry = (error: string) => setPage({ ...page, attempt: page.attempt + 1, error });
    if (!codeSchema.safeParse(code1).success || !codeSchema.safeParse(code2).success) return retry(t.userMfa.problems.malformed);
    try {
      await standIn.finishMfaAssignment(name, page.secret, code1.trim(), code2.trim());
      setPage({ kind: "added" });
    } catch (error) {
      if (isAccountError(error, "EntityAlreadyExists")) setPage({ kind: "name", error: m.alreadyExists });
      else retry(isAccountError(error, "InvalidAuthenticationCode") ? m.invalidCode : t.standIn.keys.failed);
    }
  };

  return (
    <StandInFrame title={m.title}>
      {page.kind === "name" && (
        <Box flexDirection="column">
          {page.error && <Text color="red">{page.error}</Text>}
          <TextField label={m.deviceName} initial={name} onSubmit={(value) => void openSetup(value)} focus />
          <Text dimColor>{m.deviceNameHint}</Text>
          <Text>{m.deviceKind}</Text>
        </Box>
      )}
      {page.kind === "setup" && (
        <Box flexDirection="column">
          <Text bold>{m.setup}</Text>
          <Text>{m.scan}</Text>
          <QrOrSecret
            uri={otpauthUri(page.secret, TOTP_ISSUER, totpLabel(name, page.accountId))}
            secret={page.secret}
            active
            showSecretLabel={m.showSecret}
            around={STAND_IN_AROUND}
          />
          <TotpTimer clockOffsetMs={clockOffsetMs} />
          {page.error && <Text color="red">{page.error}</Text>}
          <CodePair key={page.attempt} labels={[m.code1, m.code2]} onSubmit={(a, b) => void add(a, b)} onCancel={onClose} active />
          <Text dimColor>{m.add}</Text>
        </Box>
      )}
      {page.kind === "added" && <Text color="green">{m.added}</Text>}
    </StandInFrame>
  );
}
