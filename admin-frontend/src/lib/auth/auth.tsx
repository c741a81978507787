import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, data } from '@/lib/api/client';
import type { Me, ProjectSummary, Role } from '@/lib/api/types';
import type { RuntimeConfig } from '@/lib/config';
import { cognitoSignOut, startCognitoSignIn } from './oidc';
import { sessionStore, type Session } from './session';

const rank: Record<Role, number> = { staff: 0, admin: 1, owner: 2 };

/** True when `role` is at least `minimum` (owner > admin > staff). */
export function hasRole(role: Role | undefined, minimum: Role): boolean {
  return role !== undefined && rank[role] >= rank[minimum];
}

interface AuthContextValue {
  config: RuntimeConfig;
  session: Session | null;
  me: Me | undefined;
  meLoading: boolean;
  /** The project the console shows (a superadmin's choice, else the user's own). */
  project: ProjectSummary | undefined;
  signInLocal(email: string, password: string): Promise<void>;
  signInCognito(returnTo: string): Promise<void>;
  signOut(): void;
  selectProject(projectId: string): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

function useSession() {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

function useSelectedProject() {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.selectedProject, sessionStore.selectedProject);
}

export function AuthProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const session = useSession();
  const selected = useSelectedProject();
  const queryClient = useQueryClient();

  const meQuery = useQuery({
    queryKey: ['me', session?.token],
    enabled: session !== null,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Me> => {
      try {
        return await data(client.GET('/v1/admin/me'));
      } catch (error) {
        // an API without /me yet: what the sign-in answered is enough to run the console
        if (error instanceof ApiError && error.status === 404 && session?.role && session.projectId) {
          return {
            email: session.email ?? '',
            role: session.role,
            project_id: session.projectId,
            superadmin: Boolean(session.superadmin),
            projects: [{ project_id: session.projectId, name: session.projectId, locale: 'es', time_zone: 'UTC' }],
          };
        }
        throw error;
      }
    },
  });
  const me = meQuery.data;

  const signInLocal = useCallback(async (email: string, password: string) => {
    const login = await data(client.POST('/v1/admin/login', { body: { email, password } }));
    sessionStore.set({
      token: login.access_token,
      expiresAt: Date.now() + login.expires_in * 1000,
      email,
      role: (['owner', 'admin', 'staff'] as const).find((role) => role === login.role),
      projectId: login.project_id,
      superadmin: login.superadmin,
    });
  }, []);

  const signInCognito = useCallback(
    async (returnTo: string) => {
      if (config.auth.mode === 'cognito') await startCognitoSignIn(config.auth, returnTo);
    },
    [config],
  );

  const signOut = useCallback(() => {
    sessionStore.set(null);
    sessionStore.selectProject(null);
    queryClient.clear();
    if (config.auth.mode === 'cognito') void cognitoSignOut(config.auth);
  }, [config, queryClient]);

  const selectProject = useCallback(
    (projectId: string) => {
      sessionStore.selectProject(projectId);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
    [queryClient],
  );

  const project = useMemo(() => {
    if (!me) return undefined;
    const wanted = (me.superadmin && selected) || me.project_id;
    return me.projects.find((p) => p.project_id === wanted) ?? me.projects[0];
  }, [me, selected]);

  const value = useMemo<AuthContextValue>(
    () => ({
      config,
      session,
      me,
      meLoading: meQuery.isLoading,
      project,
      signInLocal,
      signInCognito,
      signOut,
      selectProject,
    }),
    [config, session, me, meQuery.isLoading, project, signInLocal, signInCognito, signOut, selectProject],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
