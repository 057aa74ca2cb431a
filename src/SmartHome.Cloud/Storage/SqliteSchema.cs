namespace SmartHome.Cloud.Storage;

/// <summary>
/// The SQLite schema. Times are Unix milliseconds; ids and JSON are text. A migration, once released, is never edited:
/// a store already at its version would not get the change; a change is a new migration.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "initial", """
            CREATE TABLE households (
                id TEXT NOT NULL PRIMARY KEY,
                twin_json TEXT NOT NULL,
                version BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );

            CREATE TABLE processed_envelopes (
                household_id TEXT NOT NULL,
                gateway_id TEXT NOT NULL,
                seq BIGINT NOT NULL,
                message_id TEXT NOT NULL,
                processed_at BIGINT NOT NULL,
                PRIMARY KEY (household_id, gateway_id, seq)
            );

            CREATE TABLE events (
                id TEXT NOT NULL PRIMARY KEY,
                household_id TEXT NOT NULL,
                type TEXT NOT NULL,
                subject TEXT NULL,
                time TEXT NOT NULL,
                data_json TEXT NOT NULL,
                created_at BIGINT NOT NULL
            );
            CREATE INDEX ix_events_household ON events (household_id, created_at);

            CREATE TABLE notifications (
                id TEXT NOT NULL PRIMARY KEY,
                household_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                json TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                published_at BIGINT NULL
            );
            CREATE INDEX ix_notifications_household ON notifications (household_id, created_at);
            CREATE INDEX ix_notifications_unpublished ON notifications (created_at) WHERE published_at IS NULL;

            CREATE TABLE partners (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                api_key_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL
            );

            CREATE TABLE householder_tokens (
                token_hash TEXT NOT NULL PRIMARY KEY,
                household_id TEXT NOT NULL,
                created_at BIGINT NOT NULL
            );

            CREATE TABLE subscriptions (
                id TEXT NOT NULL PRIMARY KEY,
                partner_id TEXT NOT NULL REFERENCES partners (id),
                types_json TEXT NOT NULL,
                webhook_url TEXT NULL,
                secret TEXT NOT NULL,
                mqtt BOOLEAN NOT NULL,
                status TEXT NOT NULL,
                created_at BIGINT NOT NULL
            );
            CREATE INDEX ix_subscriptions_partner ON subscriptions (partner_id);

            CREATE TABLE consents (
                household_id TEXT NOT NULL,
                partner_id TEXT NOT NULL REFERENCES partners (id),
                types_json TEXT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (household_id, partner_id)
            );

            CREATE TABLE deliveries (
                id TEXT NOT NULL PRIMARY KEY,
                event_id TEXT NOT NULL REFERENCES events (id),
                subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
                partner_id TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                claim_token TEXT NULL,
                last_status_code INTEGER NULL,
                last_error TEXT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (event_id, subscription_id)
            );
            CREATE INDEX ix_deliveries_due ON deliveries (status, next_attempt_at);
            CREATE INDEX ix_deliveries_partner ON deliveries (partner_id, created_at);
            CREATE INDEX ix_deliveries_claim ON deliveries (claim_token);

            CREATE TABLE server_secrets (
                name TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            );
            """),
        new(2, "partner delivery", """
            ALTER TABLE subscriptions ADD COLUMN previous_secret TEXT NULL;
            ALTER TABLE subscriptions ADD COLUMN previous_secret_expires_at BIGINT NULL;
            ALTER TABLE subscriptions ADD COLUMN disabled_reason TEXT NULL;
            ALTER TABLE subscriptions ADD COLUMN disabled_at BIGINT NULL;
            ALTER TABLE subscriptions ADD COLUMN failing_since BIGINT NULL;
            ALTER TABLE subscriptions ADD COLUMN filter_json TEXT NULL;

            ALTER TABLE deliveries ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE deliveries ADD COLUMN subject TEXT NULL;
            UPDATE deliveries SET subject = (SELECT e.subject FROM events e WHERE e.id = deliveries.event_id);
            CREATE INDEX ix_deliveries_subject ON deliveries (subscription_id, subject, status);
            CREATE INDEX ix_deliveries_subscription ON deliveries (subscription_id, status);

            CREATE TABLE delivery_attempts (
                delivery_id TEXT NOT NULL REFERENCES deliveries (id),
                attempt INTEGER NOT NULL,
                started_at BIGINT NOT NULL,
                latency_ms BIGINT NOT NULL,
                outcome TEXT NOT NULL,
                status_code INTEGER NULL,
                error TEXT NULL,
                PRIMARY KEY (delivery_id, attempt)
            );

            CREATE TABLE partner_notices (
                id TEXT NOT NULL PRIMARY KEY,
                partner_id TEXT NOT NULL REFERENCES partners (id),
                subscription_id TEXT NULL,
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                created_at BIGINT NOT NULL
            );
            CREATE INDEX ix_partner_notices_partner ON partner_notices (partner_id, created_at);
            """),
        new(3, "householder notification policy", """
            -- When the push channels (MQTT, the household's webhook) may send a notification: quiet hours hold
            -- non-urgent ones back. NULL means at once.
            ALTER TABLE notifications ADD COLUMN release_at BIGINT NULL;
            """),
        new(4, "household notification webhook", """
            -- The household's own webhook (ntfy, Gotify, Home Assistant or signed JSON). Notifications stored after
            -- enqueued_through (a notifications rowid) are queued for it; older ones never are.
            CREATE TABLE household_webhooks (
                household_id TEXT NOT NULL PRIMARY KEY,
                url TEXT NOT NULL,
                format TEXT NOT NULL,
                token TEXT NULL,
                secret TEXT NULL,
                status TEXT NOT NULL,
                last_error TEXT NULL,
                last_delivered_at BIGINT NULL,
                enqueued_through BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );

            -- One row per notification queued for a household webhook; a claimed row's next_attempt_at is the end of
            -- its claim, so a crash mid-attempt makes it due again after that.
            CREATE TABLE household_webhook_sends (
                notification_id TEXT NOT NULL PRIMARY KEY,
                household_id TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                claim_token TEXT NULL,
                last_status_code INTEGER NULL,
                last_error TEXT NULL,
                sent_at BIGINT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE INDEX ix_household_webhook_sends_pending ON household_webhook_sends (household_id) WHERE status = 'pending';
            """),
    ];
}
