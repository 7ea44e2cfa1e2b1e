// The Kota Manna admin creates a satisfaction survey for a service unit and opens it; the QR code
// printed at the desk carries the survey link (checked byte for byte against a QR of that link); a
// citizen without an account opens the link on a phone, first forgets one question (the form names
// it), then submits; the admin sees the respondent, the IKM and its grade.
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { DEMO_PASSWORD, KOTA_MANNA_ADMIN_EMAIL, eventually, logIn, type Journey } from './harness.js';

// The citizen's answers: 34 of 36 points → IKM = 25 × 34 ÷ 9 = 94.44, grade A.
const ANSWERS: Array<[string, string]> = [
  ['Persyaratan', 'Sangat sesuai'],
  ['Sistem, Mekanisme, dan Prosedur', 'Sangat mudah'],
  ['Waktu Penyelesaian', 'Cepat'],
  ['Biaya/Tarif', 'Gratis'],
  ['Produk Spesifikasi Jenis Pelayanan', 'Sangat sesuai'],
  ['Kompetensi Pelaksana', 'Sangat kompeten'],
  ['Perilaku Pelaksana', 'Sopan dan ramah'],
  ['Penanganan Pengaduan, Saran dan Masukan', 'Dikelola dengan baik'],
  ['Sarana dan Prasarana', 'Sangat baik'],
];

export const journeys: Journey[] = [
  {
    name: 'admin membuka survei IKM, warga mengisi lewat tautan QR di ponsel, admin melihat nilai dan mutunya',
    async run(ctx) {
      const admin = await ctx.newPage();
      await logIn(ctx, admin, KOTA_MANNA_ADMIN_EMAIL, DEMO_PASSWORD);
      await admin.getByRole('link', { name: 'Kelola survei kepuasan (IKM)' }).click();
      await ctx.settle(admin, /Indeks Kepuasan Masyarakat/);

      await admin.getByRole('button', { name: 'Buat survei' }).click();
      await admin.getByRole('heading', { level: 2, name: 'Buat survei' }).waitFor();
      await admin.getByLabel('Cari unit layanan').fill('Kependudukan');
      const unitSelect = admin.getByLabel('Unit layanan', { exact: false }).last();
      await eventually(async () => (await unitSelect.locator('option', { hasText: 'Dinas Kependudukan dan Pencatatan Sipil' }).count()) > 0, 'unit Dukcapil tidak muncul');
      const unitValue = await unitSelect.locator('option', { hasText: 'Dinas Kependudukan dan Pencatatan Sipil' }).getAttribute('value');
      await unitSelect.selectOption(unitValue!);
      await admin.getByLabel('Nama layanan').fill('Pencetakan akta kelahiran');
      await admin.getByLabel('Tahun').fill('2027');
      await admin.getByLabel('Jenis periode').selectOption('triwulan');
      await admin.getByLabel('Periode ke-').selectOption('1');
      await admin.getByLabel('Populasi yang dilayani').fill('120');
      await ctx.checkA11y(admin, 'ikm (formulir survei)');
      await admin.getByRole('button', { name: 'Simpan draf survei' }).click();
      await ctx.settle(admin, /IKM Dinas Kependudukan dan Pencatatan Sipil — Triwulan I 2027/);
      await admin.getByRole('button', { name: 'Buka survei' }).click();
      await admin.getByText('Survei dibuka. Tautan dan kode QR menerima jawaban.').waitFor();

      // The QR code at the desk is exactly the QR of the link shown beside it.
      const link = (await admin.getByTestId('tautan-survei').textContent())?.trim() ?? '';
      assert.match(link, /\/ikm\/[0-9a-f-]{36}$/);
      const qrSrc = await admin.getByRole('img', { name: /Kode QR survei kepuasan/ }).getAttribute('src');
      const png = await admin.request.get(qrSrc!);
      assert.equal(png.headers()['content-type'], 'image/png');
      const expected = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
      assert.ok(Buffer.from(await png.body()).equals(expected), 'kode QR tidak memuat tautan survei');

      // A citizen, without an account, on a phone.
      const citizen = await ctx.newPage({ phone: true });
      await ctx.visit(citizen, new URL(link).pathname, 'Survei Kepuasan Masyarakat');
      await citizen.getByText('Pencetakan akta kelahiran').waitFor();
      await citizen.getByLabel('Kelompok umur').selectOption('30_39');
      await citizen.getByLabel('Jenis kelamin').selectOption('P');
      await citizen.getByLabel('Pendidikan terakhir').selectOption('sma');
      await citizen.getByLabel('Pekerjaan utama').selectOption('wiraswasta');
      for (const [element, option] of ANSWERS.slice(0, -1)) await citizen.getByRole('group', { name: element }).getByLabel(option, { exact: true }).check();
      await citizen.getByRole('button', { name: 'Kirim jawaban' }).click();
      await citizen.getByText('U9 Sarana dan Prasarana: wajib dijawab').first().waitFor();
      await ctx.checkA11y(citizen, 'survei IKM (jawaban belum lengkap)');

      const [element, option] = ANSWERS.at(-1)!;
      await citizen.getByRole('group', { name: element }).getByLabel(option, { exact: true }).check();
      await citizen.getByLabel('Saran untuk perbaikan layanan (opsional)').fill('Loket akta mohon dibuka lebih pagi.');
      await citizen.getByRole('button', { name: 'Kirim jawaban' }).click();
      await citizen.getByRole('heading', { name: 'Terima kasih' }).waitFor();
      await ctx.checkA11y(citizen, 'survei IKM (terkirim)');

      // The admin sees the respondent, the index and its grade.
      await admin.reload();
      await ctx.settle(admin, /IKM Dinas Kependudukan dan Pencatatan Sipil — Triwulan I 2027/);
      assert.equal((await admin.getByTestId('jumlah-responden').textContent())?.trim(), '1');
      assert.equal((await admin.getByTestId('nilai-ikm').textContent())?.trim(), '94,44');
      assert.equal((await admin.getByTestId('mutu-ikm').textContent())?.trim(), 'Mutu A (Sangat Baik)');
      await admin.getByText('Loket akta mohon dibuka lebih pagi.').waitFor();
      await admin.getByText(/Sampel belum mencukupi: minimal 92 responden/).waitFor();
    },
  },
];
