"""Write the training course: notebooks/training/*.ipynb (exercises empty) and the answer keys in
notebooks/training_keys/*.ipynb (outside the participants' folder).

Both come from the one definition below, so a lesson and its key never drift apart: an exercise cell holds
``jawaban_x = ...`` in the lesson and the worked answer in the key; every other cell is the same. No markdown cell
names a region, a month or a figure: those sentences are ``kursus.say(...)`` cells computed from the parameters
cell. Cell ids are stable and no outputs are written, so rerunning this script changes nothing unless the
definition changes.

Run: ``.venv/bin/python tools/make_training_notebooks.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "notebooks" / "training"
SOLUTIONS = ROOT / "notebooks" / "training_keys"


@dataclass(frozen=True)
class Md:
    text: str


@dataclass(frozen=True)
class Code:
    source: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exercise:
    """An answer cell (empty in the lesson, worked in the key) followed by its check cell."""

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
        "**Cara memakai:** jalankan sel satu per satu dari atas (Shift+Enter; lihat Pelajaran 0). Pada setiap "
        "**Latihan**, ganti `...` di sel latihan dengan jawaban atau perhitungan Anda, jalankan sel itu, lalu jalankan "
        "sel pemeriksaan di bawahnya: pesan **Benar!** berarti jawaban tepat; **Belum tepat** memberi petunjuk "
        '(bukan jawabannya). Angka boleh ditulis seperti di ringkasan, mis. `"74,88"` atau `"Rp42.000"`.\n\n'
        f'*English:* {english} Set `lang = "en"` in the parameters cell: the computed sentences, tables, check '
        "messages and error explanations are then in English."
    )


def setup(lesson: int, extra: str = "", imports: str = "") -> Code:
    """The setup cell: imports, then the lesson's course (parameters checked, checks, beginners' errors explained)."""
    lines = imports.splitlines()
    own = sorted({"from uhc_lib import api, training", *(x for x in lines if x.startswith("from uhc_lib"))})
    head = "\n".join(x for x in lines if not x.startswith("from uhc_lib")).strip("\n")
    return Code(
        (f"{head}\n\n" if head else "")
        + "\n".join(own)
        + "\n\n# pemeriksa jawaban dan penjelas pesan kesalahan (tidak perlu diubah)\n"
        f"kursus = training.setup({lesson}, kode_wilayah, periode, berkas_data, lang{extra})\n"
        'kursus.say("wilayah")',
        ("setup",),
    )


def params(*extra: str, region: str = "32.03", period: str = "2024-12") -> Code:
    lines = [
        f'kode_wilayah = "{region}"  # kode kabupaten/kota Kemendagri, sebagai teks di antara tanda kutip',
        f'periode = "{period}"  # bulan dengan bentuk YYYY-MM, di antara tanda kutip',
        'berkas_data = None  # None: data ilustratif proyek, atau nama berkas Anda, mis. "data_dinkes.xlsx"',
        *extra,
        'lang = "id"  # bahasa teks, tabel dan pesan: "id" atau "en"',
    ]
    return Code("\n".join(lines), ("parameters",))


def say(key: str) -> Code:
    return Code(f'kursus.say("{key}")')


SOLUTION_BANNER = (
    "> **Kunci jawaban untuk pelatih** (*answer key for trainers*): pelajaran yang sama dengan semua latihan sudah "
    "diisi. Peserta memakai notebook di folder `notebooks/training/`; folder kunci ini tidak dibagikan.\n\n"
)

PARAMS_NOTE = (
    "Parameter pelajaran. Pelatih atau peserta boleh menggantinya dengan kabupaten/kota, bulan dan berkas data "
    "sendiri; semua kalimat, tabel, latihan dan pemeriksaan di bawah mengikutinya. Setelah mengubahnya, jalankan "
    "ulang semua sel (menu *Run → Run All Cells*)."
)

# ---------------------------------------------------------------------------------------------------------------
# Lesson 0
# ---------------------------------------------------------------------------------------------------------------

LESSON_0 = Lesson(
    "00_jupyter_untuk_pengguna_excel",
    "Pelajaran 0. Jupyter untuk pengguna Excel",
    30,
    (
        how_to_use(
            "**Tujuan:** mengenal Jupyter bila Anda terbiasa dengan Excel: sel, menjalankan sel, tanda `[*]`, "
            "membaca pesan kesalahan, memulai ulang dan menyimpan, dan tabel (DataFrame) yang mirip lembar kerja.",
            "Lesson 0 introduces Jupyter to Excel users: cells, running them, `[*]`, reading an error message, "
            "restarting and saving, and a DataFrame next to a spreadsheet.",
        ),
        Md(
            "## 1. Sel\n\n"
            "Notebook terdiri dari **sel**, seperti lembar kerja terdiri dari sel. Ada dua jenis:\n\n"
            "- **sel teks** (seperti ini): penjelasan, tidak dijalankan;\n"
            "- **sel kode** (kotak abu-abu dengan `[ ]:` di kiri): perintah Python. Hasilnya muncul tepat di "
            "bawahnya.\n\n"
            "**Menjalankan sel:** klik sel lalu tekan **Shift+Enter** (atau tombol ▶ di atas). Di kiri sel:\n\n"
            "- `[ ]` belum dijalankan; `[*]` **sedang berjalan** (tunggu sampai berubah menjadi angka);\n"
            "- `[3]` sudah dijalankan, sebagai sel ketiga. Urutan angka ini adalah urutan Anda menjalankannya, "
            "bukan urutan di halaman.\n\n"
            "Seperti rumus Excel yang merujuk sel lain, sebuah sel kode memakai **nama** yang dibuat sel di atasnya. "
            "Karena itu jalankan sel **dari atas ke bawah**."
        ),
        Md(PARAMS_NOTE),
        params(region="32.03", period="2024-12"),
        setup(0),
        Md(
            "Sel di atas memuat alat kursus. Bila muncul kotak jingga **Penjelasan pesan kesalahan**, bacalah: "
            "kotak itu menjelaskan dalam bahasa Indonesia apa yang perlu diubah.\n\n"
            "## 2. Sebuah tabel, seperti lembar kerja\n\n"
            "Di Python, tabel disebut **DataFrame** (pustaka *pandas*). Perbandingannya dengan Excel:\n\n"
            "| Excel | pandas |\n|---|---|\n"
            "| lembar kerja | DataFrame, mis. `tabel` |\n"
            '| judul kolom di baris 1 | nama kolom, mis. `tabel["population"]` |\n'
            "| nomor baris di kiri | indeks (dimulai dari 0) |\n"
            '| Filter (Data → Filter) | `tabel[tabel["period"] == periode]` |\n'
            '| `=SUM(E2:E6)` | `tabel["registered"].sum()` |\n'
            "| `=COUNTA(...)`, nilai unik | `len(tabel)`, `.nunique()` |\n"
            "| menyimpan (Ctrl+S) | menyimpan notebook (Ctrl+S); data asli tidak berubah |"
        ),
        Code(
            "panel = api.load_panel(berkas_data)\n"
            'tabel = panel[panel["region_code"] == kode_wilayah]\n'
            'satu_bulan = tabel[tabel["period"] == periode]\n'
            "kursus.table(satu_bulan)"
        ),
        say("0.tabel"),
        Md(
            "### Latihan 0.1\n\n"
            "Berapa **bulan** yang ada dalam data wilayah ini? Satu bulan punya beberapa baris (satu per segmen), jadi "
            'hitung bulan yang berbeda: `tabel["period"].nunique()`.'
        ),
        Exercise("0.1", "jawaban_jumlah_bulan", 'jawaban_jumlah_bulan = tabel["period"].nunique()'),
        Md(
            "### Latihan 0.2\n\n"
            "Berapa peserta **terdaftar** pada bulan `periode`, semua segmen dijumlahkan (seperti `=SUM` di Excel)? "
            "Pakai tabel `satu_bulan` dan kolom `registered`."
        ),
        Exercise("0.2", "jawaban_terdaftar", 'jawaban_terdaftar = satu_bulan["registered"].sum()'),
        Md(
            "## 3. Membaca pesan kesalahan\n\n"
            "Salah ketik satu huruf membuat Python berhenti dengan pesan kesalahan (teks merah). Jangan khawatir: "
            "tidak ada yang rusak. Sel di bawah sengaja salah ketik (`tabell`). Jalankan dan baca:\n\n"
            "1. kotak jingga menjelaskan artinya dalam bahasa Indonesia;\n"
            "2. **baris terakhir** pesan merah menyebut jenis kesalahannya (`NameError`: nama tidak dikenal);\n"
            "3. tanda panah `---->` menunjuk baris yang salah. Perbaiki, lalu jalankan lagi."
        ),
        Code('tabell["population"]  # noqa: F821 - salah ketik yang disengaja', ("raises-exception",)),
        Md(
            "Kesalahan yang sering ditemui:\n\n"
            "| pesan (baris terakhir) | artinya | yang dilakukan |\n|---|---|---|\n"
            "| `NameError: name 'x' is not defined` | nama belum dikenal | periksa ejaan; jalankan sel di atas |\n"
            "| `SyntaxError` | Python tidak dapat membaca baris itu | periksa tanda kutip, kurung, koma |\n"
            "| `TypeError` | jenis nilai tidak cocok (teks dengan angka) | hapus tanda kutip di sekitar angka |\n"
            "| `KeyError: 'kolom'` | kolom tidak ada | salin nama kolom persis |\n"
            "| `IndexError` | pilihan kosong | periksa kode wilayah dan periode |\n\n"
            "**Angka gaya Indonesia:** di Python tanda desimal adalah titik (`74.88`) dan ribuan tanpa pemisah "
            "(`42000`). Menulis `74,88` tanpa tanda kutip membuat dua angka; pemeriksaan kursus mengenalinya dan "
            'menjelaskannya. Angka yang disalin dari ringkasan boleh ditulis di antara tanda kutip: `"74,88"`.\n\n'
            "## 4. Memulai ulang dan menyimpan\n\n"
            "- **Kernel** adalah mesin yang menjalankan sel. Bila sel terlalu lama `[*]`, pilih *Kernel → Interrupt*.\n"
            "- *Kernel → Restart Kernel and Clear All Outputs* memulai dari awal: semua nama hilang, jadi jalankan "
            "lagi sel dari atas (*Run → Run All Cells*).\n"
            "- **Ctrl+S** menyimpan notebook (isi sel dan hasilnya). Data asli tidak pernah diubah oleh kursus.\n"
            "- Hasil latihan Anda dicatat di berkas `kemajuan_kursus.json` di folder ini; di akhir kursus Anda dapat "
            "mencetak ringkasannya (Pelajaran 5)."
        ),
    ),
)

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
            "deliberately broken file made from the regency's own figures (each error names the file, row and "
            "column).",
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
        params(region="17.07", period="2024-07"),
        setup(1),
        Md(
            "## 1. Memuat panel\n\n"
            "Tanpa berkas (`berkas_data = None`) proyek memakai **data ilustratif**: angka kepesertaan semua 514 "
            "kabupaten/kota per bulan, dibuat secara simulasi agar cocok dengan angka yang pernah dipublikasikan "
            "(bukan data resmi BPJS Kesehatan). Dengan nama berkas, `api.load_panel` memuat berkas Anda sendiri "
            "(CSV, Excel atau Parquet) dan memeriksanya lebih dulu."
        ),
        Code("panel = api.load_panel(berkas_data)\nkursus.table(panel.head())"),
        Md(
            "Setiap baris adalah **satu kabupaten/kota, satu bulan, satu segmen peserta**. Arti kolomnya "
            "(berkas Anda boleh memakai nama kolom dalam bahasa Indonesia):"
        ),
        Code("kursus.table(training.column_glossary(lang))"),
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
            "Kita memilih baris dengan syarat di dalam kurung siku (seperti Filter di Excel): semua baris wilayah "
            "`kode_wilayah`, sepuluh yang terakhir."
        ),
        Code('wilayah = panel[panel["region_code"] == kode_wilayah]\nkursus.table(wilayah.tail(10))'),
        Md("Dua syarat sekaligus (wilayah **dan** bulan) digabung dengan `&`, masing-masing di dalam kurung:"),
        Code(
            'satu_bulan = panel[(panel["region_code"] == kode_wilayah) & (panel["period"] == periode)]\n'
            "kursus.table(satu_bulan)"
        ),
        say("1.baris"),
        Md(
            "Segmen: PBI APBN (dibayar pemerintah pusat), PBPU Pemda (didaftarkan dan dibayar pemerintah daerah), "
            "PPU (pekerja penerima upah), PBPU mandiri dan BP. Kolom `population` (jumlah penduduk) sama di setiap "
            "baris: itu penduduk wilayah, bukan penduduk per segmen.\n\n"
            "### Latihan 1.2\n\n"
            "Berapa jumlah penduduk wilayah ini pada bulan `periode`? Ambil satu nilai dari kolom `population` "
            "tabel `satu_bulan` (petunjuk: `.iloc[0]` mengambil nilai pertama)."
        ),
        Exercise("1.2", "jawaban_penduduk", 'jawaban_penduduk = satu_bulan["population"].iloc[0]'),
        Md(
            "## 3. Berkas latihan: benar dan rusak\n\n"
            "Pelajaran ini membuat dua berkas CSV kecil dari data wilayah Anda sendiri, dengan judul kolom dalam "
            "bahasa Indonesia (`kode_wilayah, periode, penduduk, terdaftar, aktif`). Tanpa kolom segmen, setiap baris "
            "adalah total wilayah (`segment` = `total`). Buka keduanya di Excel untuk membandingkan."
        ),
        say("1.berkas"),
        Code('berkas_benar = kursus.params["fixed_file"]\nkursus.table(api.load_panel(berkas_benar))'),
        Md(
            "## 4. Berkas yang rusak\n\n"
            "`api.load_panel` akan **menolak** berkas rusak dan menyebut **semua** masalahnya sekaligus. Supaya "
            "pelajaran tetap berjalan, kita menangkap pesannya dengan `training.validation_error` dan mencetaknya:"
        ),
        Code(
            'berkas_rusak = kursus.params["broken_file"]\npesan = training.validation_error(berkas_rusak)\nprint(pesan)'
        ),
        Md(
            "Cara membaca setiap baris pesan (dalam bahasa Inggris):\n\n"
            "`<berkas>, row <nomor baris>, column '<kolom>': <masalah>`\n\n"
            "- **berkas**: nama berkas yang dibaca;\n"
            "- **row**: nomor baris seperti di spreadsheet (**baris judul kolom = baris 1**, data pertama = baris 2);\n"
            "- **column**: nama kolom standar (misalnya `active` untuk kolom `aktif` di berkas Anda);\n"
            "- **masalah**: apa yang salah.\n\n"
            "Tabel berikut menyusun pesan yang sama dan menambahkan penjelasan dalam bahasa Indonesia:"
        ),
        Code("kursus.table(training.problems_table(pesan, lang))"),
        Md("### Latihan 1.3\n\nBerapa masalah yang ditemukan dalam berkas rusak?"),
        Exercise("1.3", "jawaban_jumlah_masalah", "jawaban_jumlah_masalah = len(pesan.problems)"),
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
            "barisnya, muat lagi.\n\n"
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
            "aktif, mula-mula secara manual (pandas), lalu dengan `uhc_lib.rules.indicators`.",
            "Lesson 2 computes coverage (registered ÷ population), activity (active ÷ population), active ÷ "
            "registered and the inactive share, first manually with pandas, then with uhc_lib.rules.indicators.",
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
        params(region="17.07", period="2024-07"),
        setup(2, imports="from uhc_lib.common import fmt\nfrom uhc_lib.rules import indicators\n"),
        Code(
            "import pandas as pd\n\n"
            "panel = api.load_panel(berkas_data)\n"
            'periode_contoh = str(pd.Period(periode, "M") - 6)  # enam bulan sebelumnya, untuk contoh'
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
            "print(periode_contoh, penduduk, terdaftar, aktif)"
        ),
        Md(
            "**Cakupan kepesertaan** = terdaftar ÷ penduduk × 100. Fungsi `fmt.percent` menulis angka seperti di "
            "laporan (koma desimal, dua angka di belakang koma):"
        ),
        Code("cakupan = 100 * terdaftar / penduduk\nprint(cakupan)\nprint(fmt.percent(cakupan, lang))"),
        Md(
            "Cakupan **di atas 100 persen** bisa terjadi: ada peserta yang terdaftar di wilayah ini tetapi tidak lagi "
            "tercatat sebagai penduduknya (pindah, meninggal, terdaftar ganda). Penyebutnya adalah penduduk Dukcapil "
            "semester yang berlaku (Juni atau Desember), jadi penyebut berubah dua kali setahun.\n\n"
            "**Keaktifan** = aktif ÷ **penduduk** × 100. Ini rasio yang dipakai kriteria UHC. Ada juga rasio aktif ÷ "
            "**terdaftar** (berapa persen peserta yang aktif). Keduanya benar, tetapi artinya berbeda, jadi setiap "
            "tabel dan kalimat harus menyebut penyebutnya."
        ),
        Code(
            "keaktifan = 100 * aktif / penduduk\n"
            "aktif_dari_terdaftar = 100 * aktif / terdaftar\n"
            'print("aktif ÷ penduduk :", fmt.percent(keaktifan, lang))\n'
            'print("aktif ÷ terdaftar:", fmt.percent(aktif_dari_terdaftar, lang))'
        ),
        Md(
            "## 2. Latihan secara manual: bulan `periode`\n\n"
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
            'kursus.table(baris[["region_code", "period", "population", "registered", "active", "coverage_pct", '
            '"activity_pct", "active_of_registered_pct", "inactive", "inactive_pct"]])'
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
            "- Terdaftar tetapi tidak aktif = cakupan − keaktifan (dalam poin persen).\n\n"
            "*English:* coverage = registered ÷ population; activity = active ÷ population (the UHC criteria's "
            "ratio); active ÷ registered is a different ratio: always say which one a figure is."
        ),
        say("2.ringkasan"),
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
            "**Tujuan:** mengenal status UHC yang diberikan BPJS (UHC Prioritas dan UHC Cut Off), menentukan status "
            "sebuah kabupaten/kota, dan menghitung berapa penduduk yang perlu didaftarkan dan berapa tambahan peserta "
            "aktif yang diperlukan.",
            "Lesson 3 reads the statuses BPJS gives (2025-26: UHC Prioritas at 98/80 with no PBPU Pemda arrears, UHC "
            "Cut Off; 2023-24: UHC and non cut-off), the UHC Awards as an award apart, finds a regency's status and "
            "computes the persons to enrol and the additional active participants needed.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Mengetahui status UHC yang diberikan BPJS per periode, dan membedakannya dari UHC Awards.\n"
            "2. Menentukan status UHC sebuah kabupaten/kota dengan `criteria.evaluate`.\n"
            "3. Memahami syarat **tanpa tunggakan iuran PBPU Pemda** pada UHC Prioritas.\n"
            "4. Menghitung **kesenjangan dalam jiwa**: penduduk yang perlu didaftarkan, dan tambahan peserta aktif, "
            "secara manual lalu dengan `gaps.gaps`."
        ),
        Md(PARAMS_NOTE),
        params(),
        setup(
            3,
            imports="import math\n\nfrom uhc_lib.analysis import gaps\nfrom uhc_lib.rules import criteria, "
            "indicators\nfrom uhc_lib.training import texts\n",
        ),
        Code(
            "panel = api.load_panel(berkas_data)\n"
            "tahun_kriteria = kursus.month.year  # kriteria tahun bulan itu\n"
            "tahun_target = kursus.target.year  # tahun kriteria UHC Prioritas yang dituju (lihat di bawah)\n"
            "print(tahun_kriteria, tahun_target)"
        ),
        Md(
            "## 1. Status yang diberikan BPJS\n\n"
            "Status disimpan sebagai data (`data/rules/uhc_criteria.csv`) beserta sumbernya. Sebuah wilayah memegang "
            "status **tertinggi** yang terpenuhi, dan status dinilai **setiap bulan** (bisa diperoleh dan hilang "
            "dalam setahun).\n\n"
            "- **2025–2026**: **UHC Prioritas**: cakupan dan keaktifan di atas batas, **dan tidak ada tunggakan "
            "iuran PBPU Pemda**, atas permintaan Pemda yang diverifikasi BPJS. Penduduk yang didaftarkan Pemda "
            "**langsung aktif** hari itu. **UHC Cut Off** (juga disebut UHC Non Prioritas): tetap UHC, tetapi "
            "penduduk yang didaftarkan Pemda baru aktif **bulan berikutnya**. Pemda yang menunggak iuran kehilangan "
            "Prioritas walaupun angkanya memenuhi.\n"
            "- **2023–2024**: **UHC** (cut-off) dan **UHC non cut-off**.\n"
            "- Di bawah batas itu: **belum memenuhi kriteria UHC**.\n\n"
            "Batas setiap status, ditulis dari data aturan (kolom *catatan* menyebut yang belum pasti):"
        ),
        Code("kursus.table(texts.status_rules(lang))"),
        Md(
            "**UHC Awards bukan status.** Penghargaan ini menilai **satu bulan** (UHC Awards 2026 menilai data "
            "Desember 2025), dan setiap tingkatnya mensyaratkan UHC Prioritas pada bulan itu. Sebuah tingkat bisa "
            "dicapai lewat lebih dari satu jalur:"
        ),
        Code("kursus.table(texts.awards_rules(lang))"),
        Md(
            "## 2. Status sebuah kabupaten/kota\n\n"
            "Hitung indikator wilayah (Pelajaran 2), pilih bulannya, lalu nilai dengan kriteria satu tahun. "
            "Kolom `meets_...` menjawab apakah setiap syarat terpenuhi; `status` adalah kode status tertinggi yang "
            "terpenuhi (`none` = belum UHC). Tanpa kolom tunggakan (`pemda_arrears_rp`) dalam data, tidak ada "
            "tunggakan yang dianggap."
        ),
        Code(
            'ind = indicators.indicators(panel[panel["region_code"] == kode_wilayah])\n'
            'baris = ind[ind["period"] == periode]\n'
            'kursus.table(baris[["region_code", "period", "population", "registered", "active", "coverage_pct", '
            '"activity_pct"]])'
        ),
        Code('kursus.table(criteria.evaluate(baris, tahun_kriteria).filter(regex="^meets_|^status"))'),
        Md(
            "### Latihan 3.1\n\n"
            "Apa status UHC wilayah ini menurut kriteria `tahun_kriteria`? Salin isi kolom `status` (teks di antara "
            'tanda kutip), atau ambil dengan `.iloc[0]`. Nama status juga diterima, mis. `"UHC Prioritas"`.'
        ),
        Exercise(
            "3.1",
            "jawaban_status",
            'jawaban_status = criteria.evaluate(baris, tahun_kriteria)["status"].iloc[0]',
        ),
        Md(
            "## 3. Kesenjangan dalam jiwa\n\n"
            "Untuk mencapai minimal *p* persen, jumlah orang yang diperlukan = penduduk × *p* ÷ 100, **dibulatkan ke "
            "atas** (orang tidak bisa dipecah). Kesenjangan = jumlah yang diperlukan − jumlah sekarang (nol bila sudah "
            "tercapai).\n\n"
            "### Contoh (dikerjakan): keaktifan minimal target"
        ),
        say("3.target"),
        Code(
            'penduduk = baris["population"].iloc[0]\n'
            'terdaftar = baris["registered"].iloc[0]\n'
            'aktif = baris["active"].iloc[0]\n'
            "min_cakupan = kursus.target.min_coverage_pct\n"
            "min_keaktifan = kursus.target.min_activity_pct\n"
            "aktif_diperlukan = math.ceil(penduduk * min_keaktifan / 100)\n"
            'print("aktif diperlukan:", aktif_diperlukan, "| sekarang:", aktif)'
        ),
        Md(
            "`gaps.gaps` menghitung hal yang sama untuk setiap kriteria satu tahun: `enrol_needed` (perlu "
            "didaftarkan), `activate_needed` (tambahan peserta aktif) dan `reactivate_needed` (bagian yang harus "
            "berasal dari pengaktifan kembali peserta nonaktif, bila peserta baru langsung aktif)."
        ),
        Md(
            "### Latihan 3.2\n\n"
            "Berapa penduduk yang **perlu didaftarkan** untuk mencapai `min_cakupan`? Hitung secara manual seperti "
            "contoh (gunakan `math.ceil`, dan `max(0, ...)` bila sudah tercapai) atau dengan "
            "`gaps.gaps(baris, tahun_target)`."
        ),
        Exercise(
            "3.2",
            "jawaban_perlu_didaftarkan",
            "jawaban_perlu_didaftarkan = max(0, math.ceil(penduduk * min_cakupan / 100) - terdaftar)",
        ),
        Md("### Latihan 3.3\n\nBerapa **tambahan peserta aktif** yang diperlukan untuk `min_keaktifan`?"),
        Exercise(
            "3.3",
            "jawaban_tambahan_aktif",
            "jawaban_tambahan_aktif = max(0, math.ceil(penduduk * min_keaktifan / 100) - aktif)",
        ),
        Md("Periksa jawaban Anda dengan `gaps.gaps`:"),
        Code("kursus.table(gaps.gaps(baris, tahun_target))"),
        Md(
            "### Latihan 3.4\n\n"
            "Misalkan Pemda **menunggak iuran PBPU Pemda**. Apa status wilayah ini menurut kriteria `tahun_target`? "
            "Coba dengan menambahkan kolom tunggakan (dalam rupiah) pada baris, lalu menilainya lagi."
        ),
        Code(
            "dengan_tunggakan = baris.assign(pemda_arrears_rp=1_000_000_000)  # contoh: tunggakan Rp1 miliar\n"
            'kursus.table(criteria.evaluate(dengan_tunggakan, tahun_target).filter(regex="^meets_|^status"))'
        ),
        Exercise(
            "3.4",
            "jawaban_status_tunggakan",
            'jawaban_status_tunggakan = criteria.evaluate(dengan_tunggakan, tahun_target)["status"].iloc[0]',
        ),
        Md(
            "## Ringkasan\n\n"
            "*English:* the status is the best status of the period that is met, checked monthly; UHC Prioritas also "
            "needs no PBPU Pemda premium arrears; the Awards are an award judged on one month; gaps are persons, "
            "rounded up."
        ),
        say("3.ringkasan"),
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
            "Lesson 4 builds one regency brief inline and asks questions about it, such as the month a target is "
            "reached at the current pace.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Membuat ringkasan satu kabupaten/kota untuk satu bulan.\n"
            "2. Menemukan di dalamnya: jumlah terdaftar tetapi tidak aktif, status, kesenjangan, perubahan dari "
            "tahun lalu, dan **bulan target tercapai dengan laju saat ini**.\n"
            "3. Mengetahui cara membuat berkas ringkasan (HTML/PDF) untuk dicetak."
        ),
        Md(PARAMS_NOTE),
        params(),
        setup(
            4,
            imports="%matplotlib inline\nimport matplotlib.pyplot as plt\nfrom IPython.display import Markdown, "
            "display\n\nfrom uhc_lib.render.charts import brief_charts\nfrom uhc_lib.render.text import narrative, "
            "tables\n",
        ),
        Code("fig = api.figures_for(kode_wilayah, periode, data_path=berkas_data)"),
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
        Md(
            "Grafik: setiap garis punya warna **dan** bentuk garis dan penanda sendiri, sehingga tetap terbaca bila "
            "dicetak hitam-putih."
        ),
        Code("brief_charts.trend_chart(fig, lang)\ntraining.readable()  # gaya garis dan penanda berbeda\nplt.show()"),
        Code("display(Markdown(tables.goals_table(fig, lang)))"),
        Md(
            "## 2. Pertanyaan tentang ringkasan\n\n"
            "Jawab dengan membaca ringkasan di atas. Angka boleh disalin apa adanya di antara tanda kutip "
            '(mis. `"713.852"`), atau ditulis tanpa titik ribuan (`713852`).\n\n'
            "### Latihan 4.1\n\nBerapa jiwa yang terdaftar sebagai peserta tetapi **tidak aktif**?"
        ),
        Exercise(
            "4.1",
            "jawaban_tidak_aktif_jiwa",
            "jawaban_tidak_aktif_jiwa = fig.inactive  # kalimat: ... terdaftar sebagai peserta tetapi tidak aktif",
        ),
        say("4.tujuan"),
        Md(
            "### Latihan 4.2\n\n"
            "Ringkasan memakai laju rata-rata enam bulan terakhir. Menurut paragraf tren, **pada bulan apa "
            'keaktifan mencapai target itu**? Tulis sebagai teks `"YYYY-MM"` (mis. `"2030-01"`) atau seperti di '
            'ringkasan (`"Januari 2030"`); bila ringkasan berkata tidak akan tercapai atau tidak menyebut '
            'keaktifan, tulis `"tidak tercapai"`.'
        ),
        Exercise(
            "4.2",
            "jawaban_bulan_keaktifan",
            "t = kursus.goal  # paragraf tren: ... keaktifan ... akan tercapai pada ...\n"
            'jawaban_bulan_keaktifan = t.activity_reached if t and t.activate_needed else "tidak tercapai"',
        ),
        Md(
            "### Latihan 4.3\n\n"
            "Berapa **poin persen** keaktifan berubah dibandingkan bulan yang sama tahun lalu? (Naik ditulis "
            'positif, turun negatif; `"turun 1,62"` juga diterima.)'
        ),
        Exercise(
            "4.3",
            "jawaban_perubahan_keaktifan",
            'jawaban_perubahan_keaktifan = fig.changes["activity_pct_yoy"]  # kalimat: ... keaktifan naik ...',
        ),
        Md(
            "### Latihan 4.4\n\n"
            "Untuk target yang disebut di atas, berapa **tambahan peserta aktif** yang disebut paragraf kesenjangan "
            '("peserta aktif perlu bertambah ... jiwa")?'
        ),
        Exercise(
            "4.4",
            "jawaban_tambahan_aktif",
            "jawaban_tambahan_aktif = kursus.goal.activate_needed if kursus.goal else 0  # paragraf kesenjangan",
        ),
        Md(
            "## 3. Membuat berkas ringkasan untuk dicetak\n\n"
            "Di terminal (folder proyek): `uhc brief <kode> --period <YYYY-MM>` menulis ringkasan HTML ke folder "
            "`reports/`; tambahkan `--format html,pdf` untuk PDF A4 juga, dan `--data <berkas>` untuk data Anda "
            "sendiri. Perintah untuk wilayah dan bulan pelajaran ini:"
        ),
        Code(
            'perintah = f"uhc brief {kode_wilayah} --period {periode} --format html,pdf"\n'
            'print(perintah + (f" --data {berkas_data}" if berkas_data else ""))'
        ),
        Md(
            "## Ringkasan\n\n"
            "- Paragraf pertama: terdaftar, aktif, dan tidak aktif (jiwa dan persen penduduk).\n"
            "- Paragraf status dan kesenjangan: status BPJS bulan ini, target berikutnya, dalam jiwa.\n"
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
            "setiap skenario memenuhi target.",
            "Lesson 5 prices enrolment as PBPU Pemda (persons × premium × 12 a year), compares scenarios built from "
            "measures and finds the month each scenario meets the target.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Mengetahui iuran (premi) JKN yang dibayar Pemda untuk peserta PBPU Pemda.\n"
            "2. Menghitung biaya setahun mendaftarkan *N* penduduk: *N* × iuran sebulan × 12.\n"
            "3. Mengenal **langkah** yang dapat ditempuh Pemda dan menyusunnya menjadi **skenario**.\n"
            "4. Membaca hasil simulasi: bulan target tercapai dan biaya yang ditanggung Pemda, peserta dan CSR."
        ),
        Md(PARAMS_NOTE),
        params(
            "jumlah_didaftarkan = None  # None: kekurangan menuju cakupan target (dihitung), atau jumlah jiwa",
            "bulan_proyeksi = 24  # panjang simulasi dalam bulan",
        ),
        setup(
            5,
            extra=", enrol_count=jumlah_didaftarkan, months=bulan_proyeksi",
            imports="%matplotlib inline\nimport matplotlib.pyplot as plt\nfrom IPython.display import Markdown, "
            "display\n\nfrom uhc_lib.analysis import budget, scenarios\nfrom uhc_lib.common import fmt\n"
            "from uhc_lib.render.charts import scenario_chart\nfrom uhc_lib.render.text import budget_text\n"
            "from uhc_lib.rules import premiums\n",
        ),
        Code(
            "fig = api.figures_for(kode_wilayah, periode, data_path=berkas_data)\n"
            'jumlah_didaftarkan = kursus.params["enrol_count"]'
        ),
        Md(
            "## 1. Iuran JKN\n\n"
            "Iuran diatur Perpres 64/2020 dan disimpan sebagai data (`data/rules/premiums.csv`) bersama sumber "
            "hukumnya. PBI APBN dibayar pemerintah pusat; **PBPU Pemda** (PBI APBD) dibayar **Pemda** dari APBD; "
            "peserta mandiri kelas III membayar sebagian dan pemerintah membantu sisanya."
        ),
        say("5.iuran"),
        Code(
            'print("PBPU Pemda kelas III  :", premiums.premium_breakdown("pbpu_pemda", 3, periode))\n'
            'print("PBPU mandiri kelas III:", premiums.premium_breakdown("pbpu_mandiri", 3, periode))'
        ),
        Md(
            "### Latihan 5.1\n\n"
            "Berapa rupiah **sebulan** yang dibayar Pemda untuk satu peserta PBPU Pemda kelas III pada bulan "
            "`periode`? Gunakan `premiums.monthly_premium(segmen, kelas, bulan, payer=...)`; pembayar Pemda "
            'ditulis `payer="regency"`. (`"Rp42.000"` seperti di ringkasan juga diterima.)'
        ),
        Exercise(
            "5.1",
            "jawaban_iuran_pemda",
            'jawaban_iuran_pemda = premiums.monthly_premium("pbpu_pemda", 3, periode, payer="regency")',
        ),
        Md(
            "## 2. Biaya mendaftarkan penduduk\n\n"
            "Penduduk yang belum terdaftar (misalnya ditemukan lewat pemadanan data dengan Dinas Sosial dan Dukcapil) "
            "dapat didaftarkan Pemda sebagai PBPU Pemda. Di bawah UHC Prioritas mereka **langsung aktif**; di bawah "
            "UHC Cut Off baru bulan berikutnya. Biayanya: jumlah orang × iuran sebulan × jumlah bulan.\n\n"
            "### Contoh (dikerjakan): 1.000 penduduk selama setahun"
        ),
        Code(
            "premi_pemda = premiums.pemda_premium(periode)\n"
            "biaya_contoh = 1000 * premi_pemda * 12\n"
            "print(fmt.rupiah(biaya_contoh, lang))\n"
            "print(fmt.rupiah(budget.enrolment_cost(1000, periode), lang))  # fungsi uhc_lib memberi angka yang sama"
        ),
        say("5.didaftarkan"),
        Md(
            "### Latihan 5.2\n\n"
            "Berapa biaya setahun bila Pemda mendaftarkan `jumlah_didaftarkan` penduduk sebagai PBPU Pemda?"
        ),
        Exercise("5.2", "jawaban_biaya_setahun", "jawaban_biaya_setahun = jumlah_didaftarkan * premi_pemda * 12"),
        Md(
            "## 3. Langkah dan skenario\n\n"
            "Sebuah **langkah** menambah (atau mengurangi) peserta setiap bulan dengan laju tertentu (`pace`, jiwa "
            "per bulan) sampai batas (`cap`, jiwa). Langkah yang tersedia di `uhc_lib.analysis.scenarios`:\n\n"
            "| langkah | artinya | siapa membayar |\n|---|---|---|\n"
            "| `EnrolUnregistered` | mendaftarkan penduduk yang belum terdaftar sebagai PBPU Pemda | Pemda |\n"
            "| `ReactivateArrears` | peserta mandiri menunggak melunasi, lalu aktif kembali | peserta, CSR, Pemda |\n"
            "| `CsrSponsorship` | dana CSR membayar iuran peserta mandiri nonaktif | perusahaan (CSR) |\n"
            "| `TakeOverInactive` | peserta nonaktif diambil alih sebagai PBPU Pemda | Pemda |\n"
            "| `CleanData` | membersihkan data pindah, meninggal atau ganda (terdaftar −1) | — |\n"
            "| `CurrentPace` | tren beberapa bulan terakhir berlanjut | — |\n\n"
            "Membersihkan data **menurunkan** cakupan (penyebutnya tetap jumlah penduduk), tetapi penting agar "
            "cakupan di atas 100 persen tidak menyembunyikan penduduk yang belum terdaftar.\n\n"
            "Simulasi **menganggap penduduk tetap**. Kolom `status` jalur simulasi menilai setiap bulan dengan "
            "kriteria tahunnya sendiri. Kolom `reached_<tahun>_<kriteria>` menjawab pertanyaan lain: bulan pertama "
            "angka jalur itu mencapai batas kriteria tahun tersebut, di bulan mana pun. Jadi "
            "`reached_2024_non_cut_off` boleh berisi bulan 2025: batas 95/75 tercapai pada bulan itu, walaupun status "
            "resmi bulan itu dinilai dengan kriteria 2025.\n\n"
            "## 4. Membandingkan empat skenario bawaan\n\n"
            "`scenarios.default_scenarios` menyusun empat skenario dari kesenjangan wilayah ini sendiri: laju saat "
            "ini, pendaftaran oleh Pemda, reaktivasi mandiri dan CSR, dan **kombinasi** (baris terakhir)."
        ),
        say("5.target"),
        Code(
            "pilihan = scenarios.default_scenarios(fig, lang)\n"
            "jalur = scenarios.run(pilihan, fig, months=bulan_proyeksi)\n"
            "tabel = scenarios.compare_paths(jalur)\n"
            "target = budget.default_target(fig)\n"
            "display(Markdown(budget_text.scenario_table(tabel, target, lang)))"
        ),
        Code(
            "scenario_chart.scenario_chart(jalur, target, tabel, lang)\n"
            "training.readable()  # gaya garis dan penanda berbeda, terbaca tanpa warna\n"
            "plt.show()"
        ),
        Md(
            "Tabel lengkap (satu kolom per skenario). Kolom `reached_...` berisi bulan pertama batas itu tercapai "
            "(`NaT` = tidak tercapai dalam masa simulasi); `regency_yearly_rp` adalah biaya Pemda setahun setelah "
            "semua langkah berjalan penuh; `regency_first_year_rp` biaya 12 bulan pertama."
        ),
        Code(
            "kolom_target = scenarios.reached_column(target.year, target.criterion)\n"
            "kursus.table(tabel.T.astype(str), index=True)"
        ),
        Md(
            "### Latihan 5.3\n\n"
            "Pada bulan apa skenario **kombinasi** (baris terakhir) memenuhi target skenario? Tulis sebagai "
            '`"YYYY-MM"` atau ambil dari kolom `kolom_target`.'
        ),
        Exercise("5.3", "jawaban_bulan_kombinasi", "jawaban_bulan_kombinasi = tabel[kolom_target].iloc[-1]"),
        Md(
            "### Latihan 5.4\n\nBerapa biaya **Pemda setahun** setelah semua langkah skenario kombinasi berjalan penuh?"
        ),
        Exercise("5.4", "jawaban_biaya_kombinasi", 'jawaban_biaya_kombinasi = tabel["regency_yearly_rp"].iloc[-1]'),
        Md(
            "## 5. Coba sendiri: rencana Anda\n\n"
            "Ubah laju dan batas setiap langkah, jalankan sel, lalu lihat kapan target tercapai dan berapa biayanya. "
            "(Tidak ada pemeriksaan di sini: ini untuk diskusi.)"
        ),
        Code(
            "rencana = scenarios.Scenario(\n"
            '    "Rencana kita",\n'
            "    [\n"
            "        scenarios.EnrolUnregistered(pace=max(1, jumlah_didaftarkan // 6), cap=jumlah_didaftarkan),\n"
            "        scenarios.CsrSponsorship(pace=1_000, cap=6_000),\n"
            '        scenarios.TakeOverInactive(pace=2_000, cap=24_000, segment="pbi_apbn"),\n'
            "    ],\n"
            ")\n"
            "jalur_rencana = scenarios.simulate(fig, rencana, months=bulan_proyeksi)\n"
            'kursus.table(scenarios.milestones(jalur_rencana)[["criteria_year", "label_id", "reached", "months"]])'
        ),
        Code("scenarios.cost_summary(jalur_rencana)"),
        Md(
            "## Ringkasan\n\n"
            "*English:* a scenario is a set of measures; the simulation gives the month each target is met and the "
            "cost by payer, assuming the population stays as it is and today's premiums."
        ),
        say("5.ringkasan"),
        Md(
            "## Kemajuan Anda\n\n"
            "Latihan yang sudah benar di semua pelajaran (dicatat di `kemajuan_kursus.json`). Sel berikut juga "
            "menulis halaman `kemajuan_kursus.html` yang dapat dibuka di browser dan dicetak (Ctrl+P)."
        ),
        Code("kursus.table(training.progress_table(lang))"),
        Code(
            "from pathlib import Path\n\n"
            'halaman = Path("kemajuan_kursus.html")\n'
            'halaman.write_text(training.progress_html(lang), encoding="utf-8")\n'
            "print(halaman.resolve())"
        ),
    ),
)

LESSONS = [LESSON_0, LESSON_1, LESSON_2, LESSON_3, LESSON_4, LESSON_5]


# ---------------------------------------------------------------------------------------------------------------
# Writing the notebooks
# ---------------------------------------------------------------------------------------------------------------


def check_source(ex: Exercise) -> str:
    return f'kursus.check("{ex.id}", {ex.variable})'


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
