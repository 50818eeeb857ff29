import LogoutIcon from '@mui/icons-material/Logout';
import MenuIcon from '@mui/icons-material/Menu';
import { AppBar, Box, Button, Chip, Drawer, IconButton, LinearProgress, Link, Toolbar, Typography } from '@mui/material';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';

const DRAWER = 240;

/** The frame of every signed-in page: the bar with the user, the navigation, and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const [open, setOpen] = useState(false);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link href="#main" sx={{ position: 'absolute', left: -9999, '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 } }}>
        {t('app.skipToContent')}
      </Link>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
          <IconButton color="inherit" edge="start" onClick={() => setOpen(true)} aria-label={t('nav.open')}
            sx={{ display: { md: 'none' } }}>
            <MenuIcon />
          </IconButton>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>{t('app.title')}</Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <LanguageSwitch inBar />
            <Typography component="span" sx={{ display: { xs: 'none', sm: 'inline' } }} data-testid="user-name">
              {user?.username}
            </Typography>
            {user?.roles.map((role) => (
              <Chip key={role} size="small" label={t(`role.${role}`, role)} sx={{ bgcolor: 'background.paper' }} />
            ))}
            <Button color="inherit" onClick={signOut} startIcon={<LogoutIcon />}>{t('auth.signOut')}</Button>
          </Box>
        </Toolbar>
      </AppBar>
      <Drawer variant="temporary" open={open} onClose={() => setOpen(false)}
        sx={{ display: { md: 'none' }, '& .MuiDrawer-paper': { width: DRAWER } }}>
        <Navigation onNavigate={() => setOpen(false)} />
      </Drawer>
      <Drawer variant="permanent"
        sx={{ display: { xs: 'none', md: 'block' }, width: DRAWER, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER, boxSizing: 'border-box' } }}>
        <Toolbar />
        <Navigation />
      </Drawer>
      <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: { xs: 1.5, sm: 3 }, outline: 'none' }}>
        <Toolbar sx={{ mb: { xs: 4, sm: 0 } }} />
        <Suspense fallback={<LinearProgress aria-label={t('app.loading')} />}><Outlet /></Suspense>
      </Box>
    </Box>
  );
}
