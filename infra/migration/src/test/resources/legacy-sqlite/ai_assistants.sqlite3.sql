-- journal_mode: wal
-- apps/backend/persistence/sqlite_store.py, SqliteConversationStore._init_schema
CREATE TABLE IF NOT EXISTS conversations (
  conversation_id TEXT PRIMARY KEY,
  state_json TEXT NOT NULL
);
-- apps/backend/persistence/sqlite_memory_store.py, SqliteCustomerMemoryStore._init_schema
CREATE TABLE IF NOT EXISTS customer_memory (
  project_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  memory_json TEXT NOT NULL,
  updated_at_iso TEXT NOT NULL,
  PRIMARY KEY (project_id, customer_id)
);
-- apps/backend/persistence/sqlite_job_store.py, SqliteJobStore._init_schema
CREATE TABLE IF NOT EXISTS jobs (
  job_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id TEXT,
  response_text TEXT,
  error_text TEXT,
  created_at_iso TEXT NOT NULL,
  updated_at_iso TEXT NOT NULL
);
-- apps/backend/memory/vector_store.py, SqliteVectorMemoryStore._init_schema
CREATE TABLE IF NOT EXISTS vector_memory (
  item_id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  text TEXT NOT NULL,
  embedding_json TEXT NOT NULL,
  created_at_iso TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_vector_memory_scope ON vector_memory (project_id, customer_id);
