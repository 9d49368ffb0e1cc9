package io.aoi.opcua;

/**
 * How much a client's subscriptions may hold on the server. Milo's defaults let one client hold subscriptions for a
 * day that queue up to 65,535 events per monitored item, without ever publishing: 20 anonymous sessions with 500
 * ResultReady items each pushed the station's heap from 0.13 to 3.2 GB in a minute, and it stayed after they left.
 * With these limits a client that stops publishing loses its subscriptions after {@link #maxLifetimeMillis} (it
 * catches up with GetResultsInWindow, see plugin/OPCUA.md), and the events queued for it are bounded by the item
 * counts. A subscription or monitored item past a count is refused with Bad_TooManySubscriptions or
 * Bad_TooManyMonitoredItems; a longer publishing interval or lifetime is revised down, as the spec allows.
 *
 * @param maxSubscriptionsPerSession  subscriptions one session may hold (Milo's {@code MaxSubscriptionsPerSession})
 * @param maxSubscriptions            subscriptions server-wide ({@code MaxSubscriptions})
 * @param maxItemsPerSession          monitored items (data and event) of one session
 *                                    ({@code MaxMonitoredItemsPerSession})
 * @param maxItems                    monitored items server-wide ({@code MaxMonitoredItems})
 * @param maxPublishingIntervalMillis the longest publishing interval granted ({@code MaxPublishingInterval})
 * @param maxLifetimeMillis           the longest a subscription lives without a Publish request: publishing interval
 *                                    times lifetime count ({@code MaxSubscriptionLifetime})
 */
public record SubscriptionLimits(int maxSubscriptionsPerSession, int maxSubscriptions, int maxItemsPerSession,
        int maxItems, long maxPublishingIntervalMillis, long maxLifetimeMillis) {
    /**
     * 4 subscriptions and 100 monitored items per session, 100 and 1,000 server-wide, publishing at least once a
     * minute, a subscription dropped after 10 minutes without a Publish request. An MES client needs one event item
     * and a few dozen data items.
     */
    public static final SubscriptionLimits DEFAULTS = new SubscriptionLimits(4, 100, 100, 1_000, 60_000, 600_000);

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
        if (maxPublishingIntervalMillis < 1_000 || maxLifetimeMillis < 3 * maxPublishingIntervalMillis) {
            throw new IllegalArgumentException("maxPublishingIntervalMillis = " + maxPublishingIntervalMillis
                    + ", maxLifetimeMillis = " + maxLifetimeMillis + "; allowed: an interval of 1000 ms or more and"
                    + " a lifetime of at least three intervals (the spec's minimum lifetime count)");
        }
    }
}
