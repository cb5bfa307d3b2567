import { PageHeading } from '../../components/PageHeading.tsx';

export function AdminPage() {
  return <PageHeading>TODO</PageHeading>;
}
