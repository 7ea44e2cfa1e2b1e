import { Link } from 'react-router-dom';
import { useMe } from '../../api/queries';
import { isSuperAdmin } from '../../lib/roles';
import { PageTitle } from '../../components/PageTitle';

/** The page title of an agency-scoped admin page, with a way back for the super admin. */
export function AgencyHeading({ title, agencyName }: { title: string; agencyName?: string }) {
  const me = useMe();
  return (
    <>
      {isSuperAdmin(me.data) ? (
        <p className="breadcrumb">
          <Link to="/admin/instansi">‹ Semua instansi</Link>
        </p>
      ) : null}
      <PageTitle title={agencyName ? `${title} — ${agencyName}` : title}>
        {title}
        {agencyName ? <span className="subtitle">{agencyName}</span> : null}
      </PageTitle>
    </>
  );
}
