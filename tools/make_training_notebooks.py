"""Write the training course: notebooks/training/*.ipynb (exercises empty) and notebooks/training/solutions/*.ipynb.

Both come from the one definition below, so a lesson and its solution never drift apart: an exercise cell holds
``jawaban_x = ...`` in the lesson and the worked answer in the solution; every other cell is the same. Cell ids are
stable and no outputs are written, so rerunning this script changes nothing unless the definition changes.

Run: ``.venv/bin/python tools/make_training_notebooks.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "notebooks" / "training"
SOLUTIONS = COURSE / "solutions"


@dataclass(frozen=True)
class Md:
    text: str


@dataclass(frozen=True)
class Code:
    source: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exercise:
    """An answer cell (empty in the lesson, worked in the solution) followed by its check cell."""

    id: str
    variable: str
    solution: str
    scaffold: str = ""  # lines shown above ``variable = ...`` in the lesson (e.g. a hint comment)


@dataclass(frozen=True)
class Lesson:
    stem: str
    title: str
    minutes: int
    cells: tuple[Md | Code | Exercise, ...]


def how_to_use(purpose: str, english: str) -> Md:
    return Md(
        f"{purpose}\n\n"
        "**Cara memakai:** jalankan sel satu per satu dari atas (Shift+Enter). Pada setiap **Latihan**, ganti `...` "
        "dengan jawaban atau perhitungan Anda, jalankan selnya, lalu jalankan sel pemeriksaan di bawahnya: "
        "pesan **Benar!** berarti jawaban tepat; **Belum tepat** memberi petunjuk (bukan jawabannya). "
        "Jawaban lengkap ada di folder `solutions/` (untuk pelatih).\n\n"
        f'*English:* {english} Set `lang = "en"` in the parameters cell for English check messages.'
    )


def checker(extra: str = "") -> str:
    """The setup line that creates the lesson's checker (the check cells call ``latihan.check``)."""
    return (
        "# pemeriksa jawaban latihan (tidak perlu diubah)\n"
        f"latihan = training.Checker(\n    region_code=kode_wilayah, period=periode, lang=lang{extra}\n)"
    )


SOLUTION_BANNER = (
    "> **Kunci jawaban untuk pelatih** (*answer key for trainers*): pelajaran yang sama dengan semua latihan sudah "
    "diisi. Peserta memakai notebook di folder atas.\n\n"
)

PARAMS_NOTE = "Parameter pelajaran (pelatih boleh menggantinya untuk kabupaten/kota peserta):"

# ---------------------------------------------------------------------------------------------------------------
# Lesson 1
# ---------------------------------------------------------------------------------------------------------------

LESSON_1 = Lesson(
    "01_memuat_dan_memeriksa_data",
    "Pelajaran 1. Memuat dan memeriksa data",
    40,
    (
        how_to_use(
            "**Tujuan:** memuat data kepesertaan JKN, melihat satu kabupaten/kota, dan memahami pesan kesalahan "
            "ketika sebuah berkas data rusak.",
            "Lesson 1 loads the JKN participation panel, looks at one regency and reads the validation errors of a "
            "deliberately broken file (each error names the file, row and column).",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "Setelah pelajaran ini Anda dapat:\n\n"
            "1. memuat panel kepesertaan JKN dengan `api.load_panel`;\n"
            "2. mengenali kolom-kolomnya (kode wilayah, periode, segmen, penduduk, terdaftar, aktif);\n"
            "3. memilih baris satu kabupaten/kota dan satu bulan;\n"
            "4. membaca pesan kesalahan sebuah berkas: **berkas, baris, kolom, masalah**, lalu memperbaikinya."
        ),
        Md(PARAMS_NOTE),
        Code(
            'kode_wilayah = "17.07"  # kode kabupaten/kota Kemendagri, selalu sebagai teks\n'
            'periode = "2024-07"  # bulan dengan bentuk YYYY-MM\n'
            'berkas_rusak = "lebong_2024_rusak.csv"  # berkas latihan yang sengaja dirusak (folder data)\n'
            'berkas_benar = "lebong_2024.csv"  # berkas yang sama setelah diperbaiki\n'
            'lang = "id"  # bahasa pesan pemeriksaan, "id" atau "en"',
            ("parameters",),
        ),
        Code(
            "from uhc_lib import api, training\n\n" + checker(", broken_file=berkas_rusak"),
            ("setup",),
        ),
        Md(
            "## 1. Memuat panel\n\n"
            "Proyek ini membawa **data ilustratif**: angka kepesertaan semua 514 kabupaten/kota, Januari 2023 sampai "
            "Desember 2025, dibangkitkan agar cocok dengan angka yang pernah dipublikasikan (bukan data resmi BPJS "
            "Kesehatan). `api.load_panel()` tanpa nama berkas memuat data ini; dengan nama berkas ia memuat berkas "
            "Anda sendiri (CSV, Excel atau Parquet) dan memeriksanya lebih dulu."
        ),
        Code("panel = api.load_panel()\npanel.head()"),
        Md(
            "Setiap baris adalah **satu kabupaten/kota, satu bulan, satu segmen peserta**. Arti kolomnya "
            "(berkas Anda boleh memakai nama kolom dalam bahasa Indonesia):"
        ),
        Code("training.column_glossary(lang)"),
        Md(
            'Catatan penting: **kode wilayah adalah teks**. `"11.10"` dan `"11.1"` adalah dua hal berbeda: '
            "bila spreadsheet menyimpan kode sebagai angka, angka nol di belakang hilang.\n\n"
            "Berapa baris dan kolom, dan bulan berapa saja yang ada?"
        ),
        Code('print(panel.shape)\nprint(panel["period"].min(), "sampai", panel["period"].max())'),
        Md(
            "### Latihan 1.1\n\n"
            "Berapa kabupaten/kota yang ada dalam panel? Petunjuk: satu wilayah punya banyak baris; hitung **kode "
            "wilayah yang berbeda** dengan `.nunique()` pada kolom `region_code`."
        ),
        Exercise("1.1", "jawaban_jumlah_wilayah", 'jawaban_jumlah_wilayah = panel["region_code"].nunique()'),
        Md(
            "## 2. Melihat satu kabupaten/kota\n\n"
            "Kita memilih baris dengan syarat di dalam kurung siku. Contoh: semua baris Kabupaten Lebong (17.07)."
        ),
        Code('wilayah = panel[panel["region_code"] == kode_wilayah]\nwilayah.tail(10)'),
        Md("Dua syarat sekaligus (wilayah **dan** bulan) digabung dengan `&`, masing-masing di dalam kurung:"),
        Code('satu_bulan = panel[(panel["region_code"] == kode_wilayah) & (panel["period"] == periode)]\nsatu_bulan'),
        Md(
            "Ada lima baris, satu per segmen: PBI APBN (dibayar pemerintah pusat), PBPU Pemda (didaftarkan dan "
            "dibayar pemerintah daerah), PPU (pekerja penerima upah), PBPU mandiri dan BP. Kolom `population` "
            "(jumlah penduduk) sama di setiap baris: itu penduduk wilayah, bukan penduduk per segmen.\n\n"
            "### Latihan 1.2\n\n"
            "Berapa jumlah penduduk wilayah ini pada bulan `periode`? Ambil satu nilai dari kolom `population` "
            "tabel `satu_bulan` (petunjuk: `.iloc[0]` mengambil nilai pertama)."
        ),
        Exercise("1.2", "jawaban_penduduk", 'jawaban_penduduk = satu_bulan["population"].iloc[0]'),
        Md(
            "## 3. Memuat berkas Anda sendiri\n\n"
            "Di folder `data/` ada berkas CSV kecil untuk Lebong, Januari–Juli 2024, dengan judul kolom dalam bahasa "
            "Indonesia (`kode_wilayah, periode, penduduk, terdaftar, aktif`). Tanpa kolom segmen, setiap baris "
            "adalah total wilayah (`segment` = `total`)."
        ),
        Code("api.load_panel(training.course_file(berkas_benar))"),
        Md(
            "## 4. Berkas yang rusak\n\n"
            "Berkas `lebong_2024_rusak.csv` berisi angka yang sama, tetapi dengan kesalahan yang sering terjadi saat "
            "data disalin dari spreadsheet. `api.load_panel` akan **menolak** berkas itu dan menyebut **semua** "
            "masalahnya sekaligus. Supaya pelajaran tetap berjalan, kita menangkap pesannya dengan "
            "`training.validation_error` dan mencetaknya:"
        ),
        Code("galat = training.validation_error(training.course_file(berkas_rusak))\nprint(galat)"),
        Md(
            "Cara membaca setiap baris pesan (dalam bahasa Inggris):\n\n"
            "`<berkas>, row <nomor baris>, column '<kolom>': <masalah>`\n\n"
            "- **berkas**: nama berkas yang dibaca;\n"
            "- **row**: nomor baris seperti di spreadsheet (**baris judul kolom = baris 1**, data pertama = baris 2);\n"
            "- **column**: nama kolom standar (misalnya `active` untuk kolom `aktif` di berkas Anda);\n"
            "- **masalah**: apa yang salah.\n\n"
            "Tabel berikut menyusun pesan yang sama dan menambahkan penjelasan dalam bahasa Indonesia:"
        ),
        Code("training.problems_table(galat, lang)"),
        Md("### Latihan 1.3\n\nBerapa masalah yang ditemukan dalam berkas rusak?"),
        Exercise("1.3", "jawaban_jumlah_masalah", "jawaban_jumlah_masalah = len(galat.problems)"),
        Md(
            "### Latihan 1.4\n\n"
            "Di baris berapa ada masalah pada kolom `active` (peserta aktif)? Tulis nomor baris seperti dalam pesan."
        ),
        Exercise("1.4", "jawaban_baris_aktif", "jawaban_baris_aktif = 7  # dari pesan: row 7, column 'active'"),
        Md(
            "## Ringkasan\n\n"
            '- `api.load_panel()` memuat data ilustratif; `api.load_panel("berkas.csv")` memuat dan memeriksa '
            "berkas Anda.\n"
            '- Kode wilayah selalu teks (`"17.07"`), periode `YYYY-MM`, jumlah orang bilangan bulat tanpa titik '
            "ribuan.\n"
            "- Pesan kesalahan menyebut berkas, baris (judul = baris 1) dan kolom: buka berkasnya, perbaiki "
            "barisnya, muat lagi. Bandingkan `lebong_2024_rusak.csv` dengan `lebong_2024.csv` untuk melihat "
            "perbaikannya.\n\n"
            "*English:* the panel has one row per regency, month and segment; region codes are text; a broken file "
            "is refused with every problem listed by file, row (header = row 1) and column."
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Lesson 2
# ---------------------------------------------------------------------------------------------------------------

LESSON_2 = Lesson(
    "02_cakupan_dan_keaktifan",
    "Pelajaran 2. Menghitung cakupan dan keaktifan",
    40,
    (
        how_to_use(
            "**Tujuan:** menghitung cakupan kepesertaan, keaktifan dan bagian penduduk yang terdaftar tetapi tidak "
            "aktif, mula-mula dengan tangan (pandas), lalu dengan `uhc_lib.rules.indicators`.",
            "Lesson 2 computes coverage (registered ÷ population), activity (active ÷ population), active ÷ "
            "registered and the inactive share, first by hand with pandas, then with uhc_lib.rules.indicators.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Menghitung **cakupan kepesertaan** = peserta terdaftar ÷ jumlah penduduk × 100.\n"
            "2. Menghitung **keaktifan** = peserta aktif ÷ jumlah penduduk × 100 (rasio yang dipakai kriteria UHC).\n"
            "3. Membedakannya dari **aktif ÷ terdaftar** (rasio lain yang kadang dipakai media), dan selalu "
            "menyebut rasio mana yang dipakai.\n"
            "4. Menghitung bagian penduduk yang **terdaftar tetapi tidak aktif**.\n"
            "5. Mendapat angka yang sama dengan `uhc_lib.rules.indicators` untuk semua wilayah dan bulan sekaligus."
        ),
        Md(PARAMS_NOTE),
        Code(
            'kode_wilayah = "17.07"  # kode kabupaten/kota (teks)\n'
            'periode = "2024-07"  # bulan latihan, YYYY-MM\n'
            'periode_contoh = "2024-01"  # bulan untuk contoh yang sudah dikerjakan\n'
            'lang = "id"  # bahasa pesan pemeriksaan, "id" atau "en"',
            ("parameters",),
        ),
        Code(
            "from uhc_lib import api, training\n"
            "from uhc_lib.common import fmt\n"
            "from uhc_lib.rules import indicators\n"
            "\n"
            "panel = api.load_panel()\n" + checker(),
            ("setup",),
        ),
        Md(
            "## 1. Dari baris segmen ke total wilayah\n\n"
            "Sebuah wilayah punya satu baris per segmen. Untuk total wilayah kita **menjumlahkan** peserta terdaftar "
            "dan aktif semua segmen, tetapi **tidak** menjumlahkan penduduk (angkanya sama di setiap baris).\n\n"
            "### Contoh (dikerjakan): bulan `periode_contoh`"
        ),
        Code(
            'contoh = panel[(panel["region_code"] == kode_wilayah) & (panel["period"] == periode_contoh)]\n'
            'penduduk = contoh["population"].iloc[0]\n'
            'terdaftar = contoh["registered"].sum()\n'
            'aktif = contoh["active"].sum()\n'
            "print(penduduk, terdaftar, aktif)"
        ),
        Md(
            "**Cakupan kepesertaan** = terdaftar ÷ penduduk × 100. Fungsi `fmt.percent` menulis angka seperti di "
            "laporan (koma desimal, dua angka di belakang koma):"
        ),
        Code("cakupan = 100 * terdaftar / penduduk\nprint(cakupan)\nprint(fmt.percent(cakupan))"),
        Md(
            "Cakupan **di atas 100 persen** bisa terjadi: ada peserta yang terdaftar di wilayah ini tetapi tidak lagi "
            "tercatat sebagai penduduknya (pindah, meninggal, terdaftar ganda). Penyebutnya adalah penduduk Dukcapil "
            "semester terakhir (Juni atau Desember), jadi penyebut berubah dua kali setahun.\n\n"
            "**Keaktifan** = aktif ÷ **penduduk** × 100. Ini rasio yang dipakai kriteria UHC. Ada juga rasio aktif ÷ "
            "**terdaftar** (berapa persen peserta yang aktif). Keduanya benar, tetapi artinya berbeda, jadi setiap "
            "tabel dan kalimat harus menyebut penyebutnya."
        ),
        Code(
            "keaktifan = 100 * aktif / penduduk\n"
            "aktif_dari_terdaftar = 100 * aktif / terdaftar\n"
            'print("aktif ÷ penduduk :", fmt.percent(keaktifan))\n'
            'print("aktif ÷ terdaftar:", fmt.percent(aktif_dari_terdaftar))'
        ),
        Md(
            "## 2. Latihan dengan tangan: bulan `periode`\n\n"
            "Pilih dulu baris wilayah pada bulan `periode` dan hitung totalnya, seperti contoh di atas."
        ),
        Code(
            'bulan = panel[(panel["region_code"] == kode_wilayah) & (panel["period"] == periode)]\n'
            'penduduk = bulan["population"].iloc[0]\n'
            'terdaftar = bulan["registered"].sum()\n'
            'aktif = bulan["active"].sum()\n'
            "print(penduduk, terdaftar, aktif)"
        ),
        Md("### Latihan 2.1\n\nHitung cakupan kepesertaan (dalam persen) pada bulan `periode`."),
        Exercise("2.1", "jawaban_cakupan", "jawaban_cakupan = 100 * terdaftar / penduduk"),
        Md("### Latihan 2.2\n\nHitung keaktifan menurut kriteria UHC: aktif ÷ penduduk, dalam persen."),
        Exercise("2.2", "jawaban_keaktifan", "jawaban_keaktifan = 100 * aktif / penduduk"),
        Md("### Latihan 2.3\n\nHitung bagian peserta terdaftar yang aktif: aktif ÷ **terdaftar**, dalam persen."),
        Exercise("2.3", "jawaban_aktif_dari_terdaftar", "jawaban_aktif_dari_terdaftar = 100 * aktif / terdaftar"),
        Md(
            "## 3. Dengan `uhc_lib.rules.indicators`\n\n"
            "`indicators.indicators(panel)` melakukan perhitungan yang sama untuk **semua** wilayah dan bulan "
            "sekaligus. Kolom-kolomnya:\n\n"
            "| kolom | arti |\n|---|---|\n"
            "| `coverage_pct` | cakupan kepesertaan = terdaftar ÷ penduduk |\n"
            "| `activity_pct` | keaktifan = aktif ÷ penduduk (kriteria UHC) |\n"
            "| `active_of_registered_pct` | aktif ÷ terdaftar |\n"
            "| `inactive` | terdaftar tetapi tidak aktif (jiwa) |\n"
            "| `inactive_pct` | terdaftar tetapi tidak aktif ÷ penduduk |"
        ),
        Code(
            "ind = indicators.indicators(panel)\n"
            'baris = ind[(ind["region_code"] == kode_wilayah) & (ind["period"] == periode)]\n'
            'baris[["region_code", "period", "population", "registered", "active", "coverage_pct", "activity_pct", '
            '"active_of_registered_pct", "inactive", "inactive_pct"]]'
        ),
        Md(
            "Bandingkan dengan jawaban Anda di atas: angkanya harus sama.\n\n"
            "### Latihan 2.4\n\n"
            "Berapa persen penduduk yang **terdaftar tetapi tidak aktif** pada bulan `periode`? Ambil dari tabel "
            "`baris` (kolom `inactive_pct`)."
        ),
        Exercise("2.4", "jawaban_tidak_aktif", 'jawaban_tidak_aktif = baris["inactive_pct"].iloc[0]'),
        Md(
            "## Ringkasan\n\n"
            "- Cakupan = terdaftar ÷ penduduk; keaktifan = aktif ÷ penduduk; aktif ÷ terdaftar adalah rasio lain.\n"
            "- Terdaftar tetapi tidak aktif = cakupan − keaktifan (dalam poin persen).\n"
            "- Contoh Lebong Juli 2024: cakupan 100,71 persen, keaktifan 75,41 persen.\n\n"
            "*English:* coverage = registered ÷ population; activity = active ÷ population (the UHC criteria's "
            "ratio); active ÷ registered is a different ratio: always say which one a figure is."
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Lesson 3
# ---------------------------------------------------------------------------------------------------------------

LESSON_3 = Lesson(
    "03_status_uhc_dan_kesenjangan",
    "Pelajaran 3. Status UHC dan kesenjangan",
    45,
    (
        how_to_use(
            "**Tujuan:** membaca kriteria UHC per tahun, menentukan status sebuah kabupaten/kota, dan menghitung "
            "berapa penduduk yang perlu didaftarkan dan berapa tambahan peserta aktif yang diperlukan.",
            "Lesson 3 reads the UHC statuses by year (2023-24 UHC and non cut-off 95/75; 2025-26 UHC Cut Off and "
            "Prioritas 98/80 with no PBPU Pemda arrears; the UHC Awards as an assessment apart), "
            "finds a regency's status and computes the persons to enrol and the additional active participants "
            "needed (uhc_lib.rules.criteria, uhc_lib.analysis.gaps).",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Mengetahui status UHC yang diberikan BPJS per periode, dan membedakannya dari UHC Awards.\n"
            "2. Menentukan status UHC sebuah kabupaten/kota dengan `criteria.evaluate`.\n"
            "3. Menghitung **kesenjangan dalam jiwa**: penduduk yang perlu didaftarkan, dan tambahan peserta aktif, "
            "dengan tangan lalu dengan `gaps.gaps`."
        ),
        Md(PARAMS_NOTE),
        Code(
            'kode_wilayah = "32.03"  # kode kabupaten/kota (teks)\n'
            'periode = "2024-12"  # bulan data, YYYY-MM\n'
            "tahun_kriteria = 2024  # kriteria tahun berjalan\n"
            "tahun_target = 2025  # kriteria tahun berikutnya\n"
            'lang = "id"  # bahasa pesan pemeriksaan, "id" atau "en"',
            ("parameters",),
        ),
        Code(
            "import math\n\n"
            "from uhc_lib import api, training\n"
            "from uhc_lib.analysis import gaps\n"
            "from uhc_lib.rules import criteria, indicators\n"
            "\n"
            "panel = api.load_panel()\n"
            + checker(', params={"criteria_year": tahun_kriteria, "target_year": tahun_target}'),
            ("setup",),
        ),
        Md(
            "## 1. Status UHC berubah menurut periode\n\n"
            "Status disimpan sebagai data (`data/rules/uhc_criteria.csv`) dengan sumbernya. Setiap periode punya "
            "beberapa status berurutan; sebuah wilayah memegang status **tertinggi** yang terpenuhi, dan status "
            "dinilai **setiap bulan** (bisa diperoleh dan hilang dalam setahun).\n\n"
            "- **2023–2024**: **UHC** = cakupan minimal 95 persen; **UHC non cut-off** = cakupan 95 persen **dan** "
            "keaktifan 75 persen.\n"
            "- **2025–2026**: **UHC Cut Off** (juga disebut UHC Non Prioritas) = cakupan 98 persen; **UHC "
            "Prioritas** = cakupan 98 persen **dan** keaktifan 80 persen **dan** tidak ada tunggakan iuran PBPU "
            "Pemda. Di bawah UHC Prioritas penduduk yang didaftarkan Pemda **langsung aktif** hari itu; di bawah "
            "Cut Off baru aktif bulan berikutnya.\n"
            "- Di bawah batas itu: **belum UHC**.\n\n"
            "**UHC Awards** bukan status: penghargaan yang menilai satu bulan (UHC Awards 2026 menilai data Desember "
            "2025; Pratama 98/80, Madya 98/85 atau 98/80 dengan minimal 25 persen penduduk didaftarkan Pemda, Utama "
            "99/95 dengan minimal 18 persen didaftarkan Pemda), dan setiap tingkatnya mensyaratkan UHC Prioritas. "
            "Batas cakupan UHC Cut Off (98 persen) tidak dinyatakan resmi: brief menyebutnya bila status bergantung "
            "padanya.\n\n"
            "Keaktifan di sini selalu aktif ÷ **penduduk**."
        ),
        Code(
            "aturan = criteria.criteria_table()\n"
            'aturan[aturan["criteria_year"] >= 2024][["criteria_year", "criterion", "rank", "min_coverage_pct", '
            '"min_activity_pct", "requires", "label_id"]]'
        ),
        Md(
            "## 2. Status sebuah kabupaten/kota\n\n"
            "Hitung indikator wilayah (Pelajaran 2), pilih bulannya, lalu nilai dengan kriteria satu tahun. "
            "Kolom `meets_...` menjawab apakah setiap syarat terpenuhi (termasuk tingkat UHC Awards di atas "
            "status); `status` adalah kode status tertinggi yang terpenuhi (`none` = belum UHC). Tanpa kolom "
            "tunggakan dalam data, tidak ada tunggakan PBPU Pemda yang dianggap."
        ),
        Code(
            'ind = indicators.indicators(panel[panel["region_code"] == kode_wilayah])\n'
            'baris = ind[ind["period"] == periode]\n'
            'baris[["region_code", "period", "population", "registered", "active", "coverage_pct", "activity_pct"]]'
        ),
        Code('criteria.evaluate(baris, tahun_kriteria).filter(regex="^meets_|^status")'),
        Md(
            "### Latihan 3.1\n\n"
            "Apa status UHC wilayah ini menurut kriteria `tahun_kriteria`? Salin isi kolom `status` (teks di antara "
            "tanda kutip), atau ambil dengan `.iloc[0]`."
        ),
        Exercise(
            "3.1",
            "jawaban_status",
            'jawaban_status = criteria.evaluate(baris, tahun_kriteria)["status"].iloc[0]',
        ),
        Md(
            "## 3. Kesenjangan dalam jiwa\n\n"
            "Untuk mencapai minimal *p* persen, jumlah orang yang diperlukan = penduduk × *p* ÷ 100, **dibulatkan ke "
            "atas** (orang tidak bisa dipecah, dan 74,996 persen belum mencapai 75 persen). Kesenjangan = jumlah yang "
            "diperlukan − jumlah sekarang (nol bila sudah tercapai).\n\n"
            "### Contoh (dikerjakan): keaktifan 75 persen (kriteria non cut-off 2024)"
        ),
        Code(
            'penduduk = baris["population"].iloc[0]\n'
            'terdaftar = baris["registered"].iloc[0]\n'
            'aktif = baris["active"].iloc[0]\n'
            "aktif_diperlukan = math.ceil(penduduk * 75 / 100)\n"
            'print("aktif diperlukan:", aktif_diperlukan, "| tambahan:", max(0, aktif_diperlukan - aktif))'
        ),
        Md(
            "`gaps.gaps` menghitung hal yang sama untuk setiap kriteria satu tahun: `enrol_needed` (perlu "
            "didaftarkan), `activate_needed` (tambahan peserta aktif) dan `reactivate_needed` (bagian yang harus "
            "berasal dari pengaktifan kembali peserta nonaktif, bila peserta baru langsung aktif)."
        ),
        Code("gaps.gaps(baris, tahun_kriteria)"),
        Md(
            "### Latihan 3.2\n\n"
            "Kriteria utama tahun `tahun_target` (UHC Prioritas 2025) meminta cakupan 98 persen. Berapa penduduk "
            "yang **perlu didaftarkan**? Hitung dengan tangan seperti contoh (gunakan `math.ceil`) atau dengan "
            "`gaps.gaps(baris, tahun_target)`."
        ),
        Exercise(
            "3.2",
            "jawaban_perlu_didaftarkan",
            "jawaban_perlu_didaftarkan = max(0, math.ceil(penduduk * 98 / 100) - terdaftar)",
        ),
        Md("### Latihan 3.3\n\nBerapa **tambahan peserta aktif** yang diperlukan untuk keaktifan 80 persen?"),
        Exercise(
            "3.3",
            "jawaban_tambahan_aktif",
            "jawaban_tambahan_aktif = max(0, math.ceil(penduduk * 80 / 100) - aktif)",
        ),
        Md("Periksa jawaban Anda dengan `gaps.gaps`:"),
        Code("gaps.gaps(baris, tahun_target)"),
        Md(
            "### Latihan 3.4\n\n"
            "Data bulan yang sama, kriteria yang lebih tinggi: apa status wilayah ini menurut kriteria "
            "`tahun_target`?"
        ),
        Exercise(
            "3.4",
            "jawaban_status_tahun_target",
            'jawaban_status_tahun_target = criteria.evaluate(baris, tahun_target)["status"].iloc[0]',
        ),
        Md(
            "## Ringkasan\n\n"
            "- Status bergantung pada periode: Cianjur Desember 2024 (cakupan 96 persen, keaktifan 68,7 persen) "
            "berstatus UHC (95 persen) tetapi belum non cut-off (75 persen); dengan kriteria 2025 angka yang sama "
            "belum UHC, karena UHC Cut Off meminta 98 persen dan Prioritas 98/80.\n"
            "- Kota Bogor Oktober 2025 (98,67 / 79,85) berstatus **UHC Cut Off**, bukan belum UHC.\n"
            "- Kesenjangan dihitung dalam jiwa, dibulatkan ke atas.\n\n"
            "*English:* the status is the highest status of the period that is met, checked monthly; the Awards are "
            "an assessment apart; gaps are persons, rounded up."
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Lesson 4
# ---------------------------------------------------------------------------------------------------------------

LESSON_4 = Lesson(
    "04_membaca_ringkasan",
    "Pelajaran 4. Membaca ringkasan (brief)",
    35,
    (
        how_to_use(
            "**Tujuan:** membuat ringkasan kepesertaan JKN satu kabupaten/kota dan menjawab pertanyaan tentang "
            "isinya: status, kesenjangan, tren, dan kapan target tercapai dengan laju saat ini.",
            "Lesson 4 builds one regency brief inline (uhc_lib.analysis.brief.brief_figures + "
            "uhc_lib.render.text.narrative.markdown) "
            "and asks questions about it, such as the month a target is reached at the current pace.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Membuat ringkasan satu kabupaten/kota untuk satu bulan.\n"
            "2. Menemukan di dalamnya: jumlah terdaftar tetapi tidak aktif, status, kesenjangan, perubahan dari "
            "tahun lalu, dan **bulan target tercapai dengan laju saat ini**.\n"
            "3. Mengetahui cara membuat berkas ringkasan (HTML/PDF) untuk dicetak."
        ),
        Md(PARAMS_NOTE),
        Code(
            'kode_wilayah = "32.03"  # kode kabupaten/kota (teks)\n'
            'periode = "2024-12"  # bulan ringkasan, YYYY-MM\n'
            'lang = "id"  # bahasa ringkasan dan pesan pemeriksaan, "id" atau "en"',
            ("parameters",),
        ),
        Code(
            "%matplotlib inline\n"
            "import matplotlib.pyplot as plt\n"
            "from IPython.display import Markdown, display\n\n"
            "from uhc_lib import api, training\n"
            "from uhc_lib.render.charts import brief_charts\n"
            "from uhc_lib.render.text import narrative, tables\n"
            "\n"
            "fig = api.figures_for(kode_wilayah, periode)\n" + checker(),
            ("setup",),
        ),
        Md(
            "## 1. Ringkasan\n\n"
            "Semua angka ringkasan dihitung sekali (`api.figures_for`); kalimat, tabel dan grafik hanya "
            "menampilkannya, sehingga angka di kalimat dan di grafik selalu sama."
        ),
        Code(
            'display(Markdown(f"### {narrative.title(fig, lang)}"))\n'
            "display(Markdown(tables.headline_table(fig, lang)))\n"
            "display(Markdown(narrative.markdown(fig, lang)))"
        ),
        Code("brief_charts.trend_chart(fig, lang)\nplt.show()"),
        Code("display(Markdown(tables.goals_table(fig, lang)))"),
        Md(
            "## 2. Pertanyaan tentang ringkasan\n\n"
            "Jawab dengan membaca ringkasan di atas (tulis angka tanpa titik ribuan, mis. `12345`).\n\n"
            "### Latihan 4.1\n\nBerapa jiwa yang terdaftar sebagai peserta tetapi **tidak aktif**?"
        ),
        Exercise(
            "4.1",
            "jawaban_tidak_aktif_jiwa",
            "jawaban_tidak_aktif_jiwa = fig.inactive  # kalimat: ... jiwa terdaftar sebagai peserta tetapi tidak aktif",
        ),
        Md(
            "### Latihan 4.2\n\n"
            "Ringkasan memakai laju rata-rata enam bulan terakhir. Menurut paragraf tren, **pada bulan apa "
            "keaktifan mencapai target utama tahun ini** (kriteria non cut-off, 75 persen)? Tulis sebagai teks "
            '`"YYYY-MM"`, mis. `"2030-01"`.'
        ),
        Exercise(
            "4.2",
            "jawaban_bulan_keaktifan",
            "jawaban_bulan_keaktifan = fig.headline_target.activity_reached  # kalimat: ... akan tercapai pada ...",
        ),
        Md(
            "### Latihan 4.3\n\n"
            "Berapa **poin persen** keaktifan berubah dibandingkan bulan yang sama tahun lalu? (Naik ditulis "
            "positif, turun negatif.)"
        ),
        Exercise(
            "4.3",
            "jawaban_perubahan_keaktifan",
            'jawaban_perubahan_keaktifan = fig.changes["activity_pct_yoy"]  # kalimat: ... keaktifan naik ...',
        ),
        Md(
            "### Latihan 4.4\n\n"
            "Untuk UHC Prioritas (kriteria tahun berikutnya), berapa dari tambahan peserta aktif yang harus "
            "berasal dari **pengaktifan kembali** peserta nonaktif?"
        ),
        Exercise(
            "4.4",
            "jawaban_pengaktifan_kembali",
            "jawaban_pengaktifan_kembali = fig.next_headline_target.reactivate_needed  # ... di antaranya dengan "
            "mengaktifkan kembali",
        ),
        Md(
            "## 3. Membuat berkas ringkasan untuk dicetak\n\n"
            "Di terminal (folder proyek): `uhc brief 32.03 --period 2024-12` menulis ringkasan HTML (dan PDF dengan "
            "`--pdf` bila tersedia) ke folder `reports/`. Dari Python: "
            '`from uhc_lib.reports.run import run_brief; run_brief("32.03", "reports/latihan", period="2024-12")`.'
            "\n\n"
            "## Ringkasan\n\n"
            "- Paragraf pertama: terdaftar, aktif, dan tidak aktif (jiwa dan persen penduduk).\n"
            "- Paragraf status dan kesenjangan: kriteria tahun ini dan tahun depan, dalam jiwa.\n"
            "- Paragraf tren: perubahan dari bulan lalu dan tahun lalu, dan bulan target tercapai **bila laju "
            "enam bulan terakhir berlanjut** (bukan janji: laju bisa berubah).\n\n"
            "*English:* the brief's sentences, tables and chart all read the same computed figures; the projected "
            "month assumes the average pace of the last six months continues."
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Lesson 5
# ---------------------------------------------------------------------------------------------------------------

LESSON_5 = Lesson(
    "05_merencanakan_skenario",
    "Pelajaran 5. Merencanakan skenario",
    50,
    (
        how_to_use(
            "**Tujuan:** menghitung biaya mendaftarkan penduduk sebagai PBPU Pemda, membandingkan skenario "
            "(pendaftaran, reaktivasi peserta mandiri, CSR, pengambilalihan peserta nonaktif) dan menemukan bulan "
            "setiap skenario memenuhi kriteria UHC.",
            "Lesson 5 prices enrolment as PBPU Pemda (persons × Rp42,000 × 12 a year, uhc_lib.rules.premiums and "
            "uhc_lib.analysis.budget), compares scenarios built from levers (uhc_lib.analysis.scenarios) and finds "
            "the month each "
            "scenario meets 98/80.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Mengetahui iuran (premi) JKN yang dibayar Pemda untuk peserta PBPU Pemda.\n"
            "2. Menghitung biaya setahun mendaftarkan *N* penduduk: *N* × iuran sebulan × 12.\n"
            "3. Mengenal **tuas** (langkah) yang dapat ditempuh Pemda dan menyusunnya menjadi **skenario**.\n"
            "4. Membaca hasil simulasi: bulan kriteria tercapai dan biaya yang ditanggung Pemda, peserta dan CSR."
        ),
        Md(PARAMS_NOTE),
        Code(
            'kode_wilayah = "32.03"  # kode kabupaten/kota (teks)\n'
            'periode = "2024-12"  # bulan awal simulasi, YYYY-MM\n'
            "jumlah_didaftarkan = 52298  # penduduk yang akan didaftarkan sebagai PBPU Pemda (jiwa)\n"
            "bulan_proyeksi = 24  # panjang simulasi dalam bulan\n"
            'lang = "id"  # bahasa tabel dan pesan pemeriksaan, "id" atau "en"',
            ("parameters",),
        ),
        Code(
            "%matplotlib inline\n"
            "import matplotlib.pyplot as plt\n"
            "from IPython.display import Markdown, display\n\n"
            "from uhc_lib import api, training\n"
            "from uhc_lib.analysis import budget, scenarios\n"
            "from uhc_lib.common import fmt\n"
            "from uhc_lib.render.charts import scenario_chart\n"
            "from uhc_lib.render.text import budget_text\n"
            "from uhc_lib.rules import premiums\n"
            "\n"
            "fig = api.figures_for(kode_wilayah, periode)\n"
            + checker(', params={"enrol_count": jumlah_didaftarkan, "months": bulan_proyeksi}'),
            ("setup",),
        ),
        Md(
            "## 1. Iuran JKN\n\n"
            "Iuran diatur Perpres 64/2020 dan disimpan sebagai data (`data/rules/premiums.csv`) bersama sumber "
            "hukumnya. Untuk kelas III, iurannya Rp42.000 sebulan:\n\n"
            "- **PBI APBN**: dibayar pemerintah pusat;\n"
            "- **PBPU Pemda** (PBI APBD): dibayar **Pemda** dari APBD;\n"
            "- **PBPU mandiri / BP kelas III**: peserta membayar Rp35.000, pemerintah membantu Rp7.000 (Rp4.200 pusat "
            "dan Rp2.800 daerah).\n\n"
            "Rincian iuran satu segmen dan kelas pada satu bulan, menurut pembayarnya:"
        ),
        Code(
            'print("PBPU Pemda kelas III :", premiums.premium_breakdown("pbpu_pemda", 3, periode))\n'
            'print("PBPU mandiri kelas III:", premiums.premium_breakdown("pbpu_mandiri", 3, periode))'
        ),
        Md(
            "### Latihan 5.1\n\n"
            "Berapa rupiah **sebulan** yang dibayar Pemda untuk satu peserta PBPU Pemda kelas III pada bulan "
            "`periode`? Gunakan `premiums.monthly_premium(segmen, kelas, bulan, payer=...)`; pembayar Pemda "
            'ditulis `payer="regency"`.'
        ),
        Exercise(
            "5.1",
            "jawaban_iuran_pemda",
            'jawaban_iuran_pemda = premiums.monthly_premium("pbpu_pemda", 3, periode, payer="regency")',
        ),
        Md(
            "## 2. Biaya mendaftarkan penduduk\n\n"
            "Penduduk yang belum terdaftar (misalnya ditemukan lewat pemadanan data dengan Dinas Sosial dan Dukcapil) "
            "dapat didaftarkan Pemda sebagai PBPU Pemda. Di bawah UHC Prioritas mereka **langsung aktif**, jadi "
            "menaikkan cakupan **dan** keaktifan. Biayanya: jumlah orang × iuran sebulan × jumlah bulan.\n\n"
            "### Contoh (dikerjakan): 1.000 penduduk selama setahun"
        ),
        Code(
            "premi_pemda = premiums.pemda_premium(periode)\n"
            "biaya_contoh = 1000 * premi_pemda * 12\n"
            "print(fmt.rupiah(biaya_contoh))\n"
            "print(fmt.rupiah(budget.enrolment_cost(1000, periode)))  # fungsi uhc_lib memberi angka yang sama"
        ),
        Md(
            "### Latihan 5.2\n\n"
            "Berapa biaya setahun bila Pemda mendaftarkan `jumlah_didaftarkan` penduduk sebagai PBPU Pemda? "
            "(Untuk Cianjur Desember 2024, 52.298 jiwa adalah kekurangan menuju cakupan 98 persen, lihat "
            "Pelajaran 3.)"
        ),
        Exercise("5.2", "jawaban_biaya_setahun", "jawaban_biaya_setahun = jumlah_didaftarkan * premi_pemda * 12"),
        Md(
            "## 3. Tuas dan skenario\n\n"
            "Sebuah **tuas** menambah (atau mengurangi) peserta setiap bulan dengan laju tertentu (`pace`, jiwa per "
            "bulan) sampai batas (`cap`, jiwa). Tuas yang tersedia di `uhc_lib.analysis.scenarios`:\n\n"
            "| tuas | artinya | siapa membayar |\n|---|---|---|\n"
            "| `EnrolUnregistered` | mendaftarkan penduduk yang belum terdaftar sebagai PBPU Pemda "
            "(terdaftar +1, aktif +1) | Pemda |\n"
            "| `ReactivateArrears` | peserta mandiri yang menunggak melunasi tunggakan dan aktif kembali | peserta "
            "(atau CSR/Pemda untuk tunggakan) |\n"
            "| `CsrSponsorship` | dana CSR perusahaan membayar iuran peserta mandiri nonaktif | perusahaan (CSR) |\n"
            "| `TakeOverInactive` | peserta nonaktif PBI APBN/PPU diambil alih sebagai PBPU Pemda | Pemda |\n"
            "| `CleanData` | membersihkan data peserta yang pindah, meninggal atau ganda (terdaftar −1) | — |\n"
            "| `CurrentPace` | tren beberapa bulan terakhir berlanjut | — |\n\n"
            "Catatan: membersihkan data **menurunkan** cakupan (penyebutnya tetap jumlah penduduk), jadi tidak "
            "membantu memenuhi kriteria; tetapi penting agar cakupan di atas 100 persen tidak menyembunyikan "
            "penduduk yang belum terdaftar.\n\n"
            "Simulasi menahan jumlah penduduk tetap dan menilai setiap bulan dengan kriteria tahun bulan itu.\n\n"
            "## 4. Membandingkan empat skenario bawaan\n\n"
            "`scenarios.default_scenarios` menyusun empat skenario dari kesenjangan wilayah ini sendiri: laju saat "
            "ini, pendaftaran oleh Pemda, reaktivasi mandiri dan CSR, dan **kombinasi** (baris terakhir)."
        ),
        Code(
            "pilihan = scenarios.default_scenarios(fig, lang)\n"
            "jalur = scenarios.run(pilihan, fig, months=bulan_proyeksi)\n"
            "tabel = scenarios.compare_paths(jalur)\n"
            "target = budget.default_target(fig)\n"
            'print("Target:", target.label(lang))\n'
            "display(Markdown(budget_text.scenario_table(tabel, target, lang)))"
        ),
        Code("scenario_chart.scenario_chart(jalur, target, tabel, lang)\nplt.show()"),
        Md(
            "Tabel lengkap (satu baris per skenario). Kolom `reached_<tahun>_<kriteria>` berisi bulan kriteria itu "
            "pertama kali terpenuhi (`NaT` = tidak tercapai dalam masa simulasi); `regency_yearly_rp` adalah biaya "
            "Pemda setahun setelah semua tuas berjalan penuh; `regency_first_year_rp` biaya 12 bulan pertama."
        ),
        Code("kolom_target = scenarios.reached_column(target.year, target.criterion)\ntabel.T"),
        Md(
            "### Latihan 5.3\n\n"
            "Pada bulan apa skenario **kombinasi** (baris terakhir) memenuhi target tahun berikutnya (UHC "
            'Prioritas, 98/80)? Tulis sebagai `"YYYY-MM"` atau ambil dari kolom `kolom_target`.'
        ),
        Exercise("5.3", "jawaban_bulan_kombinasi", "jawaban_bulan_kombinasi = tabel[kolom_target].iloc[-1]"),
        Md("### Latihan 5.4\n\nBerapa biaya **Pemda setahun** setelah semua tuas skenario kombinasi berjalan penuh?"),
        Exercise("5.4", "jawaban_biaya_kombinasi", 'jawaban_biaya_kombinasi = tabel["regency_yearly_rp"].iloc[-1]'),
        Md(
            "## 5. Coba sendiri: rencana Anda\n\n"
            "Ubah laju dan batas setiap tuas, jalankan sel, lalu lihat kapan kriteria tercapai dan berapa biayanya. "
            "(Tidak ada pemeriksaan di sini: ini untuk diskusi.)"
        ),
        Code(
            "rencana = scenarios.Scenario(\n"
            '    "Rencana kita",\n'
            "    [\n"
            "        scenarios.EnrolUnregistered(pace=10_000, cap=jumlah_didaftarkan),\n"
            "        scenarios.CsrSponsorship(pace=5_000, cap=30_000),\n"
            '        scenarios.TakeOverInactive(pace=10_000, cap=200_000, segment="pbi_apbn"),\n'
            "    ],\n"
            ")\n"
            "jalur_rencana = scenarios.simulate(fig, rencana, months=bulan_proyeksi)\n"
            'scenarios.milestones(jalur_rencana)[["criteria_year", "label_id", "reached", "months"]]'
        ),
        Code("scenarios.cost_summary(jalur_rencana)"),
        Md(
            "## Ringkasan\n\n"
            "- Biaya setahun mendaftarkan *N* penduduk sebagai PBPU Pemda = *N* × Rp42.000 × 12.\n"
            "- Skenario adalah gabungan tuas; simulasi memberi bulan setiap kriteria tercapai dan biaya menurut "
            "pembayar (Pemda, peserta, CSR).\n"
            "- Hasil simulasi adalah perkiraan dengan asumsi yang tertulis di `uhc_lib.analysis.scenarios` "
            "(penduduk tetap, "
            "iuran yang berlaku), bukan janji.\n\n"
            "*English:* a scenario is a set of levers; the simulation gives the month each criterion is met and the "
            "cost by payer, under stated assumptions (population held, premiums in force)."
        ),
    ),
)

LESSONS = [LESSON_1, LESSON_2, LESSON_3, LESSON_4, LESSON_5]


# ---------------------------------------------------------------------------------------------------------------
# Writing the notebooks
# ---------------------------------------------------------------------------------------------------------------


def check_source(ex: Exercise) -> str:
    return f'latihan.check("{ex.id}", {ex.variable})'


def exercise_source(ex: Exercise, solved: bool) -> str:
    if solved:
        return ex.solution
    lines = [ex.scaffold] if ex.scaffold else []
    lines.append(f"{ex.variable} = ...  # ganti ... dengan jawaban Anda")
    return "\n".join(lines)


def build(lesson: Lesson, solved: bool) -> nbf.NotebookNode:
    """The lesson's notebook; ``solved`` fills in the exercise cells."""
    cells = []
    for i, item in enumerate(lesson.cells):
        key = f"l{lesson.stem[:2]}-{i:02d}"
        if i == 0:  # the opening cell: title, purpose and how to use
            banner = SOLUTION_BANNER if solved else ""
            cells.append(nbf.v4.new_markdown_cell(f"# {lesson.title}\n\n{banner}{item.text}", id=key))
        elif isinstance(item, Md):
            cells.append(nbf.v4.new_markdown_cell(item.text, id=key))
        elif isinstance(item, Code):
            cells.append(
                nbf.v4.new_code_cell(item.source, id=key, metadata={"tags": list(item.tags)} if item.tags else {})
            )
        else:
            ex_id = item.id.replace(".", "-")
            cells.append(
                nbf.v4.new_code_cell(exercise_source(item, solved), id=f"ex-{ex_id}", metadata={"tags": ["exercise"]})
            )
            cells.append(nbf.v4.new_code_cell(check_source(item), id=f"check-{ex_id}", metadata={"tags": ["check"]}))
    nb = nbf.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def notebook_text(nb: nbf.NotebookNode) -> str:
    """The file text of ``nb`` (as ``nbformat.write`` writes it)."""
    text = nbf.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def write_if_changed(nb: nbf.NotebookNode, path: Path) -> bool:
    """Write ``nb`` unless the file already holds exactly that text; True if written."""
    text = notebook_text(nb)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def main() -> list[Path]:
    written = []
    for lesson in LESSONS:
        for folder, solved in ((COURSE, False), (SOLUTIONS, True)):
            path = folder / f"{lesson.stem}.ipynb"
            if write_if_changed(build(lesson, solved), path):
                written.append(path)
    for path in written:
        print(path.relative_to(ROOT))
    return written


if __name__ == "__main__":
    main()
