-- mcp-servers/booking-flow-mcp-server/main.py, init_db (flows, flow_stages and the first two automata tables)
CREATE TABLE IF NOT EXISTS flows (
    flow_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    domain TEXT NOT NULL DEFAULT 'bookings',
    is_active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS flow_stages (
    stage_id TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL,
    stage_order INTEGER NOT NULL,
    stage_name TEXT NOT NULL,
    stage_type TEXT NOT NULL,
    prompt_text TEXT,
    field_name TEXT,
    field_type TEXT,
    validation_rules TEXT,
    is_required INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (flow_id) REFERENCES flows(flow_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_flows_domain ON flows(domain);
CREATE INDEX IF NOT EXISTS idx_flows_active ON flows(is_active);
CREATE INDEX IF NOT EXISTS idx_stages_flow ON flow_stages(flow_id);
CREATE INDEX IF NOT EXISTS idx_stages_order ON flow_stages(flow_id, stage_order);
CREATE TABLE IF NOT EXISTS automata (
    automaton_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    domain TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    is_active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT,
    tags TEXT,
    metadata_json TEXT
);
CREATE TABLE IF NOT EXISTS automata_versions (
    version_id TEXT PRIMARY KEY,
    automaton_id TEXT NOT NULL,
    version_number INTEGER NOT NULL,
    system_prompt TEXT NOT NULL,
    prompt_hash TEXT,
    change_description TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT,
    is_current INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (automaton_id) REFERENCES automata(automaton_id) ON DELETE CASCADE,
    UNIQUE(automaton_id, version_number)
);
