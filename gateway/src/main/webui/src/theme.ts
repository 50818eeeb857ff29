import { createTheme } from '@mui/material';

// Colours with at least 4.5:1 contrast on white (WCAG 2.1 AA), and a focus ring that always shows.
export const theme = createTheme({
  palette: {
    primary: { main: '#0d47a1' },
    secondary: { main: '#6a1b9a' },
    success: { main: '#1b5e20' },
    info: { main: '#01579b' },
    warning: { main: '#8a4b00' },
    error: { main: '#b71c1c' },
    text: { secondary: '#4a4a4a' },
  },
  components: {
    // a table wider than a phone scrolls inside its box; the box takes focus so the keyboard can scroll it too
    MuiTableContainer: { defaultProps: { tabIndex: 0 } },
    // a disabled field's help stays readable (MUI's disabled grey is below 4.5:1)
    MuiFormHelperText: { styleOverrides: { root: { '&.Mui-disabled': { color: '#4a4a4a' } } } },
    MuiCssBaseline: {
      styleOverrides: { '*:focus-visible': { outline: '3px solid #ff9800', outlineOffset: 2 } },
    },
  },
});
