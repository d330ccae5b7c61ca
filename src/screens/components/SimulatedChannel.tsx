// The demo's simulated channel: how many messages the webhook received, and the last one's text (as Slack shows it).
import { Text } from "ink";
import { type Ui, useUi } from "../ui-context.js";

export function SimulatedChannel() {
  const { t, standIn } = useUi();
  return (
    <>
      {channelLines(t, standIn).map((line, i) => (
        <Text key={i} color="magenta">
          {line}
        </Text>
      ))}
    </>
  );
}

/** The channel's lines (none outside the demo, or before a message): a page counts them in its room. */
export function channelLines(t: Ui["t"], standIn: Ui["standIn"]): string[] {
  const channel = standIn?.webhookChannel() ?? [];
  const last = channel.at(-1);
  return standIn && last ? [t.alerts.channel(channel.length), t.alerts.channelMessage(slackText(last.body))] : [];
}

/** The text of a Slack message body (`{"text": …}`), or the body as it is. */
function slackText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { text?: unknown };
    return typeof parsed.text === "string" ? parsed.text : body;
  } catch {
    return body;
  }
}
