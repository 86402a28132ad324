import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { clearSession, storedToken, storedUser, storeSession, type SessionUser } from './session-store';

interface SessionValue {
  user: SessionUser | null;
  signIn: (token: string, user: SessionUser) => void;
  signOut: () => void;
}

const SessionContext = createContext<SessionValue>({
  user: null,
  signIn: () => undefined,
  signOut: () => undefined,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => (storedToken() ? storedUser() : null));
  const signIn = useCallback((token: string, next: SessionUser) => {
    storeSession(token, next);
    setUser(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}
