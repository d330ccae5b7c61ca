// The demo's simulated channel: how many messages the webhook received, and the last one's text (as Slack shows it).
import { Text } from "ink";
import { useUi } from "../ui-context.js";

export function SimulatedChannel() {
  const { t, standIn } = useUi();
  const channel = standIn?.webhookChannel() ?? [];
  const last = channel.at(-1);
  if (!standIn || !last) return null;
  return (
    <>
      <Text color="magenta">{t.alerts.channel(channel.length)}</Text>
      <Text color="magenta">{t.alerts.channelMessage(slackText(last.body))}</Text>
    </>
  );
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
