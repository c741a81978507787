import type { Role } from '@/lib/api/types';

/** The signed-in console session: a bearer token plus what the sign-in told us. Kept in localStorage. */
export interface Session {
  token: string;
  expiresAt: number;
  email?: string;
  role?: Role;
  projectId?: string;
  superadmin?: boolean;
}

const KEY = 'ai-assistants.session';
const PROJECT_KEY = 'ai-assistants.project';
type Listener = () => void;
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

export const sessionStore = {
  get(): Session | null {
    if (current && current.expiresAt <= Date.now()) current = null;
    return current;
  },
  set(session: Session | null) {
    current = session;
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The project a superadmin chose (sent as X-Project-Id); null means the user's own project. */
  selectedProject(): string | null {
    return localStorage.getItem(PROJECT_KEY);
  },
  selectProject(projectId: string | null) {
    if (projectId) localStorage.setItem(PROJECT_KEY, projectId);
    else localStorage.removeItem(PROJECT_KEY);
    listeners.forEach((listener) => listener());
  },
};
