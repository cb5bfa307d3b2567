import { PageHeading } from '../../components/PageHeading.tsx';

export function AccessLogPage() {
  return <PageHeading>TODO</PageHeading>;
}
