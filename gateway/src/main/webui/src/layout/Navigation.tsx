import { List, ListItemButton, ListItemText, ListSubheader } from '@mui/material';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import type { Capability } from '../auth/roles';

interface Item {
  to: string;
  key: string;
  /** shown only to the roles that may use the screen (the gateway refuses the rest regardless) */
  needs?: Capability;
}

const GROUPS: { heading: string | null; items: Item[] }[] = [
  { heading: null, items: [{ to: '/', key: 'nav.dashboard' }] },
  {
    heading: 'nav.serialGeneration',
    items: [{ to: '/configuration', key: 'nav.configuration' }, { to: '/generation', key: 'nav.generationProcess' }],
  },
  {
    heading: 'nav.more',
    items: [{ to: '/recipes', key: 'nav.recipes' }, { to: '/erp', key: 'nav.erp' }, { to: '/pools', key: 'nav.pools' },
      { to: '/audit', key: 'nav.audit', needs: 'readAuditTrail' }],
  },
];

/** The specification's navigation: Serial Generation → Configuration | Generation Process, then the other screens. */
export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <nav aria-label={t('nav.label')}>
      {GROUPS.map((group, index) => (
        <List key={index} dense component="div" aria-labelledby={group.heading ? `nav-${index}` : undefined}
          subheader={group.heading ? <ListSubheader component="div" id={`nav-${index}`}>{t(group.heading)}</ListSubheader> : undefined}>
          {group.items.filter((item) => !item.needs || can(item.needs)).map((item) => (
            <ListItemButton key={item.to} component={NavLink} to={item.to} end={item.to === '/'} onClick={onNavigate}
              sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 600 } }}>
              <ListItemText primary={t(item.key)} />
            </ListItemButton>
          ))}
        </List>
      ))}
    </nav>
  );
}
