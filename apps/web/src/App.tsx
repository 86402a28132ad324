import { Spin } from 'antd';
import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from './api/client';
import { useSession } from './auth/SessionContext';
import { canOperate, canWriteRecords } from './auth/session-store';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import { CodesProvider } from './hooks/useCodes';
import { LoginPage } from './pages/LoginPage';

// Each page is its own chunk: the login page loads without the forms, and ECharts only with 运维.
const ResidentSearchPage = lazy(() => import('./pages/residents/ResidentSearchPage'));
const ResidentPage = lazy(() => import('./pages/residents/ResidentPage'));
const HouseholdPage = lazy(() => import('./pages/residents/HouseholdPage'));
const HouseholdEntryPage = lazy(() => import('./pages/entry/HouseholdEntryPage'));
const AddMemberPage = lazy(() => import('./pages/entry/AddMemberPage'));
const ReviewQueuePage = lazy(() => import('./pages/reviews/ReviewQueuePage'));
const FindingsPage = lazy(() => import('./pages/findings/FindingsPage'));
const TodoPage = lazy(() => import('./pages/todo/TodoPage'));
const GoldenPage = lazy(() => import('./pages/reviews/GoldenPage'));
const OpsDashboardPage = lazy(() => import('./pages/ops/OpsDashboardPage'));
const FailuresPage = lazy(() => import('./pages/ops/FailuresPage'));
const DeliverySearchPage = lazy(() => import('./pages/ops/DeliverySearchPage'));
const ReconciliationPage = lazy(() => import('./pages/ops/ReconciliationPage'));

const loading = <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;

export function App() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      signOut();
      void navigate('/login', { replace: true });
    });
  }, [navigate, signOut]);

  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );
  }

  const home = canWriteRecords(user.role) ? '/residents' : '/ops';
  const writers = (page: ReactElement) => <RequireRole allow={canWriteRecords}>{page}</RequireRole>;
  const operators = (page: ReactElement) => <RequireRole allow={canOperate}>{page}</RequireRole>;
  return (
    <CodesProvider>
      <AppLayout>
        <Suspense fallback={loading}>
          <Routes>
            <Route path="/" element={<Navigate to={home} replace />} />
            <Route path="/login" element={<Navigate to={home} replace />} />
            <Route path="/residents" element={writers(<ResidentSearchPage />)} />
            <Route path="/residents/:id" element={writers(<ResidentPage />)} />
            <Route path="/households/new" element={writers(<HouseholdEntryPage />)} />
            <Route path="/households/:id" element={writers(<HouseholdPage />)} />
            <Route path="/households/:id/add-member" element={writers(<AddMemberPage />)} />
            <Route path="/reviews" element={writers(<ReviewQueuePage />)} />
            <Route path="/findings" element={writers(<FindingsPage />)} />
            <Route path="/todo" element={writers(<TodoPage />)} />
            <Route path="/golden/:id" element={writers(<GoldenPage />)} />
            <Route path="/ops" element={operators(<OpsDashboardPage />)} />
            <Route path="/ops/failures" element={operators(<FailuresPage />)} />
            <Route path="/ops/deliveries" element={operators(<DeliverySearchPage />)} />
            <Route path="/ops/reconciliation" element={operators(<ReconciliationPage />)} />
            <Route path="*" element={<Navigate to={home} replace />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </CodesProvider>
  );
}
