// Root-activity alerts: the alert address (validated), the choices (API-call alerts and whether they take read-only
// calls, a trail when none logs management events), each change confirmed and read back, then a visible wait for
// the owner to confirm the email subscription. Routing alerts to a pending subscription is never done without
// saying nothing is delivered yet; rules without a trail are never set up without saying they cannot fire. An
// account whose own alert already tells someone of root sign-ins is shown as already in place.
import { Box, Text } from "ink";
import { useEffect, useRef, useState } from "react";
import { webhookRef } from "../aws/webhook.js";
import type { RunnerOutcome } from "../steps/plan-outcome.js";
import { applyWebhookAction, isTestEvent, isWebhookAction, rollbackWebhook, webhookTestActions, withWebhookTestAnswer } from "../steps/webhook-alerts.js";
import { isOp } from "../aws/operations.js";
import { alertRules, bucketNameFor, sameJson } from "../steps/alert-shapes.js";
import { parseAlertEmail, parseWebhookUrl, type WebhookRefusal } from "../steps/alert-input.js";
import {
  type AlertChoices,
  alertActionHolds,
  type AlertsFinding,
  chosenRules,
  confirmAlertAction,
  existingAlertsVerdict,
  inspectAlerts,
  needsTrailDecision,
  trailCreatable,
  planAlerts,
  ruleIsRight,
  sendTestAlert,
  testAlertAction,
  verifyAlerts,
} from "../steps/alerts.js";
import { shortCall } from "../steps/plan-outcome.js";
import { ActionRunner } from "./components/ActionRunner.js";
import { BoundedList } from "./components/BoundedList.js";
import { DryRunNote } from "./components/DryRunNote.js";
import { channelLines, SimulatedChannel } from "./components/SimulatedChannel.js";
import { NumberedList } from "./components/NumberedList.js";
import { TextField } from "./components/TextField.js";
import { VerdictView } from "./components/VerdictView.js";
import { Verification } from "./components/Verification.js";
import type { Messages } from "../i18n/index.js";
import { useRoom, wrappedRows } from "./room.js";
import { useUi } from "./ui-context.js";
import { Busy, type StepScreenProps, useStep } from "./use-step.js";
import type { ApiAction } from "../steps/types.js";
import { attempt } from "./use-task.js";

interface Props extends StepScreenProps {
  topicName?: string;
  /** The address offered in the field (else the topic's first email subscription). */
  email?: string;
}

/** The alert address, then the choices. (The intro, with the account's own alerts already delivering root sign-ins: keep them, or add rootlock's own.) */
type Own =
  | { kind: "email"; invalid: boolean }
  | { kind: "options"; needRoute?: boolean }
  /** The webhook URL, typed or pasted (a secret: shown as dots). */
  | { kind: "webhook"; invalid?: WebhookRefusal }
  /** The plan was given up half-way: the webhook's parts made so far are removed, last first. */
  | { kind: "undoing"; outcome: RunnerOutcome };

/** The webhook's test message on the result: its calls (each confirmed), then the operator's answer. */
type WebhookTest = { stage: "preparing" } | { stage: "running"; actions: ApiAction[] } | { stage: "asking" } | { stage: "answered"; arrived: boolean };

export function AlertsScreen({ ctx, topicName, email: offered, onDone, onBack }: Props) {
  const { t, standIn, mode, cleanups } = useUi();
  const room = useRoom();
  const a = t.alerts;
  const [choices, setChoices] = useState<AlertChoices>({ email: "", apiCalls: false, readOnlyApiCalls: false, createTrail: true });
  const [clicked, setClicked] = useState(false);
  // The test alert's answer on the result (its request id, or the failure's code).
  const [test, setTest] = useState<string>();
  // `t` asks first: the sns:Publish call is confirmed (Enter) or declined (Esc) like every other change.
  const [testCall, setTestCall] = useState<ReturnType<typeof testAlertAction>>();
  // The webhook URL: a secret, kept here in memory only, handed to the calls that take it at the moment of sending.
  const webhookUrl = useRef<string | undefined>(undefined);
  const [webhookTest, setWebhookTest] = useState<WebhookTest>();
  // What the undo of a given-up plan left behind (empty: everything removed), for the result.
  const [webhookLeft, setWebhookLeft] = useState<string[]>();
  // The webhook's parts sent so far in this plan: quitting (q, Ctrl-C) before the plan is through removes them.
  const webhookMade = useRef<ApiAction[]>([]);
  const UNDO_ID = "alerts: the webhook's parts";
  const rememberWebhook = (action: ApiAction) => {
    if (!isWebhookAction(action) || webhookMade.current.includes(action)) return;
    // Remembered before it is sent: one whose answer is lost may have landed (an undo of what never landed is
    // answered NoSuchEntity, and counts as removed).
    webhookMade.current.push(action);
    const made = [...webhookMade.current];
    cleanups.add(UNDO_ID, async () => {
      if ((await rollbackWebhook(ctx, made)).left.length > 0) throw new Error("left behind");
    });
  };
  const forgetWebhook = () => {
    cleanups.remove(UNDO_ID);
    webhookMade.current = [];
  };

  const step = useStep<AlertsFinding, Own>({
    ctx,
    onDone,
    onBack,
    inspect: () => inspectAlerts(ctx, topicName),
    reads: "sns:GetTopicAttributes",
    keys: (finding, phase, step) => {
      switch (phase.kind) {
        case "intro": {
          const existing = existingAlertsVerdict(finding);
          const toEmail = () => step.setPhase({ kind: "email", invalid: false });
          return step.introKeys(existing ? { continue: () => onDone(existing), addOwnAlerts: toEmail } : { continue: toEmail });
        }
        case "email":
          return { back: () => step.setPhase({ kind: "intro" }) };
        case "webhook":
          return { back: () => step.setPhase({ kind: "options" }) };
        case "options":
          return step.introKeys({
            continue: () =>
              !choices.email && !choices.webhook
                ? step.setPhase({ kind: "options", needRoute: true })
                : step.setPhase(planAlerts(finding, choices).length > 0 ? { kind: "running" } : { kind: "verifying" }),
            back: () => step.setPhase({ kind: "email", invalid: false }),
            webhook: () => step.setPhase({ kind: "webhook" }),
            toggleApiCalls: () => setChoices((c) => ({ ...c, apiCalls: !c.apiCalls })),
            toggleReadOnly: choices.apiCalls && (() => setChoices((c) => ({ ...c, readOnlyApiCalls: !c.readOnlyApiCalls }))),
            toggleTrail: needsTrailDecision(finding) && trailCreatable(finding) && (() => setChoices((c) => ({ ...c, createTrail: !c.createTrail }))),
          });
        case "verifying":
          return {
            openMailbox:
              !!standIn &&
              !clicked &&
              (() => {
                setClicked(true);
                if (choices.email) void standIn.confirmAlertEmail(choices.email);
              }),
          };
        case "result": {
          const testing = !!testCall || (!!webhookTest && webhookTest.stage !== "answered");
          const answer = (arrived: boolean) => () => {
            setWebhookTest({ stage: "answered", arrived });
            if (phase.kind === "result" && choices.webhook)
              step.setPhase({ ...phase, verdict: withWebhookTestAnswer(phase.verdict, choices.webhook.mask, arrived, ctx.now()) });
          };
          return {
            // While a test call is being confirmed, Enter and Esc are the confirmation's alone (ConfirmCall, ActionRunner).
            ...(testing && { continue: undefined, back: undefined }),
            sendTest: mode !== "dry-run" && !!choices.email && test === undefined && !testing && (() => setTestCall(testAlertAction(ctx, finding.topicArn))),
            webhook:
              mode !== "dry-run" &&
              !!choices.webhook &&
              !webhookTest &&
              !testing &&
              (() => {
                setWebhookTest({ stage: "preparing" });
                void attempt(() => webhookTestActions(ctx, { accountId: finding.accountId, partition: finding.partition }), "events:DescribeRule").then((r) =>
                  setWebhookTest(r.ok ? { stage: "running", actions: r.value } : undefined),
                );
              }),
            yes: webhookTest?.stage === "asking" && answer(true),
            no: webhookTest?.stage === "asking" && answer(false),
          };
        }
        default:
          return {};
      }
    },
  });

  if (!step.finding) return step.gate;
  const f = step.finding;
  const phase = step.phase;
  const setPhase = step.setPhase;
  const title = <Text bold>{a.title}</Text>;
  const pendingOrNew = !!choices.email && !f.emails.some((s) => s.endpoint === choices.email && !s.pending);

  switch (phase.kind) {
    case "intro": {
      // What is there and what is in place keep their lines; the why goes first where the terminal is short (80x24),
      // then the list of what rootlock would make shows its last lines.
      const rowsOf = (lines: string[]) => lines.reduce((sum, line) => sum + wrappedRows(line, room.cols), 0);
      const findings = findingLines(f, t);
      const existing = f.existing ? existingLines(f, t) : [];
      const fixed = rowsOf([a.title, f.existing ? a.existingKeys : a.introKeys]) + 2 + (f.existing ? 1 + rowsOf(existing) : 0);
      const why = fixed + rowsOf(findings) + rowsOf([a.why]) <= room.rows;
      return (
        <Box flexDirection="column">
          {title}
          {why && <Text>{a.why}</Text>}
          <Box flexDirection="column" marginY={1}>
            <BoundedList lines={findings} rows={room.rows - fixed} more={t.bounded.more} />
          </Box>
          {f.existing && (
            <Box flexDirection="column" marginBottom={1}>
              <Text color="green">{existing[0]}</Text>
              {existing.slice(1).map((line, i) => (
                <Text key={i}>{line}</Text>
              ))}
            </Box>
          )}
          <Text dimColor>{f.existing ? a.existingKeys : a.introKeys}</Text>
        </Box>
      );
    }
    case "email":
      return (
        <Box flexDirection="column">
          {title}
          <Text dimColor>{a.emailHint}</Text>
          <TextField
            label={a.emailLabel}
            focus
            initial={offered ?? f.emails[0]?.endpoint ?? ""}
            maxLength={254}
            onSubmit={(text) => {
              // Empty: no email, the alerts go to a webhook only (chosen on the next screen).
              if (text.trim() === "") {
                setChoices((c) => ({ ...c, email: undefined }));
                return setPhase({ kind: "options" });
              }
              const email = parseAlertEmail(text);
              if (!email) return setPhase({ kind: "email", invalid: true });
              setChoices((c) => ({ ...c, email }));
              setPhase({ kind: "options" });
            }}
          />
          {phase.invalid && <Text color="red">{a.badEmail}</Text>}
          <Text dimColor>{a.emailOptionalHint}</Text>
        </Box>
      );
    case "webhook":
      return (
        <Box flexDirection="column">
          {title}
          <Text dimColor>{a.webhookHint}</Text>
          <TextField
            label={a.webhookLabel}
            focus
            mask
            maxLength={2048}
            onSubmit={(text) => {
              if (text.trim() === "") {
                webhookUrl.current = undefined;
                setChoices((c) => ({ ...c, webhook: undefined }));
                return setPhase({ kind: "options" });
              }
              const parsed = parseWebhookUrl(text);
              if (!parsed.ok) return setPhase({ kind: "webhook", invalid: parsed.why });
              webhookUrl.current = parsed.url;
              setChoices((c) => ({ ...c, webhook: webhookRef(parsed.url) }));
              setPhase({ kind: "options" });
            }}
          />
          {phase.invalid && <Text color="red">{a.badWebhook[phase.invalid]}</Text>}
        </Box>
      );
    case "undoing":
      return (
        <Box flexDirection="column">
          {title}
          <UndoWebhook
            ctx={ctx}
            outcome={phase.outcome}
            onDone={(outcome, left) => {
              setWebhookLeft(left);
              step.runFinished(outcome, (done) => [...done.filter((x) => !isWebhookAction(x)).map(shortCall), ...left]);
            }}
          />
        </Box>
      );
    case "options": {
      const plan = planAlerts(f, choices);
      return (
        <Box flexDirection="column">
          {title}
          {choices.email && <Text>{a.subscription(choices.email, a.subscriptionStates[subscriptionState(f, choices.email)])}</Text>}
          <Text>{a.webhookChoice(choices.webhook?.mask)}</Text>
          {choices.webhook && <Text dimColor>{a.webhookParts}</Text>}
          {phase.needRoute && <Text color="red">{a.needRoute}</Text>}
          <Text>{a.apiChoice(choices.apiCalls)}</Text>
          {choices.apiCalls && <Text dimColor>{a.apiScope}</Text>}
          {choices.apiCalls && <Text>{a.readOnlyChoice(!!choices.readOnlyApiCalls)}</Text>}
          {needsTrailDecision(f) ? (
            <Box flexDirection="column">
              <Text color="yellow">{a.noTrail}</Text>
              {trailCreatable(f) ? (
                <>
                  <Text>{a.trailOffer}</Text>
                  <Text>{a.trailChoice(choices.createTrail)}</Text>
                </>
              ) : (
                <Text color="yellow">{a.bucketTaken(bucketNameFor(f.accountId))}</Text>
              )}
            </Box>
          ) : f.deliveringTrail!.statusFrom === "organization" ? (
            <Text color="green">{a.trailFoundOrganization(f.deliveringTrail!.name, f.deliveringTrail!.ownerAccountId)}</Text>
          ) : (
            <Text color="green">{a.trailFound(f.deliveringTrail!.name)}</Text>
          )}
          {plan.length === 0 && <Text color="green">{a.nothingToDo}</Text>}
        </Box>
      );
    }
    case "running":
      return (
        <Box flexDirection="column">
          {title}
          <ActionRunner
            actions={planAlerts(f, choices)}
            // The webhook URL goes only to the calls that take it (CreateApiDestination, UpdateApiDestination).
            apply={(action) => {
              rememberWebhook(action);
              return applyWebhookAction(ctx, action, () => webhookUrl.current ?? "");
            }}
            holds={(action) => alertActionHolds(ctx, action)}
            readBack={(action, hooks) => confirmAlertAction(ctx, action, hooks)}
            warning={(action) => (isOp(action, "putRuleTarget") && pendingOrNew ? a.pendingWarning : undefined)}
            // A call declined half-way: everything made before it stays in the account until a later run completes it.
            // The webhook's parts are undone when the plan is given up: a half-made route to a channel helps no one.
            onFinished={(outcome) => {
              // Through (or undone just below): nothing is left for quitting to remove.
              forgetWebhook();
              if (outcome.stopped && !outcome.notSent.length && outcome.done.some(isWebhookAction)) setPhase({ kind: "undoing", outcome });
              else step.runFinished(outcome, (done) => done.map(shortCall));
            }}
          />
        </Box>
      );
    case "verifying":
      return (
        <Box flexDirection="column">
          {title}
          {pendingOrNew && (
            <Box flexDirection="column">
              <Text color="yellow">{a.confirmTitle(choices.email ?? "")}</Text>
              <NumberedList items={a.confirmSteps} />
              {standIn && (clicked ? <Text color="magenta">{a.mailboxClicked}</Text> : <Text color="magenta">{a.openMailbox}</Text>)}
            </Box>
          )}
          <Verification what={a.verifying} run={(hooks) => verifyAlerts(ctx, f, choices, hooks)} onVerdict={(v) => step.verified(v, phase.prior)} />
        </Box>
      );
    case "result": {
      const v = phase.verdict;
      const offerTest = mode !== "dry-run" && !phase.notSent && !!choices.email && test === undefined && !testCall && v.state !== "skipped";
      const said = [
        v.state === "verified" && (choices.email ? a.verified : a.verifiedWebhook),
        v.reason === "subscription-pending" && a.pending,
        v.reason === "no-trail" && a.noTrailResult,
        test !== undefined && a.testSent(test),
        offerTest && a.testOffer,
        a.title,
        t.common.done,
        webhookLeft && (webhookLeft.length === 0 ? a.webhookUndone : a.webhookLeft(webhookLeft.join(", "))),
        // The webhook's test: its offer, question or answer, and the demo's channel.
        ...(choices.webhook
          ? [
              !webhookTest && mode !== "dry-run" && !phase.notSent && v.state !== "skipped" && a.webhookTestOffer,
              webhookTest?.stage === "asking" && a.webhookTestQuestion(choices.webhook.mask),
              webhookTest?.stage === "asking" && a.webhookTestKeys,
              webhookTest?.stage === "answered" && a.webhookTestRecorded(webhookTest.arrived),
              ...channelLines(t, standIn),
            ]
          : []),
      ].filter((line): line is string => !!line);
      // The rows around the verdict: what is said, a dry run's calls, the test call's run (its progress line, its box and
      // the not-taken sentence; a failure's panel with a lost answer's sentence takes a row or two more).
      const around = said.reduce((sum, line) => sum + wrappedRows(line, room.cols), 0) + (phase.notSent ? 3 + phase.notSent.length : 0) + (testCall ? 6 : 0);
      return (
        <Box flexDirection="column">
          {title}
          {phase.verdict.state === "verified" && <Text color="green">{choices.email ? a.verified : a.verifiedWebhook}</Text>}
          {phase.verdict.reason === "subscription-pending" && <Text color="yellow">{a.pending}</Text>}
          {phase.verdict.reason === "no-trail" && <Text color="yellow">{a.noTrailResult}</Text>}
          {phase.notSent && <DryRunNote calls={phase.notSent} verify={a.verifying} />}
          <VerdictView verdict={phase.verdict} around={around} />
          {testCall && (
            // Confirmed, sent and, when it fails, retried or given up like every other change (ActionRunner).
            <ActionRunner
              actions={[testCall]}
              apply={() => sendTestAlert(ctx, f.topicArn, testCall)}
              holds={(action) => alertActionHolds(ctx, action)}
              readBack={(action, hooks) => confirmAlertAction(ctx, action, hooks)}
              // A published message leaves nothing to read: a lost answer may mean a message already on its way.
              lostAnswer={() => a.testMayHaveBeenSent(choices.email ?? "")}
              onFinished={(outcome) => {
                setTestCall(undefined);
                const receipt = outcome.receipts[0];
                if (receipt) setTest(receipt.requestId ?? "");
              }}
            />
          )}
          {webhookLeft && (webhookLeft.length === 0 ? <Text color="green">{a.webhookUndone}</Text> : <Text color="red">{a.webhookLeft(webhookLeft.join(", "))}</Text>)}
          {test !== undefined && <Text color="green">{a.testSent(test)}</Text>}
          {offerTest && <Text>{a.testOffer}</Text>}
          {choices.webhook && (
            <WebhookTestView
              ctx={ctx}
              test={webhookTest}
              mask={choices.webhook.mask}
              offered={mode !== "dry-run" && !phase.notSent && phase.verdict.state !== "skipped"}
              onSent={() => setWebhookTest({ stage: "asking" })}
              onStopped={() => setWebhookTest(undefined)}
            />
          )}
          <Text dimColor>{t.common.done}</Text>
        </Box>
      );
    }
  }
}

function subscriptionState(f: AlertsFinding, email: string): "confirmed" | "pending" | "missing" {
  const s = f.emails.find((x) => x.endpoint === email);
  return !s ? "missing" : s.pending ? "pending" : "confirmed";
}

/** The account's own alert that already delivers root sign-ins (its title first), and the trail that lets it fire. */
function existingLines(finding: AlertsFinding, t: Messages): string[] {
  const a = t.alerts;
  const existing = finding.existing!;
  return [a.existingTitle, ...existing.routes.map((r) => a.existingRoute(r.rule, r.target, r.confirmed)), a.existingTrail(existing.trail!)];
}

/** What is there now: the topic, its email subscriptions, and each of rootlock's rules, with what it catches. */
function findingLines(finding: AlertsFinding, t: Messages): string[] {
  const a = t.alerts;
  const everyRule = alertRules(finding.topicArn);
  const possible = chosenRules(finding, { email: "", apiCalls: false, createTrail: true }).map((s) => s.kind);
  return [
    a.topic(finding.topicArn, !!finding.topic),
    ...finding.emails.map((s) => a.subscription(s.endpoint, a.subscriptionStates[s.pending ? "pending" : "confirmed"])),
    ...(finding.webhook.destination ? [a.webhookFound(finding.webhook.destination.endpoint.mask, finding.webhook.destination.state)] : []),
    ...everyRule.map((spec) => {
      const rule = finding.rules[spec.kind];
      // The API-call rule is optional: absent, it is offered, not "to be created". Its read-only choice comes later,
      // so here it is judged only on its pattern and on being enabled.
      const right = !!rule && (spec.kind === "api-call" ? rule.enabled && sameJson(rule.pattern, spec.pattern) : ruleIsRight(rule, spec));
      const state = !possible.includes(spec.kind) && !rule ? "optional" : !rule ? "absent" : right ? "right" : "drifted";
      return a.rule(spec.name, a.ruleCatches[spec.kind], a.ruleStates[state]);
    }),
  ];
}

/** Removes the webhook's parts the given-up plan made, last first, then hands the runner's end on with what was read. */
function UndoWebhook({ ctx, outcome, onDone }: { ctx: StepScreenProps["ctx"]; outcome: RunnerOutcome; onDone: (o: RunnerOutcome, left: string[]) => void }) {
  const { t } = useUi();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void rollbackWebhook(ctx, outcome.done).then(
      (r) => onDone({ ...outcome, evidence: [...outcome.evidence, ...r.removed] }, r.left),
      () => onDone(outcome, outcome.done.filter(isWebhookAction).map(shortCall)),
    );
  }, [ctx, outcome, onDone]);
  return <Busy what={t.alerts.undoingWebhook} />;
}

/** The webhook's test message: offered, its calls confirmed one by one, then "did it arrive?" (and the demo's channel). */
function WebhookTestView(props: {
  ctx: StepScreenProps["ctx"];
  test: WebhookTest | undefined;
  mask: string;
  offered: boolean;
  onSent: () => void;
  onStopped: () => void;
}) {
  const { t } = useUi();
  const a = t.alerts;
  const { ctx, test } = props;
  return (
    <Box flexDirection="column">
      {!test && props.offered && <Text>{a.webhookTestOffer}</Text>}
      {test?.stage === "preparing" && <Busy what={a.webhookTestPreparing} />}
      {test?.stage === "running" && (
        <ActionRunner
          actions={test.actions}
          apply={(action) => applyWebhookAction(ctx, action, () => "")}
          holds={(action) => alertActionHolds(ctx, action)}
          readBack={(action, hooks) => confirmAlertAction(ctx, action, hooks)}
          // PutEvents leaves nothing to read: a lost answer may mean a message already in the channel.
          lostAnswer={(action) => (isTestEvent(action) ? a.webhookTestMayHavePosted(props.mask) : undefined)}
          onFinished={(outcome) => (outcome.stopped ? props.onStopped() : props.onSent())}
        />
      )}
      {test?.stage === "asking" && (
        <>
          <Text>{a.webhookTestQuestion(props.mask)}</Text>
          <Text dimColor>{a.webhookTestKeys}</Text>
        </>
      )}
      {test?.stage === "answered" && <Text color={test.arrived ? "green" : "yellow"}>{a.webhookTestRecorded(test.arrived)}</Text>}
      <SimulatedChannel />
    </Box>
  );
}
