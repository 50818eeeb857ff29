import { List, ListItemButton, ListItemText, ListSubheader } from '@mui/material';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

const GROUPS = [
  { heading: null, items: [{ to: '/', key: 'nav.dashboard' }] },
  {
    heading: 'nav.serialGeneration',
    items: [{ to: '/configuration', key: 'nav.configuration' }, { to: '/generation', key: 'nav.generationProcess' }],
  },
  {
    heading: 'nav.more',
    items: [{ to: '/recipes', key: 'nav.recipes' }, { to: '/erp', key: 'nav.erp' }, { to: '/pools', key: 'nav.pools' }],
  },
];

/** The specification's navigation: Serial Generation → Configuration | Generation Process, then the other screens. */
export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')}>
      {GROUPS.map((group, index) => (
        <List key={index} dense component="div" aria-labelledby={group.heading ? `nav-${index}` : undefined}
          subheader={group.heading ? <ListSubheader component="div" id={`nav-${index}`}>{t(group.heading)}</ListSubheader> : undefined}>
          {group.items.map((item) => (
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
