import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logout } from '../../../../core/contracts/auth.ts';
import { call } from '../../api/client.ts';
import { useSession } from './session.tsx';

/**
 * Ends the session on the server, then here, whatever the server answered. The next person to
 * log in starts at the start page, not on the page the last one had open.
 */
export function useLogout() {
  const { end } = useSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => call(logout),
    onSettled: () => {
      end('logged_out');
      void navigate('/', { replace: true });
    },
  });
}
