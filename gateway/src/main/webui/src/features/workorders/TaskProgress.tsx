import { Box, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generation } from '../../api/endpoints';
import type { GenerationTask } from '../../api/types';
import { useFormat } from '../../i18n/format';

const TERMINAL = new Set(['completed', 'failed']);

/** A running task's progress bar, read from the task once a second until it ends. */
export function TaskProgress({ taskId, onEnded }: { taskId: string; onEnded(task: GenerationTask): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [task, setTask] = useState<GenerationTask | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const current = await generation.task(taskId);
        if (stopped) return;
        setTask(current);
        if (TERMINAL.has(current.status)) {
          onEnded(current);
          return;
        }
      } catch {
        // asked again below
      }
      if (!stopped) timer = setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // one poll loop per task: the parent's onEnded is a new function at every render
  }, [taskId]);
  const percent = task?.progress_percent ?? 0;
  const label = t('details.progress', {
    kind: t(`kind.${task?.kind ?? 'serial'}`), generated: format.number(task?.generated ?? 0),
    requested: format.number(task?.requested ?? 0), percent,
  });
  return (
    <Box sx={{ my: 2 }} aria-live="polite">
      <Typography id={`progress-${taskId}`}>{label}</Typography>
      <LinearProgress variant={task ? 'determinate' : 'indeterminate'} value={percent} aria-labelledby={`progress-${taskId}`} />
    </Box>
  );
}
