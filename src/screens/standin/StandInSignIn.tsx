// The console stand-in's root sign-in page (demo only): email and password are taken as typed; the MFA
// code is checked for real, and the sign-in lands in the simulated CloudTrail some seconds later.
import { Text } from "ink";
import { useEffect, useState } from "react";
import { TextField } from "../components/TextField.js";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";
import { StandInFrame } from "./StandInFrame.js";

/** The stand-in's sign-in page: the root email and password are taken as typed; the MFA code is real. */
export function StandInSignIn({ rootHasMfa, trainingCode, onClose }: { rootHasMfa: boolean; trainingCode?: () => Promise<string | undefined>; onClose: () => void }) {
  const { t, standIn } = useUi();
  const s = t.standIn.signin;
  // A new field after each try: the console clears the code box.
  const [attempts, setAttempts] = useState(0);
  const [result, setResult] = useState<"success" | "failure">();
  const [aid, setAid] = useState<string>();
  useEffect(() => {
    if (!trainingCode) return;
    const show = () => void trainingCode().then(setAid);
    show();
    const timer = setInterval(show, 1000);
    return () => clearInterval(timer);
  }, [trainingCode]);
  useKeys({
    back: onClose,
    continue: result === "success" ? onClose : !rootHasMfa && !result && (() => void standIn?.signIn("").then(setResult)),
  });
  const submit = async (value: string) => {
    if (!standIn) return;
    setResult(await standIn.signIn(value.trim()));
    setAttempts((n) => n + 1);
  };
  return (
    <StandInFrame title={s.title}>
      <Text>{s.email}</Text>
      <Text>{s.password}</Text>
      {rootHasMfa && result !== "success" && <TextField key={attempts} label={s.mfa} onSubmit={(v) => void submit(v)} focus code />}
      {!rootHasMfa && !result && <Text>{s.mfaNone}</Text>}
      {aid && result !== "success" && <Text color="magenta">{s.trainingCode(aid)}</Text>}
      {result === "success" && <Text color="green">{s.success}</Text>}
      {result === "failure" && <Text color="red">{s.failure}</Text>}
    </StandInFrame>
  );
}
