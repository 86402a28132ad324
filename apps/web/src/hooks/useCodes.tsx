import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { recordsApi, type CodeTables } from '../api/records';

const CodesContext = createContext<CodeTables>({});

/** The code tables (GB/T and the hub's own) load once per session and feed every drop-down. */
export function CodesProvider({ children }: { children: ReactNode }) {
  const [codes, setCodes] = useState<CodeTables>({});
  useEffect(() => {
    recordsApi.codes().then(setCodes, () => setCodes({}));
  }, []);
  return <CodesContext.Provider value={codes}>{children}</CodesContext.Provider>;
}

export function useCodes(): CodeTables {
  return useContext(CodesContext);
}

/** A code's Chinese name, or the code itself while the tables load (or if it is unknown). */
export function useCodeName(): (table: string, code: string | null | undefined) => string {
  const codes = useCodes();
  return (table, code) => {
    if (code === null || code === undefined || code === '') return '—';
    return codes[table]?.find((entry) => entry.code === code)?.name ?? code;
  };
}
