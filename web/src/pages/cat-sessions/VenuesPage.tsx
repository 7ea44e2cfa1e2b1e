import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catKeys, catSessionsApi, type CatRoom, type CatVenue } from '../../api/cat-sessions';
import { errorMessage } from '../../api/client';
import { examPaths } from '../../api/cat-exam';
import { useAgencyDetail, useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageCat, canReadCat, catPaths } from './access';
import './cat-sessions.css';

const venueLabels = { name: 'Nama lokasi', address: 'Alamat' };
const roomLabels = { name: 'Nama ruang', seats: 'Jumlah kursi (komputer)' };

function VenueForm({ agencyId, venue, onDone, onCancel }: { agencyId: string; venue?: CatVenue; onDone: (message: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(venue?.name ?? '');
  const [address, setAddress] = useState(venue?.address ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), address: address.trim() };
      return venue ? catSessionsApi.updateVenue(agencyId, venue.id, body) : catSessionsApi.createVenue(agencyId, body);
    },
    onSuccess: ({ venue: saved }) => {
      void queryClient.invalidateQueries({ queryKey: catKeys.all(agencyId) });
      onDone(venue ? `Lokasi ${saved.name} telah diperbarui.` : `Lokasi ${saved.name} telah ditambahkan. Tambahkan ruangnya.`);
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={venueLabels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label={venueLabels.name} name="name" required autoComplete="off" hint="Mis. SMK Negeri 1 Manna atau Kantor BKPSDM." value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <TextField label={venueLabels.address} name="address" autoComplete="off" value={address} onValueChange={setAddress} error={fieldError(save.error, 'address')} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : venue ? 'Simpan lokasi' : 'Tambah lokasi'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function RoomForm({ agencyId, venue, room, onDone, onCancel }: { agencyId: string; venue: CatVenue; room?: CatRoom; onDone: (message: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(room?.name ?? '');
  const [seats, setSeats] = useState(room ? String(room.seats) : '');
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), seats: Number(seats.trim()) };
      return room ? catSessionsApi.updateRoom(agencyId, room.id, body) : catSessionsApi.createRoom(agencyId, venue.id, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catKeys.all(agencyId) });
      onDone(room ? `Ruang ${name.trim()} telah diperbarui.` : `Ruang ${name.trim()} telah ditambahkan di ${venue.name}.`);
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={roomLabels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label={roomLabels.name} name="roomName" required autoComplete="off" hint="Mis. Lab Komputer 1." value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <TextField
          label={roomLabels.seats}
          name="seats"
          required
          inputMode="numeric"
          autoComplete="off"
          hint="Kapasitas setiap sesi di ruang ini; nomor kursi 1 sampai jumlah ini."
          value={seats}
          onValueChange={setSeats}
          error={fieldError(save.error, 'seats')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : room ? 'Simpan ruang' : 'Tambah ruang'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function DeleteConfirm({ what, run, onDone, onCancel }: { what: string; run: () => Promise<unknown>; onDone: () => void; onCancel: () => void }) {
  const remove = useMutation({ mutationFn: run, onSuccess: onDone });
  return (
    <>
      <p>{what} akan dihapus. Lokasi atau ruang yang sudah dipakai sesi ujian tidak dapat dihapus.</p>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? 'Menghapus…' : 'Ya, hapus'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </>
  );
}

type Panel =
  | { kind: 'venue'; venue?: CatVenue }
  | { kind: 'room'; venue: CatVenue; room?: CatRoom }
  | { kind: 'deleteVenue'; venue: CatVenue }
  | { kind: 'deleteRoom'; venue: CatVenue; room: CatRoom }
  | null;

function panelTitle(panel: NonNullable<Panel>): string {
  switch (panel.kind) {
    case 'venue':
      return panel.venue ? `Ubah lokasi: ${panel.venue.name}` : 'Tambah lokasi ujian';
    case 'room':
      return panel.room ? `Ubah ruang: ${panel.room.name}` : `Tambah ruang di ${panel.venue.name}`;
    case 'deleteVenue':
      return `Hapus lokasi ${panel.venue.name}?`;
    case 'deleteRoom':
      return `Hapus ruang ${panel.room.name}?`;
  }
}

function Venues({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const manage = canManageCat(me.data, agencyId);
  const queryClient = useQueryClient();
  const { name: agencyName } = useAgencyDetail(agencyId);
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const venues = useQuery({ queryKey: catKeys.venues(agencyId), queryFn: () => catSessionsApi.venues(agencyId) });
  useEffect(() => {
    if (panel) panelHeading.current?.focus();
  }, [panel]);
  const open = (next: Panel) => {
    setDone(null);
    setPanel(next);
  };
  const finish = (message: string) => {
    setPanel(null);
    setDone(message);
    void queryClient.invalidateQueries({ queryKey: catKeys.all(agencyId) });
  };

  return (
    <>
      <AgencyHeading title="Lokasi ujian CAT" agencyName={agencyName} />
      <p>
        Lokasi dan ruang tempat ujian CAT berlangsung. Jumlah kursi sebuah ruang adalah kapasitas setiap sesi di ruang itu. Jadwal sesi diatur di{' '}
        <Link to={catPaths.sessions(agencyId)}>Sesi ujian CAT</Link>.
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-lokasi">
          <h2 id="judul-panel-lokasi" tabIndex={-1} ref={panelHeading}>
            {panelTitle(panel)}
          </h2>
          {panel.kind === 'venue' ? (
            <VenueForm agencyId={agencyId} venue={panel.venue} onDone={finish} onCancel={() => setPanel(null)} />
          ) : panel.kind === 'room' ? (
            <RoomForm agencyId={agencyId} venue={panel.venue} room={panel.room} onDone={finish} onCancel={() => setPanel(null)} />
          ) : panel.kind === 'deleteVenue' ? (
            <DeleteConfirm
              what={`Lokasi ${panel.venue.name} beserta ruangnya`}
              run={() => catSessionsApi.deleteVenue(agencyId, panel.venue.id)}
              onDone={() => finish(`Lokasi ${panel.venue.name} telah dihapus.`)}
              onCancel={() => setPanel(null)}
            />
          ) : (
            <DeleteConfirm
              what={`Ruang ${panel.room.name} di ${panel.venue.name}`}
              run={() => catSessionsApi.deleteRoom(agencyId, panel.room.id)}
              onDone={() => finish(`Ruang ${panel.room.name} telah dihapus.`)}
              onCancel={() => setPanel(null)}
            />
          )}
        </section>
      ) : manage ? (
        <p>
          <button type="button" className="button" onClick={() => open({ kind: 'venue' })}>
            Tambah lokasi
          </button>
        </p>
      ) : null}

      {venues.isPending ? (
        <Loading label="Memuat lokasi ujian…" />
      ) : venues.isError ? (
        <ErrorState error={venues.error} onRetry={() => void venues.refetch()} />
      ) : venues.data.items.length === 0 ? (
        <EmptyState>Belum ada lokasi ujian. Tambahkan lokasi, lalu ruang dan jumlah kursinya.</EmptyState>
      ) : (
        venues.data.items.map((venue) => (
          <section key={venue.id} className="card venue-card" aria-labelledby={`lokasi-${venue.id}`}>
            <h2 id={`lokasi-${venue.id}`}>{venue.name}</h2>
            {venue.address ? <p className="muted">{venue.address}</p> : null}
            <p>
              <Link to={examPaths.board({ venue: venue.id })}>Papan nilai langsung lokasi ini</Link>
            </p>
            <p>
              {formatNumber(venue.rooms.length)} ruang, {formatNumber(venue.rooms.reduce((sum, room) => sum + room.seats, 0))} kursi
            </p>
            {venue.rooms.length > 0 ? (
              <div className="table-wrap" role="region" aria-labelledby={`ruang-${venue.id}`} tabIndex={0}>
                <table>
                  <caption id={`ruang-${venue.id}`}>Ruang di {venue.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ruang</th>
                      <th scope="col" className="num">
                        Kursi
                      </th>
                      <th scope="col" className="num">
                        Sesi
                      </th>
                      {manage ? <th scope="col">Aksi</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {venue.rooms.map((room) => (
                      <tr key={room.id}>
                        <th scope="row">{room.name}</th>
                        <td className="num">{formatNumber(room.seats)}</td>
                        <td className="num">{formatNumber(room.sessions)}</td>
                        {manage ? (
                          <td>
                            <div className="row-actions">
                              <button type="button" className="button button-small button-secondary" onClick={() => open({ kind: 'room', venue, room })}>
                                Ubah<span className="visually-hidden"> ruang {room.name}</span>
                              </button>
                              <button type="button" className="button button-small button-danger" onClick={() => open({ kind: 'deleteRoom', venue, room })}>
                                Hapus<span className="visually-hidden"> ruang {room.name}</span>
                              </button>
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <EmptyState>Belum ada ruang di lokasi ini.</EmptyState>
            )}
            {manage ? (
              <div className="row-actions">
                <button type="button" className="button button-small" onClick={() => open({ kind: 'room', venue })}>
                  Tambah ruang<span className="visually-hidden"> di {venue.name}</span>
                </button>
                <button type="button" className="button button-small button-secondary" onClick={() => open({ kind: 'venue', venue })}>
                  Ubah lokasi<span className="visually-hidden"> {venue.name}</span>
                </button>
                <button type="button" className="button button-small button-danger" onClick={() => open({ kind: 'deleteVenue', venue })}>
                  Hapus lokasi<span className="visually-hidden"> {venue.name}</span>
                </button>
              </div>
            ) : null}
          </section>
        ))
      )}
    </>
  );
}

export function CatVenuesPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadCat(me, agencyId)}>{() => <Venues key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
