import { CssBaseline, ThemeProvider } from '@mui/material';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { ConfigurationPage } from './features/configuration/ConfigurationPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { ErpPage } from './features/erp/ErpPage';
import { PoolsPage } from './features/pools/PoolsPage';
import { RecipesPage } from './features/recipes/RecipesPage';
import { GenerationProcessPage } from './features/workorders/GenerationProcessPage';
import { WorkOrderDetailsPage } from './features/workorders/WorkOrderDetailsPage';
import { WorkOrderFormPage } from './features/workorders/WorkOrderFormPage';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/NotFoundPage';
import { LiveProvider } from './live/LiveContext';
import { theme } from './theme';

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
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </ThemeProvider>
  );
}
