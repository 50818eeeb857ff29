import { CssBaseline, ThemeProvider } from '@mui/material';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { GenerationProcessPage } from './features/workorders/GenerationProcessPage';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/NotFoundPage';
import { LiveProvider } from './live/LiveContext';
import { theme } from './theme';

// Screens other than the Generation Process (the one that must show fastest) load when first visited.
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const ConfigurationPage = lazy(() => import('./features/configuration/ConfigurationPage').then((m) => ({ default: m.ConfigurationPage })));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ErpPage = lazy(() => import('./features/erp/ErpPage').then((m) => ({ default: m.ErpPage })));
const PoolsPage = lazy(() => import('./features/pools/PoolsPage').then((m) => ({ default: m.PoolsPage })));
const RecipesPage = lazy(() => import('./features/recipes/RecipesPage').then((m) => ({ default: m.RecipesPage })));
const WorkOrderDetailsPage = lazy(() => import('./features/workorders/WorkOrderDetailsPage').then((m) => ({ default: m.WorkOrderDetailsPage })));
const WorkOrderFormPage = lazy(() => import('./features/workorders/WorkOrderFormPage').then((m) => ({ default: m.WorkOrderFormPage })));

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireAuth><LiveProvider><AppShell /></LiveProvider></RequireAuth>}>
              <Route index element={<DashboardPage />} />
              <Route path="configuration" element={<ConfigurationPage />} />
              <Route path="generation" element={<GenerationProcessPage />} />
              <Route path="workorders/new" element={<WorkOrderFormPage />} />
              <Route path="workorders/:woId" element={<WorkOrderDetailsPage />} />
              <Route path="workorders/:woId/edit" element={<WorkOrderFormPage />} />
              <Route path="recipes" element={<RecipesPage />} />
              <Route path="erp" element={<ErpPage />} />
              <Route path="pools" element={<PoolsPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </ThemeProvider>
  );
}
