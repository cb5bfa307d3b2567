import { useMutation } from '@tanstack/react-query';
import { logout } from '../../../../core/contracts/auth.ts';
import { call } from '../../api/client.ts';
import { useSession } from './session.tsx';

/** Ends the session on the server, then here, whatever the server answered. */
export function useLogout() {
  const { end } = useSession();
  return useMutation({
    mutationFn: () => call(logout),
    onSettled: () => {
      end('logged_out');
    },
  });
}
