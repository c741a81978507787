-- mcp-servers/professionals-mcp-server/main.py, init_db
CREATE TABLE IF NOT EXISTS areas (
    area_id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS specialties (
    specialty_id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT,
    area_id TEXT,
    created_at TEXT NOT NULL,
    FOREIGN KEY (area_id) REFERENCES areas(area_id)
);
CREATE TABLE IF NOT EXISTS professionals (
    professional_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS professional_specialties (
    professional_id TEXT NOT NULL,
    specialty_id TEXT NOT NULL,
    PRIMARY KEY (professional_id, specialty_id),
    FOREIGN KEY (professional_id) REFERENCES professionals(professional_id),
    FOREIGN KEY (specialty_id) REFERENCES specialties(specialty_id)
);
CREATE INDEX IF NOT EXISTS idx_specialties_area ON specialties(area_id);
CREATE INDEX IF NOT EXISTS idx_professional_specialties_prof ON professional_specialties(professional_id);
CREATE INDEX IF NOT EXISTS idx_professional_specialties_spec ON professional_specialties(specialty_id);
