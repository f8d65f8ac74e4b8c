// Which chat channel reaches a person, by the form of their id (`dingtalk-<staffId>`; Telegram's are
// numbers): one organisation may have people on both, and a ping goes out on the recipient's channel.
import type { Store } from "./store-port.ts";
import type { App } from "./app.ts";
import type { Delivery } from "./lifecycle-service.ts";
import type { ReportKey } from "./report-record.ts";

export type ChannelName = "telegram" | "dingtalk";
export type DeliverySender = (key: ReportKey, delivery: Delivery) => Promise<void>;

export function channelOf(userId: string): ChannelName | undefined {
  if (/^\d{1,20}$/u.test(userId)) return "telegram";
  if (userId.startsWith("dingtalk-")) return "dingtalk";
  return undefined;
}

const registries = new WeakMap<Store, Map<ChannelName, DeliverySender>>();

function registryOf(app: Pick<App, "store">): Map<ChannelName, DeliverySender> {
  const registry = registries.get(app.store) ?? new Map<ChannelName, DeliverySender>();
  registries.set(app.store, registry);
  return registry;
}

/** Each channel registers its sender at start (main.ts). */
export function registerDeliverySender(app: Pick<App, "store">, channel: ChannelName, send: DeliverySender): void {
  registryOf(app).set(channel, send);
}

/** Hands each delivery to its recipient's channel; one that cannot be reached is logged, the rest still go. */
export async function deliverAcrossChannels(app: Pick<App, "store" | "logger">, key: ReportKey, deliveries: readonly Delivery[]): Promise<void> {
  for (const delivery of deliveries) {
    const channel = channelOf(delivery.userId);
    const send = channel === undefined ? undefined : registryOf(app).get(channel);
    if (send === undefined) {
      app.logger.warn({ userId: delivery.userId, key: delivery.key }, "channels: no channel reaches this person");
      continue;
    }
    try {
      await send(key, delivery);
    } catch (error) {
      app.logger.warn({ err: String(error), userId: delivery.userId, key: delivery.key }, "channels: could not deliver a lifecycle message");
    }
  }
}
