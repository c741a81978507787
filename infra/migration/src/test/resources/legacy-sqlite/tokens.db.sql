-- mcp-servers/calendar-mcp-server/token_store.py, TokenStore._init_db
CREATE TABLE IF NOT EXISTS oauth_tokens (
    customer_id TEXT PRIMARY KEY,
    access_token TEXT NOT NULL,
    refresh_token TEXT NOT NULL,
    token_expiry TEXT NOT NULL,
    calendar_email TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_oauth_tokens_customer_id ON oauth_tokens(customer_id);
