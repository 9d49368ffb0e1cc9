package io.aoi.opcua;

/**
 * How much a client's subscriptions may hold on the server. Milo's defaults let one client hold subscriptions for a
 * day that queue up to 65,535 events per monitored item, without ever publishing: 20 anonymous sessions with 500
 * ResultReady items each pushed the station's heap from 0.13 to 3.2 GB in a minute, and it stayed after they left.
 * With these limits a client that stops publishing loses its subscriptions after {@link #maxLifetimeMillis} (it
 * catches up with GetResultsInWindow, see plugin/OPCUA.md), and the events queued for it are bounded by the item
 * counts and the event queue. A subscription or monitored item past a count is refused with
 * Bad_TooManySubscriptions or Bad_TooManyMonitoredItems; a longer publishing interval or lifetime and a larger event
 * queue are revised down, as the spec allows.
 *
 * @param maxSubscriptionsPerSession  subscriptions one session may hold (Milo's {@code MaxSubscriptionsPerSession})
 * @param maxSubscriptions            subscriptions server-wide ({@code MaxSubscriptions})
 * @param maxItemsPerSession          monitored items (data and event) of one session
 *                                    ({@code MaxMonitoredItemsPerSession})
 * @param maxItems                    monitored items server-wide ({@code MaxMonitoredItems})
 * @param maxPublishingIntervalMillis the longest publishing interval granted ({@code MaxPublishingInterval})
 * @param maxLifetimeMillis           the longest a subscription lives without a Publish request: publishing interval
 *                                    times lifetime count ({@code MaxSubscriptionLifetime})
 * @param maxEventQueue               events an event item queues between two Publish responses, oldest discarded
 *                                    first ({@link EventQueueCap}; Milo's own cap is 65,535)
 */
public record SubscriptionLimits(int maxSubscriptionsPerSession, int maxSubscriptions, int maxItemsPerSession,
        int maxItems, long maxPublishingIntervalMillis, long maxLifetimeMillis, int maxEventQueue) {
    /**
     * 4 subscriptions and 100 monitored items per session, 100 and 500 server-wide, publishing at least once a
     * minute, a subscription dropped after 10 minutes without a Publish request, 1,000 events queued per event item
     * (100 s of frames at 10 frames/s; a client that falls further behind catches up with GetResultsInWindow). An MES
     * client needs one event item and a few dozen data items. At about 2 KB an event held per item, what all
     * clients together can make the station hold is about 500 x 1,000 x 2 KB = 1 GB at worst.
     */
    public static final SubscriptionLimits DEFAULTS = new SubscriptionLimits(4, 100, 100, 500, 60_000, 600_000,
            1_000);

    public SubscriptionLimits {
        if (maxSubscriptionsPerSession < 1 || maxSubscriptions < maxSubscriptionsPerSession) {
            throw new IllegalArgumentException("maxSubscriptionsPerSession = " + maxSubscriptionsPerSession
                    + ", maxSubscriptions = " + maxSubscriptions + "; allowed: 1 or more per session, at least as "
                    + "many server-wide");
        }
        if (maxItemsPerSession < 1 || maxItems < maxItemsPerSession) {
            throw new IllegalArgumentException("maxItemsPerSession = " + maxItemsPerSession + ", maxItems = "
                    + maxItems + "; allowed: 1 or more per session, at least as many server-wide");
        }
        if (maxEventQueue < 1) {
            throw new IllegalArgumentException("maxEventQueue = " + maxEventQueue + "; allowed: 1 or more");
        }
        if (maxPublishingIntervalMillis < 1_000 || maxLifetimeMillis < 3 * maxPublishingIntervalMillis) {
            throw new IllegalArgumentException("maxPublishingIntervalMillis = " + maxPublishingIntervalMillis
                    + ", maxLifetimeMillis = " + maxLifetimeMillis + "; allowed: an interval of 1000 ms or more and"
                    + " a lifetime of at least three intervals (the spec's minimum lifetime count)");
        }
    }
}
