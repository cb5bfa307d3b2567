import { PageHeading } from '../../components/PageHeading.tsx';

export function AdminUserPage() {
  return <PageHeading>TODO</PageHeading>;
}
