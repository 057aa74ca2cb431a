namespace SmartHome.Cloud.UnitTests.Storage;

/// <summary>The store's schema as released before issue 6 (migration 1, "initial", at 0964dd9): stores made then must still start.</summary>
internal static class ReleasedSchemaV1
{
    public const string Sql = """
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
        """;
}
