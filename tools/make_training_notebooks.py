"""Write the training course: notebooks/training/*.ipynb (exercises empty) and the answer keys in
notebooks/training_keys/*.ipynb (outside the participants' folder), in Indonesian and, in the ``en/`` folder beside
each, in English.

All four come from the one definition below, so a lesson, its key and its English version never drift apart: an
exercise cell holds ``jawaban_x = ...`` in the lesson and the worked answer in the key; every other cell is the same.
Every markdown cell carries its English text beside the Indonesian one (``Md(text, en=...)``); the English code
cells are the Indonesian ones with their comments translated (:data:`COMMENTS_EN`; a comment without a translation
stops the script) and ``lang = "en"`` in the parameters cell. Variable names stay Indonesian in both: the checks and
error explanations refer to them, and English lesson 0 explains them. No markdown cell names a region, a month or a
figure: those sentences are ``kursus.say(...)`` cells computed from the parameters cell. Cell ids are stable and no
outputs are written, so rerunning this script changes nothing unless the definition changes.

Run: ``.venv/bin/python tools/make_training_notebooks.py``.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "notebooks" / "training"
SOLUTIONS = ROOT / "notebooks" / "training_keys"
LANGS = ("id", "en")


@dataclass(frozen=True)
class Md:
    text: str
    en: str  # the same cell in English


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
    stem_en: str
    title_en: str

    def file_name(self, lang: str) -> str:
        """The notebook's path inside the course (or keys) folder: ``00_….ipynb``, or ``en/00_….ipynb``."""
        return f"{self.stem}.ipynb" if lang == "id" else f"en/{self.stem_en}.ipynb"


HOW_TO = {
    "id": "**Cara memakai:** jalankan sel satu per satu dari atas (Shift+Enter; lihat Pelajaran 0). Pada setiap "
    "**Latihan**, ganti `...` di sel latihan dengan jawaban atau perhitungan Anda, jalankan sel itu, lalu jalankan "
    "sel pemeriksaan di bawahnya: pesan **Benar!** berarti jawaban tepat; **Belum tepat** memberi petunjuk "
    '(bukan jawabannya). Angka boleh ditulis seperti di ringkasan, mis. `"74,88"` atau `"Rp42.000"`.',
    "en": "**How to use:** run the cells one by one from the top (Shift+Enter; see Lesson 0). In each **Exercise**, "
    "replace the `...` in the exercise cell with your answer or calculation, run that cell, then run the check cell "
    "below it: the message **Correct!** means the answer is right; **Not yet** gives a hint (not the answer). "
    'Figures may be written as the brief prints them, e.g. `"74.88"` or `"IDR 42,000"` (the Indonesian forms '
    '`"74,88"` and `"Rp42.000"` are understood too). The names in the code are Indonesian: Lesson 0 explains '
    "them.",
}


def how_to_use(purpose: str, purpose_en: str) -> Md:
    """A lesson's opening text: its purpose and how to work through it (the title and banner are added by build)."""
    return Md(f"{purpose}\n\n{HOW_TO['id']}", en=f"{purpose_en}\n\n{HOW_TO['en']}")


def english_pointer(lesson: Lesson) -> str:
    """The Indonesian lesson's last opening line: where the English version is, and what ``lang = "en"`` does."""
    return (
        f'\n\n*English:* this lesson in English is `{lesson.file_name("en")}`. With `lang = "en"` in the '
        "parameters cell of this notebook, the computed sentences, tables, check messages and error explanations "
        "are in English."
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


LANG_LINE = 'lang = "id"  # bahasa teks, tabel dan pesan: "id" atau "en"'


def params(*extra: str, region: str = "32.03", period: str = "2024-12") -> Code:
    lines = [
        f'kode_wilayah = "{region}"  # kode kabupaten/kota Kemendagri, sebagai teks di antara tanda kutip',
        f'periode = "{period}"  # bulan dengan bentuk YYYY-MM, di antara tanda kutip',
        'berkas_data = None  # None: data ilustratif proyek, atau nama berkas Anda, mis. "data_dinkes.xlsx"',
        *extra,
        LANG_LINE,
    ]
    return Code("\n".join(lines), ("parameters",))


def say(key: str) -> Code:
    return Code(f'kursus.say("{key}")')


SOLUTION_BANNER = {
    "id": "> **Kunci jawaban untuk pelatih** (*answer key for trainers*): pelajaran yang sama dengan semua latihan "
    "sudah diisi. Peserta memakai notebook di folder `notebooks/training/`; folder kunci ini tidak dibagikan.\n\n",
    "en": "> **Answer key for trainers**: the same lesson with every exercise filled in. Participants use the "
    "notebooks in the folder `notebooks/training/en/`; this key folder is not handed out.\n\n",
}

PARAMS_NOTE = Md(
    "Parameter pelajaran. Pelatih atau peserta boleh menggantinya dengan kabupaten/kota, bulan dan berkas data "
    "sendiri; semua kalimat, tabel, latihan dan pemeriksaan di bawah mengikutinya. Setelah mengubahnya, jalankan "
    "ulang semua sel (menu *Run → Run All Cells*).",
    en="The lesson's parameters. The trainer or participants may replace them with their own regency or city "
    "(kabupaten/kota), month and data file; every sentence, table, exercise and check below follows them. After "
    "changing them, run all the cells again (menu *Run → Run All Cells*). `lang` is the language of the computed "
    'sentences, tables and messages: `"en"` or `"id"` (Indonesian).',
)

UNFILLED = {"id": "# ganti ... dengan jawaban Anda", "en": "# replace ... with your answer"}


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
            "**Goal:** get to know Jupyter if you are used to Excel: cells, running a cell, the `[*]` mark, reading an "
            "error message, restarting and saving, and a table (DataFrame) much like a worksheet.",
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
            "Karena itu jalankan sel **dari atas ke bawah**.",
            en="## 1. Cells\n\n"
            "A notebook is made of **cells**, as a spreadsheet is made of cells. There are two kinds:\n\n"
            "- **text cells** (like this one): explanations, never run;\n"
            "- **code cells** (grey boxes with `[ ]:` on the left): Python commands. Their result appears right "
            "below them.\n\n"
            "**Running a cell:** click the cell and press **Shift+Enter** (or the ▶ button at the top). Left of the "
            "cell:\n\n"
            "- `[ ]` not run yet; `[*]` **running** (wait until it turns into a number);\n"
            "- `[3]` has run, as the third cell. The numbers give the order in which you ran the cells, not their "
            "order on the page.\n\n"
            "As an Excel formula refers to other cells, a code cell uses **names** made by the cells above it. So run "
            "the cells **from top to bottom**.\n\n"
            "### The Indonesian names in the code\n\n"
            "The course is written for Indonesian health offices, so the names in its code are Indonesian. The checks "
            "and the error explanations refer to these names, so keep them as they are:\n\n"
            "| name | meaning | name | meaning |\n|---|---|---|---|\n"
            "| `kode_wilayah` | region code (kabupaten/kota) | `periode` | month, `YYYY-MM` |\n"
            "| `berkas_data` | data file | `kursus` | the course's tools (checks, sentences) |\n"
            "| `tabel` | table | `satu_bulan` | one month |\n"
            "| `jawaban_...` | your answer to an exercise | `wilayah` | region |\n"
            "| `penduduk` | population | `terdaftar` | registered |\n"
            "| `aktif` | active | `cakupan`, `keaktifan` | coverage, activity |\n"
            "| `bulan`, `tahun` | month, year | `baris`, `kolom` | row(s), column |\n"
            "| `pesan` | message | `berkas_benar`, `berkas_rusak` | fixed file, broken file |\n"
            "| `contoh` | example | `target`, `min_...` | target, minimum |\n"
            "| `dengan_tunggakan` | with arrears | `jumlah_didaftarkan` | number of residents to enrol |\n"
            "| `premi_pemda`, `biaya` | Pemda premium, cost | `pilihan`, `jalur` | choices (scenarios), paths |\n"
            "| `rencana` | plan | `perintah`, `halaman` | command, page |\n\n"
            "A few printed labels are Indonesian too: `sampai` (to), `sekarang` (now), `diperlukan` (needed), "
            "`kelas` (class).",
        ),
        PARAMS_NOTE,
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
            "| menyimpan (Ctrl+S) | menyimpan notebook (Ctrl+S); data asli tidak berubah |",
            en="The cell above loads the course's tools. If an orange box **What this error means** appears, read it: "
            "it explains in plain words what to change.\n\n"
            "## 2. A table, like a spreadsheet\n\n"
            "In Python a table is called a **DataFrame** (the *pandas* library). Compared with Excel:\n\n"
            "| Excel | pandas |\n|---|---|\n"
            "| worksheet | DataFrame, e.g. `tabel` |\n"
            '| column headings in row 1 | column names, e.g. `tabel["population"]` |\n'
            "| row numbers on the left | the index (starts at 0) |\n"
            '| Filter (Data → Filter) | `tabel[tabel["period"] == periode]` |\n'
            '| `=SUM(E2:E6)` | `tabel["registered"].sum()` |\n'
            "| `=COUNTA(...)`, distinct values | `len(tabel)`, `.nunique()` |\n"
            "| saving (Ctrl+S) | saving the notebook (Ctrl+S); the original data never changes |",
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
            'hitung bulan yang berbeda: `tabel["period"].nunique()`.',
            en="### Exercise 0.1\n\n"
            "How many **months** are in this region's data? One month has several rows (one per segment), so count "
            'the distinct months: `tabel["period"].nunique()`.',
        ),
        Exercise("0.1", "jawaban_jumlah_bulan", 'jawaban_jumlah_bulan = tabel["period"].nunique()'),
        Md(
            "### Latihan 0.2\n\n"
            "Berapa peserta **terdaftar** pada bulan `periode`, semua segmen dijumlahkan (seperti `=SUM` di Excel)? "
            "Pakai tabel `satu_bulan` dan kolom `registered`.",
            en="### Exercise 0.2\n\n"
            "How many participants were **registered** in the month `periode`, all segments added up (like `=SUM` in "
            "Excel)? Use the table `satu_bulan` and the column `registered`.",
        ),
        Exercise("0.2", "jawaban_terdaftar", 'jawaban_terdaftar = satu_bulan["registered"].sum()'),
        Md(
            "## 3. Membaca pesan kesalahan\n\n"
            "Salah ketik satu huruf membuat Python berhenti dengan pesan kesalahan (teks merah). Jangan khawatir: "
            "tidak ada yang rusak. Sel di bawah sengaja salah ketik (`tabell`). Jalankan dan baca:\n\n"
            "1. kotak jingga menjelaskan artinya dalam bahasa Indonesia;\n"
            "2. **baris terakhir** pesan merah menyebut jenis kesalahannya (`NameError`: nama tidak dikenal);\n"
            "3. tanda panah `---->` menunjuk baris yang salah. Perbaiki, lalu jalankan lagi.",
            en="## 3. Reading an error message\n\n"
            "A one-letter typo makes Python stop with an error message (red text). Do not worry: nothing is broken. "
            "The cell below has a deliberate typo (`tabell`). Run it and read:\n\n"
            "1. the orange box explains what it means in plain words;\n"
            "2. the **last line** of the red message names the kind of error (`NameError`: an unknown name);\n"
            "3. the arrow `---->` points at the wrong line. Correct it, then run it again.",
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
            "mencetak ringkasannya (Pelajaran 5).",
            en="Errors you will often meet:\n\n"
            "| message (last line) | meaning | what to do |\n|---|---|---|\n"
            "| `NameError: name 'x' is not defined` | the name is unknown | check the spelling; run the cells above |\n"
            "| `SyntaxError` | Python cannot read the line | check quotes, brackets, commas |\n"
            "| `TypeError` | the kinds of values do not match (text with numbers) | remove the quotes around a number "
            "|\n"
            "| `KeyError: 'kolom'` | there is no such column | copy the column name exactly |\n"
            "| `IndexError` | the selection is empty | check the region code and the period |\n\n"
            "**Indonesian-style numbers:** in Python the decimal mark is a dot (`74.88`) and thousands have no "
            "separator (`42000`). Indonesian writing uses a decimal comma and a thousands dot (`74,88`, `Rp42.000`). "
            "Writing `74,88` without quotes makes two numbers; the course's checks recognise it and explain it. A "
            'figure copied from an Indonesian brief may be written between quotes: `"74,88"`.\n\n'
            "## 4. Restarting and saving\n\n"
            "- The **kernel** is the engine that runs the cells. If a cell stays `[*]` too long, choose "
            "*Kernel → Interrupt*.\n"
            "- *Kernel → Restart Kernel and Clear All Outputs* starts afresh: every name is gone, so run the cells "
            "from the top again (*Run → Run All Cells*).\n"
            "- **Ctrl+S** saves the notebook (the cells and their results). The course never changes the original "
            "data.\n"
            "- Your exercise results are recorded in the file `kemajuan_kursus.json` (course progress) in this "
            "folder; at the end of the course you can print a summary of them (Lesson 5).",
        ),
    ),
    stem_en="00_jupyter_for_excel_users",
    title_en="Lesson 0. Jupyter for Excel users",
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
            "**Goal:** load JKN (the national health insurance) participation data, look at one regency or city, and "
            "understand the error messages when a data file is broken.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "Setelah pelajaran ini Anda dapat:\n\n"
            "1. memuat panel kepesertaan JKN dengan `api.load_panel`;\n"
            "2. mengenali kolom-kolomnya (kode wilayah, periode, segmen, penduduk, terdaftar, aktif);\n"
            "3. memilih baris satu kabupaten/kota dan satu bulan;\n"
            "4. membaca pesan kesalahan sebuah berkas: **berkas, baris, kolom, masalah**, lalu memperbaikinya.",
            en="## Learning goals\n\n"
            "After this lesson you can:\n\n"
            "1. load the JKN participation panel with `api.load_panel`;\n"
            "2. recognise its columns (region code, period, segment, population, registered, active);\n"
            "3. select the rows of one regency or city and one month;\n"
            "4. read the error messages about a file: **file, row, column, problem**, and correct it.",
        ),
        PARAMS_NOTE,
        params(region="17.07", period="2024-07"),
        setup(1),
        Md(
            "## 1. Memuat panel\n\n"
            "Tanpa berkas (`berkas_data = None`) proyek memakai **data ilustratif**: angka kepesertaan semua 514 "
            "kabupaten/kota per bulan, dibuat secara simulasi agar cocok dengan angka yang pernah dipublikasikan "
            "(bukan data resmi BPJS Kesehatan). Dengan nama berkas, `api.load_panel` memuat berkas Anda sendiri "
            "(CSV, Excel atau Parquet) dan memeriksanya lebih dulu.",
            en="## 1. Loading the panel\n\n"
            "Without a file (`berkas_data = None`) the project uses **illustrative data**: participation figures for "
            "all 514 kabupaten/kota (regencies and cities) by month, made by simulation to match the figures that "
            "have been published (not official BPJS Kesehatan data). Given a file name, `api.load_panel` loads your "
            "own file (CSV, Excel or Parquet) and checks it first.",
        ),
        Code("panel = api.load_panel(berkas_data)\nkursus.table(panel.head())"),
        Md(
            "Setiap baris adalah **satu kabupaten/kota, satu bulan, satu segmen peserta**. Arti kolomnya "
            "(berkas Anda boleh memakai nama kolom dalam bahasa Indonesia):",
            en="Each row is **one regency or city, one month, one participant segment**. What the columns mean (your "
            "file may use Indonesian column names):",
        ),
        Code("kursus.table(training.column_glossary(lang))"),
        Md(
            'Catatan penting: **kode wilayah adalah teks**. `"11.10"` dan `"11.1"` adalah dua hal berbeda: '
            "bila spreadsheet menyimpan kode sebagai angka, angka nol di belakang hilang.\n\n"
            "Berapa baris dan kolom, dan bulan berapa saja yang ada?",
            en='Important: **a region code is text**. `"11.10"` and `"11.1"` are two different things: when a '
            "spreadsheet stores the code as a number, the trailing zero is lost.\n\n"
            "How many rows and columns, and which months, are there?",
        ),
        Code('print(panel.shape)\nprint(panel["period"].min(), "sampai", panel["period"].max())'),
        Md(
            "### Latihan 1.1\n\n"
            "Berapa kabupaten/kota yang ada dalam panel? Petunjuk: satu wilayah punya banyak baris; hitung **kode "
            "wilayah yang berbeda** dengan `.nunique()` pada kolom `region_code`.",
            en="### Exercise 1.1\n\n"
            "How many regencies and cities are in the panel? Hint: one region has many rows; count the **distinct "
            "region codes** with `.nunique()` on the column `region_code`.",
        ),
        Exercise("1.1", "jawaban_jumlah_wilayah", 'jawaban_jumlah_wilayah = panel["region_code"].nunique()'),
        Md(
            "## 2. Melihat satu kabupaten/kota\n\n"
            "Kita memilih baris dengan syarat di dalam kurung siku (seperti Filter di Excel): semua baris wilayah "
            "`kode_wilayah`, sepuluh yang terakhir.",
            en="## 2. Looking at one regency or city\n\n"
            "We select rows with a condition in square brackets (like Filter in Excel): every row of the region "
            "`kode_wilayah`, the last ten.",
        ),
        Code('wilayah = panel[panel["region_code"] == kode_wilayah]\nkursus.table(wilayah.tail(10))'),
        Md(
            "Dua syarat sekaligus (wilayah **dan** bulan) digabung dengan `&`, masing-masing di dalam kurung:",
            en="Two conditions at once (region **and** month) are combined with `&`, each in its own brackets:",
        ),
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
            "tabel `satu_bulan` (petunjuk: `.iloc[0]` mengambil nilai pertama).",
            en="Segments: PBI APBN (premiums paid by the central government), PBPU Pemda (residents enrolled and paid "
            "for by the regional government, the Pemda), PPU (wage earners), PBPU mandiri (self-paying) and BP "
            "(non-workers). The column `population` is the same on every row: it is the region's population, not a "
            "population per segment.\n\n"
            "### Exercise 1.2\n\n"
            "What is the region's population in the month `periode`? Take one value from the column `population` "
            "of the table `satu_bulan` (hint: `.iloc[0]` takes the first value).",
        ),
        Exercise("1.2", "jawaban_penduduk", 'jawaban_penduduk = satu_bulan["population"].iloc[0]'),
        Md(
            "## 3. Berkas latihan: benar dan rusak\n\n"
            "Pelajaran ini membuat dua berkas CSV kecil dari data wilayah Anda sendiri, dengan judul kolom dalam "
            "bahasa Indonesia (`kode_wilayah, periode, penduduk, terdaftar, aktif`). Tanpa kolom segmen, setiap baris "
            "adalah total wilayah (`segment` = `total`). Buka keduanya di Excel untuk membandingkan.",
            en="## 3. Practice files: fixed and broken\n\n"
            "This lesson makes two small CSV files from your own region's data, with Indonesian column headings "
            "(`kode_wilayah, periode, penduduk, terdaftar, aktif`: region code, period, population, registered, "
            "active). Without a segment column, each row is the region's total (`segment` = `total`). Open both in "
            "Excel to compare them; the broken one ends in `_rusak` (broken).",
        ),
        say("1.berkas"),
        Code('berkas_benar = kursus.params["fixed_file"]\nkursus.table(api.load_panel(berkas_benar))'),
        Md(
            "## 4. Berkas yang rusak\n\n"
            "`api.load_panel` akan **menolak** berkas rusak dan menyebut **semua** masalahnya sekaligus. Supaya "
            "pelajaran tetap berjalan, kita menangkap pesannya dengan `training.validation_error` dan mencetaknya:",
            en="## 4. The broken file\n\n"
            "`api.load_panel` **refuses** a broken file and names **all** its problems at once. So that the lesson "
            "goes on, we catch the message with `training.validation_error` and print it:",
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
            "Tabel berikut menyusun pesan yang sama dan menambahkan penjelasan dalam bahasa Indonesia:",
            en="How to read each line of the message:\n\n"
            "`<file>, row <row number>, column '<column>': <problem>`\n\n"
            "- **file**: the name of the file read;\n"
            "- **row**: the row number as in a spreadsheet (**the column headings are row 1**, the first data row is "
            "row 2);\n"
            "- **column**: the standard column name (e.g. `active` for the column `aktif` in your file);\n"
            "- **problem**: what is wrong.\n\n"
            "The next table sets out the same messages and adds a plain-language explanation:",
        ),
        Code("kursus.table(training.problems_table(pesan, lang))"),
        Md(
            "### Latihan 1.3\n\nBerapa masalah yang ditemukan dalam berkas rusak?",
            en="### Exercise 1.3\n\nHow many problems were found in the broken file?",
        ),
        Exercise("1.3", "jawaban_jumlah_masalah", "jawaban_jumlah_masalah = len(pesan.problems)"),
        Md(
            "### Latihan 1.4\n\n"
            "Di baris berapa ada masalah pada kolom `active` (peserta aktif)? Tulis nomor baris seperti dalam pesan.",
            en="### Exercise 1.4\n\n"
            "On which row is there a problem in the column `active` (active participants)? Write the row number as "
            "the message gives it.",
        ),
        Exercise("1.4", "jawaban_baris_aktif", "jawaban_baris_aktif = 7  # dari pesan: row 7, column 'active'"),
        Md(
            "## Ringkasan\n\n"
            '- `api.load_panel()` memuat data ilustratif; `api.load_panel("berkas.csv")` memuat dan memeriksa '
            "berkas Anda.\n"
            '- Kode wilayah selalu teks (`"17.07"`), periode `YYYY-MM`, jumlah orang bilangan bulat. Di berkas data '
            "titik ribuan boleh (`114.158` dibaca 114158); di sel kode Python tulis tanpa titik (`114158`).\n"
            "- Pesan kesalahan menyebut berkas, baris (judul = baris 1) dan kolom: buka berkasnya, perbaiki "
            "barisnya, muat lagi.\n\n"
            "*English:* the panel has one row per regency, month and segment; region codes are text; a broken file "
            "is refused with every problem listed by file, row (header = row 1) and column.",
            en="## Summary\n\n"
            '- `api.load_panel()` loads the illustrative data; `api.load_panel("berkas.csv")` loads and checks your '
            "file.\n"
            '- A region code is always text (`"17.07"`), a period `YYYY-MM`, a number of people a whole number. In '
            "a data file a thousands dot is fine (`114.158` is read as 114158); in a Python code cell write it "
            "without one (`114158`).\n"
            "- An error message names the file, the row (headings = row 1) and the column: open the file, correct "
            "the row, load it again.",
        ),
    ),
    stem_en="01_loading_and_checking_data",
    title_en="Lesson 1. Loading and checking data",
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
            "**Goal:** compute coverage, activity and the share of the population registered but not active, first by "
            "hand (pandas), then with `uhc_lib.rules.indicators`.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Menghitung **cakupan kepesertaan** = peserta terdaftar ÷ jumlah penduduk × 100.\n"
            "2. Menghitung **keaktifan** = peserta aktif ÷ jumlah penduduk × 100 (rasio yang dipakai kriteria UHC).\n"
            "3. Membedakannya dari **aktif ÷ terdaftar** (rasio lain yang kadang dipakai media), dan selalu "
            "menyebut rasio mana yang dipakai.\n"
            "4. Menghitung bagian penduduk yang **terdaftar tetapi tidak aktif**.\n"
            "5. Mendapat angka yang sama dengan `uhc_lib.rules.indicators` untuk semua wilayah dan bulan sekaligus.",
            en="## Learning goals\n\n"
            "1. Compute **coverage** (*cakupan kepesertaan*) = registered participants ÷ population × 100.\n"
            "2. Compute **activity** (*keaktifan*) = active participants ÷ population × 100 (the ratio the UHC "
            "criteria use).\n"
            "3. Tell it apart from **active ÷ registered** (another ratio the press sometimes uses), and always say "
            "which ratio is meant.\n"
            "4. Compute the share of the population that is **registered but not active**.\n"
            "5. Get the same figures with `uhc_lib.rules.indicators` for every region and month at once.",
        ),
        PARAMS_NOTE,
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
            "### Contoh (dikerjakan): bulan `periode_contoh`",
            en="## 1. From segment rows to the region's total\n\n"
            "A region has one row per segment. For the region's total we **add up** the registered and active "
            "participants of all segments, but we **do not** add up the population (it is the same on every row).\n\n"
            "### Worked example: the month `periode_contoh`",
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
            "laporan (koma desimal, dua angka di belakang koma):",
            en="**Coverage** = registered ÷ population × 100. The function `fmt.percent` writes the figure as the "
            "reports do (in Indonesian: a decimal comma and two decimals; in English: a decimal point):",
        ),
        Code("cakupan = 100 * terdaftar / penduduk\nprint(cakupan)\nprint(fmt.percent(cakupan, lang))"),
        Md(
            "Cakupan **di atas 100 persen** bisa terjadi: ada peserta yang terdaftar di wilayah ini tetapi tidak lagi "
            "tercatat sebagai penduduknya (pindah, meninggal, terdaftar ganda). Penyebutnya adalah penduduk Dukcapil "
            "semester yang berlaku (Juni atau Desember), jadi penyebut berubah dua kali setahun.\n\n"
            "**Keaktifan** = aktif ÷ **penduduk** × 100. Ini rasio yang dipakai kriteria UHC. Ada juga rasio aktif ÷ "
            "**terdaftar** (berapa persen peserta yang aktif). Keduanya benar, tetapi artinya berbeda, jadi setiap "
            "tabel dan kalimat harus menyebut penyebutnya.",
            en="Coverage **above 100 percent** can happen: some participants are registered in this region but no "
            "longer counted among its residents (moved, deceased, registered twice). The denominator is the Dukcapil "
            "(civil registry) population of the semester in force (June or December), so it changes twice a year.\n\n"
            "**Activity** = active ÷ **population** × 100. This is the ratio the UHC criteria use. There is also the "
            "ratio active ÷ **registered** (what percentage of participants are active). Both are correct but mean "
            "different things, so every table and sentence must name its denominator.",
        ),
        Code(
            "keaktifan = 100 * aktif / penduduk\n"
            "aktif_dari_terdaftar = 100 * aktif / terdaftar\n"
            'print("aktif ÷ penduduk :", fmt.percent(keaktifan, lang))\n'
            'print("aktif ÷ terdaftar:", fmt.percent(aktif_dari_terdaftar, lang))'
        ),
        Md(
            "## 2. Latihan secara manual: bulan `periode`\n\n"
            "Pilih dulu baris wilayah pada bulan `periode` dan hitung totalnya, seperti contoh di atas.",
            en="## 2. Exercises by hand: the month `periode`\n\n"
            "First select the region's rows in the month `periode` and compute the totals, as in the example above.",
        ),
        Code(
            'bulan = panel[(panel["region_code"] == kode_wilayah) & (panel["period"] == periode)]\n'
            'penduduk = bulan["population"].iloc[0]\n'
            'terdaftar = bulan["registered"].sum()\n'
            'aktif = bulan["active"].sum()\n'
            "print(penduduk, terdaftar, aktif)"
        ),
        Md(
            "### Latihan 2.1\n\nHitung cakupan kepesertaan (dalam persen) pada bulan `periode`.",
            en="### Exercise 2.1\n\nCompute the coverage (in percent) in the month `periode`.",
        ),
        Exercise("2.1", "jawaban_cakupan", "jawaban_cakupan = 100 * terdaftar / penduduk"),
        Md(
            "### Latihan 2.2\n\nHitung keaktifan menurut kriteria UHC: aktif ÷ penduduk, dalam persen.",
            en="### Exercise 2.2\n\nCompute the activity as the UHC criteria define it: active ÷ population, in "
            "percent.",
        ),
        Exercise("2.2", "jawaban_keaktifan", "jawaban_keaktifan = 100 * aktif / penduduk"),
        Md(
            "### Latihan 2.3\n\nHitung bagian peserta terdaftar yang aktif: aktif ÷ **terdaftar**, dalam persen.",
            en="### Exercise 2.3\n\nCompute the share of registered participants who are active: active ÷ "
            "**registered**, in percent.",
        ),
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
            "| `inactive_pct` | terdaftar tetapi tidak aktif ÷ penduduk |",
            en="## 3. With `uhc_lib.rules.indicators`\n\n"
            "`indicators.indicators(panel)` does the same calculation for **every** region and month at once. Its "
            "columns:\n\n"
            "| column | meaning |\n|---|---|\n"
            "| `coverage_pct` | coverage = registered ÷ population |\n"
            "| `activity_pct` | activity = active ÷ population (the UHC criteria) |\n"
            "| `active_of_registered_pct` | active ÷ registered |\n"
            "| `inactive` | registered but not active (persons) |\n"
            "| `inactive_pct` | registered but not active ÷ population |",
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
            "`baris` (kolom `inactive_pct`).",
            en="Compare with your answers above: the figures must be the same.\n\n"
            "### Exercise 2.4\n\n"
            "What percentage of the population is **registered but not active** in the month `periode`? Take it from "
            "the table `baris` (column `inactive_pct`).",
        ),
        Exercise("2.4", "jawaban_tidak_aktif", 'jawaban_tidak_aktif = baris["inactive_pct"].iloc[0]'),
        Md(
            "## Ringkasan\n\n"
            "- Cakupan = terdaftar ÷ penduduk; keaktifan = aktif ÷ penduduk; aktif ÷ terdaftar adalah rasio lain.\n"
            "- Terdaftar tetapi tidak aktif = cakupan − keaktifan (dalam poin persen).\n\n"
            "*English:* coverage = registered ÷ population; activity = active ÷ population (the UHC criteria's "
            "ratio); active ÷ registered is a different ratio: always say which one a figure is.",
            en="## Summary\n\n"
            "- Coverage = registered ÷ population; activity = active ÷ population (the UHC criteria's ratio); "
            "active ÷ registered is a different ratio: always say which one a figure is.\n"
            "- Registered but not active = coverage − activity (in percentage points).",
        ),
        say("2.ringkasan"),
    ),
    stem_en="02_coverage_and_activity",
    title_en="Lesson 2. Computing coverage and activity",
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
            "**Goal:** know the UHC statuses BPJS gives (UHC Prioritas and UHC Cut Off), find the status of a regency "
            "or city, and compute how many residents must be enrolled and how many more active participants are "
            "needed.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Mengetahui status UHC yang diberikan BPJS per periode, dan membedakannya dari UHC Awards.\n"
            "2. Menentukan status UHC sebuah kabupaten/kota dengan `criteria.evaluate`.\n"
            "3. Memahami syarat **tanpa tunggakan iuran PBPU Pemda** pada UHC Prioritas.\n"
            "4. Menghitung **kesenjangan dalam jiwa**: penduduk yang perlu didaftarkan, dan tambahan peserta aktif, "
            "secara manual lalu dengan `gaps.gaps`.",
            en="## Learning goals\n\n"
            "1. Know the UHC statuses BPJS Kesehatan (the JKN insurer) gives in each period, and tell them apart from "
            "the UHC Awards.\n"
            "2. Find the UHC status of a regency or city with `criteria.evaluate`.\n"
            "3. Understand the condition of **no PBPU Pemda premium arrears** for UHC Prioritas.\n"
            "4. Compute **the gaps in persons**: the residents to enrol and the additional active participants, "
            "first by hand, then with `gaps.gaps`.",
        ),
        PARAMS_NOTE,
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
            "Batas setiap status, ditulis dari data aturan (kolom *catatan* menyebut yang belum pasti):",
            en="## 1. The statuses BPJS gives\n\n"
            "The statuses are kept as data (`data/rules/uhc_criteria.csv`) with their sources. A region holds the "
            "**highest** status it meets, and the status is judged **every month** (it can be gained and lost within "
            "a year).\n\n"
            "- **2025–2026**: **UHC Prioritas** (priority UHC): coverage and activity above the minimums, **and no "
            "PBPU Pemda premium arrears**, on the Pemda's request verified by BPJS. Residents enrolled by the Pemda "
            "are **active the same day**. **UHC Cut Off** (also called UHC Non Prioritas): still UHC, but residents "
            "enrolled by the Pemda become active only **the next month**. A Pemda in arrears loses Prioritas even "
            "when its figures meet the minimums.\n"
            "- **2023–2024**: **UHC** (cut-off) and **UHC non cut-off**.\n"
            "- Below those minimums: **not meeting the UHC criteria** (*belum memenuhi kriteria UHC*).\n\n"
            "The minimums of each status, written from the rule data (the column *uncertain* names what is not yet "
            "certain):",
        ),
        Code("kursus.table(texts.status_rules(lang))"),
        Md(
            "**UHC Awards bukan status.** Penghargaan ini menilai **satu bulan** (UHC Awards 2026 menilai data "
            "Desember 2025), dan setiap tingkatnya mensyaratkan UHC Prioritas pada bulan itu. Sebuah tingkat bisa "
            "dicapai lewat lebih dari satu jalur:",
            en="**The UHC Awards are not a status.** This award judges **one month** (the UHC Awards 2026 judged the "
            "data of December 2025), and each of its tiers requires UHC Prioritas in that month. A tier can be "
            "reached by more than one route:",
        ),
        Code("kursus.table(texts.awards_rules(lang))"),
        Md(
            "## 2. Status sebuah kabupaten/kota\n\n"
            "Hitung indikator wilayah (Pelajaran 2), pilih bulannya, lalu nilai dengan kriteria satu tahun. "
            "Kolom `meets_...` menjawab apakah setiap syarat terpenuhi; `status` adalah kode status tertinggi yang "
            "terpenuhi (`none` = belum UHC). Tanpa kolom tunggakan (`pemda_arrears_rp`) dalam data, tidak ada "
            "tunggakan yang dianggap.",
            en="## 2. The status of a regency or city\n\n"
            "Compute the region's indicators (Lesson 2), pick the month, then judge it by one year's criteria. The "
            "columns `meets_...` say whether each condition is met; `status` is the code of the highest status met "
            "(`none` = not UHC). Without an arrears column (`pemda_arrears_rp`) in the data, no arrears are assumed.",
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
            'tanda kutip), atau ambil dengan `.iloc[0]`. Nama status juga diterima, mis. `"UHC Prioritas"`.',
            en="### Exercise 3.1\n\n"
            "What is this region's UHC status by the criteria of `tahun_kriteria`? Copy the content of the column "
            "`status` (text between quotes), or take it with `.iloc[0]`. The status name is accepted too, e.g. "
            '`"UHC Prioritas"`.',
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
            "### Contoh (dikerjakan): keaktifan minimal target",
            en="## 3. Gaps in persons\n\n"
            "To reach at least *p* percent, the number of people needed = population × *p* ÷ 100, **rounded up** "
            "(a person cannot be split). The gap = the number needed − the number now (zero when already reached).\n\n"
            "### Worked example: the target's minimum activity",
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
            "berasal dari pengaktifan kembali peserta nonaktif, bila peserta baru langsung aktif).",
            en="`gaps.gaps` computes the same for each of one year's criteria: `enrol_needed` (residents to enrol), "
            "`activate_needed` (additional active participants) and `reactivate_needed` (the part that must come from "
            "reactivating inactive participants, if new participants are active at once).",
        ),
        Md(
            "### Latihan 3.2\n\n"
            "Berapa penduduk yang **perlu didaftarkan** untuk mencapai `min_cakupan`? Hitung secara manual seperti "
            "contoh (gunakan `math.ceil`, dan `max(0, ...)` bila sudah tercapai) atau dengan "
            "`gaps.gaps(baris, tahun_target)`.",
            en="### Exercise 3.2\n\n"
            "How many residents **must be enrolled** to reach `min_cakupan`? Compute it by hand as in the example "
            "(use `math.ceil`, and `max(0, ...)` when already reached) or with `gaps.gaps(baris, tahun_target)`.",
        ),
        Exercise(
            "3.2",
            "jawaban_perlu_didaftarkan",
            "jawaban_perlu_didaftarkan = max(0, math.ceil(penduduk * min_cakupan / 100) - terdaftar)",
        ),
        Md(
            "### Latihan 3.3\n\nBerapa **tambahan peserta aktif** yang diperlukan untuk `min_keaktifan`?",
            en="### Exercise 3.3\n\nHow many **additional active participants** are needed for `min_keaktifan`?",
        ),
        Exercise(
            "3.3",
            "jawaban_tambahan_aktif",
            "jawaban_tambahan_aktif = max(0, math.ceil(penduduk * min_keaktifan / 100) - aktif)",
        ),
        Md("Periksa jawaban Anda dengan `gaps.gaps`:", en="Check your answers with `gaps.gaps`:"),
        Code("kursus.table(gaps.gaps(baris, tahun_target))"),
        Md(
            "### Latihan 3.4\n\n"
            "Misalkan Pemda **menunggak iuran PBPU Pemda**. Apa status wilayah ini menurut kriteria `tahun_target`? "
            "Coba dengan menambahkan kolom tunggakan (dalam rupiah) pada baris, lalu menilainya lagi.",
            en="### Exercise 3.4\n\n"
            "Suppose the Pemda **is in arrears on PBPU Pemda premiums**. What is the region's status by the criteria "
            "of `tahun_target`? Try it by adding an arrears column (in rupiah) to the row, then judging it again.",
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
            "rounded up.",
            en="## Summary\n\n"
            "- The status is the best status of the period that is met, checked every month.\n"
            "- UHC Prioritas also needs no PBPU Pemda premium arrears; UHC Cut Off is still UHC.\n"
            "- The UHC Awards are an award judged on one month, not a status.\n"
            "- Gaps are persons, rounded up.",
        ),
        say("3.ringkasan"),
    ),
    stem_en="03_uhc_status_and_gaps",
    title_en="Lesson 3. UHC status and gaps",
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
            "**Goal:** make the JKN participation brief of one regency or city and answer questions about it: status, "
            "gaps, trend, and when the target is reached at the current pace.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Membuat ringkasan satu kabupaten/kota untuk satu bulan.\n"
            "2. Menemukan di dalamnya: jumlah terdaftar tetapi tidak aktif, status, kesenjangan, perubahan dari "
            "tahun lalu, dan **bulan target tercapai dengan laju saat ini**.\n"
            "3. Mengetahui cara membuat berkas ringkasan (HTML/PDF) untuk dicetak.",
            en="## Learning goals\n\n"
            "1. Make the brief of one regency or city for one month.\n"
            "2. Find in it: the number registered but not active, the status, the gaps, the change from last year, "
            "and **the month the target is reached at the current pace**.\n"
            "3. Know how to make the brief's file (HTML/PDF) for printing.",
        ),
        PARAMS_NOTE,
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
            "menampilkannya, sehingga angka di kalimat dan di grafik selalu sama.",
            en="## 1. The brief\n\n"
            "Every figure of the brief is computed once (`api.figures_for`); the sentences, tables and chart only "
            "show them, so a figure in a sentence and in the chart is always the same.",
        ),
        Code(
            'display(Markdown(f"### {narrative.title(fig, lang)}"))\n'
            "display(Markdown(tables.headline_table(fig, lang)))\n"
            "display(Markdown(narrative.markdown(fig, lang)))"
        ),
        Md(
            "Grafik: setiap garis punya warna **dan** bentuk garis dan penanda sendiri, sehingga tetap terbaca bila "
            "dicetak hitam-putih.",
            en="Chart: each line has its own colour **and** its own line style and marker, so it stays readable when "
            "printed in black and white.",
        ),
        Code("brief_charts.trend_chart(fig, lang)\ntraining.readable()  # gaya garis dan penanda berbeda\nplt.show()"),
        Code("display(Markdown(tables.goals_table(fig, lang)))"),
        Md(
            "## 2. Pertanyaan tentang ringkasan\n\n"
            "Jawab dengan membaca ringkasan di atas. Angka boleh disalin apa adanya di antara tanda kutip "
            '(mis. `"713.852"`), atau ditulis tanpa titik ribuan (`713852`).\n\n'
            "### Latihan 4.1\n\nBerapa jiwa yang terdaftar sebagai peserta tetapi **tidak aktif**?",
            en="## 2. Questions about the brief\n\n"
            "Answer by reading the brief above. Figures may be copied as they are between quotes (e.g. "
            '`"713,852"`, or `"713.852"` from an Indonesian brief), or written without a thousands separator '
            "(`713852`).\n\n"
            "### Exercise 4.1\n\nHow many people are registered as participants but **not active**?",
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
            'keaktifan, tulis `"tidak tercapai"`.',
            en="### Exercise 4.2\n\n"
            "The brief uses the average pace of the last six months. According to the trend paragraph, **in which "
            'month does activity reach that target**? Write it as the text `"YYYY-MM"` (e.g. `"2030-01"`) or as '
            'the brief does (`"January 2030"`); if the brief says it will not be reached or does not mention '
            'activity, write `"not reached"`.',
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
            'positif, turun negatif; `"turun 1,62"` juga diterima.)',
            en="### Exercise 4.3\n\n"
            "By how many **percentage points** did activity change from the same month last year? (A rise is "
            'positive, a fall negative; `"down 1.62"` is accepted too.)',
        ),
        Exercise(
            "4.3",
            "jawaban_perubahan_keaktifan",
            'jawaban_perubahan_keaktifan = fig.changes["activity_pct_yoy"]  # kalimat: ... keaktifan naik ...',
        ),
        Md(
            "### Latihan 4.4\n\n"
            "Untuk target yang disebut di atas, berapa **tambahan peserta aktif** yang disebut paragraf kesenjangan "
            '("peserta aktif perlu bertambah ... jiwa")?',
            en="### Exercise 4.4\n\n"
            "For the target named above, how many **additional active participants** does the gaps paragraph name "
            '("active participants must increase by ... persons")?',
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
            "sendiri. Perintah untuk wilayah dan bulan pelajaran ini:",
            en="## 3. Making the brief's file for printing\n\n"
            "In a terminal (the project folder): `uhc brief <code> --period <YYYY-MM>` writes the HTML brief to the "
            "folder `reports/`; add `--format html,pdf` for an A4 PDF too, `--data <file>` for your own data and "
            "`--lang en` for English (Indonesian is the default). The command for this lesson's region and month:",
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
            "month assumes the average pace of the last six months continues.",
            en="## Summary\n\n"
            "- First paragraph: registered, active and not active (persons and percent of the population).\n"
            "- Status and gaps paragraph: this month's BPJS status, the next target, in persons.\n"
            "- Trend paragraph: the change from last month and last year, and the month the target is reached **if "
            "the pace of the last six months continues** (not a promise: the pace can change).\n"
            "- The brief's sentences, tables and chart all read the same computed figures.",
        ),
    ),
    stem_en="04_reading_a_brief",
    title_en="Lesson 4. Reading a brief",
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
            "**Goal:** compute the cost of enrolling residents as PBPU Pemda, compare scenarios (enrolment, "
            "reactivation "
            "of self-paying participants, CSR, taking over inactive participants) and find the month each scenario "
            "meets "
            "the target.",
        ),
        Md(
            "## Tujuan pembelajaran\n\n"
            "1. Mengetahui iuran (premi) JKN yang dibayar Pemda untuk peserta PBPU Pemda.\n"
            "2. Menghitung biaya setahun mendaftarkan *N* penduduk: *N* × iuran sebulan × 12.\n"
            "3. Mengenal **langkah** yang dapat ditempuh Pemda dan menyusunnya menjadi **skenario**.\n"
            "4. Membaca hasil simulasi: bulan target tercapai dan biaya yang ditanggung Pemda, peserta dan CSR.",
            en="## Learning goals\n\n"
            "1. Know the JKN premium (*iuran*) the Pemda pays for a PBPU Pemda participant.\n"
            "2. Compute the yearly cost of enrolling *N* residents: *N* × monthly premium × 12.\n"
            "3. Know the **measures** a Pemda can take and combine them into **scenarios**.\n"
            "4. Read the simulation's results: the month the target is met and the cost borne by the Pemda, the "
            "participants and CSR sponsors.",
        ),
        PARAMS_NOTE,
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
            "peserta mandiri kelas III membayar sebagian dan pemerintah membantu sisanya.",
            en="## 1. JKN premiums\n\n"
            "Premiums are set by Perpres (presidential regulation) 64/2020 and kept as data "
            "(`data/rules/premiums.csv`) with their legal sources. PBI APBN is paid by the central government; "
            "**PBPU Pemda** (also called PBI APBD) is paid by the **Pemda** from its budget (APBD); self-paying "
            "(mandiri) class III participants pay part and the government helps with the rest.",
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
            'ditulis `payer="regency"`. (`"Rp42.000"` seperti di ringkasan juga diterima.)',
            en="### Exercise 5.1\n\n"
            "How many rupiah **a month** does the Pemda pay for one class III PBPU Pemda participant in the month "
            "`periode`? Use `premiums.monthly_premium(segmen, kelas, bulan, payer=...)` (segment, class, month); the "
            'Pemda as payer is written `payer="regency"`. (`"IDR 42,000"` as the brief prints it is accepted too, and '
            '`"Rp42.000"` from an Indonesian brief.)',
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
            "### Contoh (dikerjakan): 1.000 penduduk selama setahun",
            en="## 2. The cost of enrolling residents\n\n"
            "Residents not yet registered (found, for example, by matching data with the social affairs office, "
            "Dinas Sosial, and the civil registry, Dukcapil) can be enrolled by the Pemda as PBPU Pemda. Under UHC "
            "Prioritas they are **active at once**; under UHC Cut Off only from the next month. The cost: number of "
            "people × monthly premium × number of months.\n\n"
            "### Worked example: 1,000 residents for a year",
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
            "Berapa biaya setahun bila Pemda mendaftarkan `jumlah_didaftarkan` penduduk sebagai PBPU Pemda?",
            en="### Exercise 5.2\n\n"
            "What is the yearly cost if the Pemda enrols `jumlah_didaftarkan` residents as PBPU Pemda?",
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
            "ini, pendaftaran oleh Pemda, reaktivasi mandiri dan CSR, dan **kombinasi** (baris terakhir).",
            en="## 3. Measures and scenarios\n\n"
            "A **measure** adds (or removes) participants every month at a given pace (`pace`, persons a month) up "
            "to a cap (`cap`, persons). The measures in `uhc_lib.analysis.scenarios`:\n\n"
            "| measure | meaning | who pays |\n|---|---|---|\n"
            "| `EnrolUnregistered` | enrol unregistered residents as PBPU Pemda | Pemda |\n"
            "| `ReactivateArrears` | self-paying participants in arrears pay them off and become active again | "
            "participants, CSR, Pemda |\n"
            "| `CsrSponsorship` | CSR funds pay the premiums of inactive self-paying participants | companies (CSR) |\n"
            "| `TakeOverInactive` | inactive participants are taken over as PBPU Pemda | Pemda |\n"
            "| `CleanData` | remove moved, deceased or duplicated records (registered −1) | — |\n"
            "| `CurrentPace` | the trend of the last months continues | — |\n\n"
            "Cleaning the data **lowers** coverage (the denominator is still the population), but it matters so that "
            "coverage above 100 percent does not hide residents who are not registered.\n\n"
            "The simulation **assumes the population stays the same**. The column `status` of a simulated path judges "
            "each month by its own year's criteria. The columns `reached_<year>_<criterion>` answer another question: "
            "the first month the path's figures reach that year's minimums, whatever month it is. So "
            "`reached_2024_non_cut_off` may hold a month of 2025: the 95/75 minimums were reached in that month, "
            "although that month's official status is judged by the 2025 criteria.\n\n"
            "## 4. Comparing the four standard scenarios\n\n"
            "`scenarios.default_scenarios` builds four scenarios from this region's own gaps: the current pace, "
            "enrolment by the Pemda, reactivation of self-paying participants with CSR, and the **combination** "
            "(last row).",
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
            "(`–` = tidak tercapai dalam masa simulasi); `regency_yearly_rp` adalah biaya Pemda setahun setelah "
            "semua langkah berjalan penuh; `regency_first_year_rp` biaya 12 bulan pertama.",
            en="The full table (one column per scenario). The columns `reached_...` hold the first month that minimum "
            "is "
            "reached (`–` = not reached within the simulation); `regency_yearly_rp` is the Pemda's yearly cost once "
            "every measure runs in full; `regency_first_year_rp` the cost of the first 12 months.",
        ),
        Code(
            "kolom_target = scenarios.reached_column(target.year, target.criterion)\nkursus.table(tabel.T, index=True)"
        ),
        Md(
            "### Latihan 5.3\n\n"
            "Pada bulan apa skenario **kombinasi** (baris terakhir) memenuhi target skenario? Tulis sebagai "
            '`"YYYY-MM"` atau ambil dari kolom `kolom_target`.',
            en="### Exercise 5.3\n\n"
            "In which month does the **combination** scenario (last row) meet the scenario target? Write it as "
            '`"YYYY-MM"` or take it from the column `kolom_target`.',
        ),
        Exercise("5.3", "jawaban_bulan_kombinasi", "jawaban_bulan_kombinasi = tabel[kolom_target].iloc[-1]"),
        Md(
            "### Latihan 5.4\n\nBerapa biaya **Pemda setahun** setelah semua langkah skenario kombinasi berjalan "
            "penuh?",
            en="### Exercise 5.4\n\n"
            "What is the **Pemda's yearly** cost once every measure of the combination scenario runs in full?",
        ),
        Exercise("5.4", "jawaban_biaya_kombinasi", 'jawaban_biaya_kombinasi = tabel["regency_yearly_rp"].iloc[-1]'),
        Md(
            "## 5. Coba sendiri: rencana Anda\n\n"
            "Ubah laju dan batas setiap langkah, jalankan sel, lalu lihat kapan target tercapai dan berapa biayanya. "
            "(Tidak ada pemeriksaan di sini: ini untuk diskusi.)",
            en="## 5. Try it yourself: your plan\n\n"
            "Change the pace and cap of each measure, run the cell, then see when the target is reached and what it "
            "costs. (There is no check here: this is for discussion.)",
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
            'kursus.table(scenarios.milestones(jalur_rencana)[["criteria_year", f"label_{lang}", "reached", "months"]])'
        ),
        Code("scenarios.cost_summary(jalur_rencana)"),
        Md(
            "## Ringkasan\n\n"
            "*English:* a scenario is a set of measures; the simulation gives the month each target is met and the "
            "cost by payer, assuming the population stays as it is and today's premiums.",
            en="## Summary\n\n"
            "- A scenario is a set of measures; the simulation gives the month each target is met and the cost by "
            "payer.\n"
            "- It assumes the population stays as it is, and today's premiums.",
        ),
        say("5.ringkasan"),
        Md(
            "## Kemajuan Anda\n\n"
            "Latihan yang sudah benar di semua pelajaran (dicatat di `kemajuan_kursus.json`). Sel berikut juga "
            "menulis halaman `kemajuan_kursus.html` yang dapat dibuka di browser dan dicetak (Ctrl+P).",
            en="## Your progress\n\n"
            "The exercises you got right in every lesson (recorded in `kemajuan_kursus.json`). The next cell also "
            "writes the page `kemajuan_kursus.html`, to open in a browser and print (Ctrl+P).",
        ),
        Code("kursus.table(training.progress_table(lang))"),
        Code(
            "from pathlib import Path\n\n"
            'halaman = Path("kemajuan_kursus.html")\n'
            'halaman.write_text(training.progress_html(lang), encoding="utf-8")\n'
            "print(halaman.resolve())"
        ),
    ),
    stem_en="05_planning_scenarios",
    title_en="Lesson 5. Planning scenarios",
)

LESSONS = [LESSON_0, LESSON_1, LESSON_2, LESSON_3, LESSON_4, LESSON_5]


# ---------------------------------------------------------------------------------------------------------------
# Writing the notebooks
# ---------------------------------------------------------------------------------------------------------------

COMMENTS_EN = {
    "# pemeriksa jawaban dan penjelas pesan kesalahan (tidak perlu diubah)": (
        "# the answer checks and the error explanations (nothing to change)"
    ),
    "# kode kabupaten/kota Kemendagri, sebagai teks di antara tanda kutip": (
        "# Kemendagri code of the kabupaten/kota (regency or city), as text between quotes"
    ),
    "# bulan dengan bentuk YYYY-MM, di antara tanda kutip": "# the month as YYYY-MM, between quotes",
    '# None: data ilustratif proyek, atau nama berkas Anda, mis. "data_dinkes.xlsx"': (
        '# None: the project\'s illustrative data, or the name of your file, e.g. "data_dinkes.xlsx"'
    ),
    '# bahasa teks, tabel dan pesan: "id" atau "en"': '# language of texts, tables and messages: "en" or "id"',
    "# None: kekurangan menuju cakupan target (dihitung), atau jumlah jiwa": (
        "# None: the shortfall to the target coverage (computed), or a number of persons"
    ),
    "# panjang simulasi dalam bulan": "# length of the simulation in months",
    "# noqa: F821 - salah ketik yang disengaja": "# noqa: F821 - a deliberate typo",
    "# dari pesan: row 7, column 'active'": "# from the message: row 7, column 'active'",
    "# enam bulan sebelumnya, untuk contoh": "# six months earlier, for the example",
    "# kriteria tahun bulan itu": "# the criteria of that month's year",
    "# tahun kriteria UHC Prioritas yang dituju (lihat di bawah)": (
        "# the criteria year of the UHC Prioritas aimed at (see below)"
    ),
    "# contoh: tunggakan Rp1 miliar": "# example: arrears of Rp1 billion",
    "# gaya garis dan penanda berbeda": "# different line styles and markers",
    "# gaya garis dan penanda berbeda, terbaca tanpa warna": (
        "# different line styles and markers, readable without colour"
    ),
    "# kalimat: ... terdaftar sebagai peserta tetapi tidak aktif": "# sentence: ... registered but not active",
    "# paragraf tren: ... keaktifan ... akan tercapai pada ...": (
        "# trend paragraph: ... activity ... would be reached in ..."
    ),
    "# kalimat: ... keaktifan naik ...": "# sentence: ... activity rose ...",
    "# paragraf kesenjangan": "# gaps paragraph",
    "# fungsi uhc_lib memberi angka yang sama": "# the uhc_lib function gives the same figure",
}
"""The English of every comment in the lessons' code (the English code cells differ from the Indonesian ones only in
these comments and the ``lang`` default)."""


def english_code(source: str) -> str:
    """``source`` with its comments in English and ``lang = "en"``; a comment without a translation is an error."""
    lines = source.split("\n")
    comments = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    for tok in reversed(comments):
        if tok.string not in COMMENTS_EN:
            raise KeyError(f"no English for the comment {tok.string!r}: add it to COMMENTS_EN")
        (row, col), (_, end) = tok.start, tok.end
        line = lines[row - 1]
        lines[row - 1] = line[:col] + COMMENTS_EN[tok.string] + line[end:]
    text = "\n".join(lines)
    lang_line = english_line(LANG_LINE)
    return text.replace(lang_line, lang_line.replace('lang = "id"', 'lang = "en"'))


def english_line(line: str) -> str:
    code, comment = line.split("  #", 1)
    return f"{code}  {COMMENTS_EN['#' + comment]}"


def check_source(ex: Exercise) -> str:
    return f'kursus.check("{ex.id}", {ex.variable})'


def exercise_source(ex: Exercise, solved: bool, lang: str = "id") -> str:
    """The exercise cell: the worked answer in a key, else the scaffold and ``jawaban_x = ...``."""
    code = (lambda source: source) if lang == "id" else english_code
    if solved:
        return code(ex.solution)
    lines = [code(ex.scaffold)] if ex.scaffold else []
    lines.append(f"{ex.variable} = ...  {UNFILLED[lang]}")
    return "\n".join(lines)


def build(lesson: Lesson, solved: bool, lang: str = "id") -> nbf.NotebookNode:
    """The lesson's notebook in ``lang``; ``solved`` fills in the exercise cells."""
    text = (lambda md: md.text) if lang == "id" else (lambda md: md.en)
    code = (lambda source: source) if lang == "id" else english_code
    cells = []
    for i, item in enumerate(lesson.cells):
        key = f"l{lesson.stem[:2]}-{i:02d}"
        if i == 0:  # the opening cell: title, purpose and how to use
            title = lesson.title if lang == "id" else lesson.title_en
            banner = SOLUTION_BANNER[lang] if solved else ""
            tail = english_pointer(lesson) if lang == "id" else ""
            cells.append(nbf.v4.new_markdown_cell(f"# {title}\n\n{banner}{text(item)}{tail}", id=key))
        elif isinstance(item, Md):
            cells.append(nbf.v4.new_markdown_cell(text(item), id=key))
        elif isinstance(item, Code):
            cells.append(
                nbf.v4.new_code_cell(code(item.source), id=key, metadata={"tags": list(item.tags)} if item.tags else {})
            )
        else:
            ex_id = item.id.replace(".", "-")
            source = exercise_source(item, solved, lang)
            cells.append(nbf.v4.new_code_cell(source, id=f"ex-{ex_id}", metadata={"tags": ["exercise"]}))
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


def notebooks() -> list[tuple[Path, nbf.NotebookNode]]:
    """Every notebook of the course: each lesson and its key, in Indonesian and in English."""
    out = []
    for lesson in LESSONS:
        for lang in LANGS:
            for folder, solved in ((COURSE, False), (SOLUTIONS, True)):
                out.append((folder / lesson.file_name(lang), build(lesson, solved, lang)))
    return out


def main() -> list[Path]:
    written = [path for path, nb in notebooks() if write_if_changed(nb, path)]
    for path in written:
        print(path.relative_to(ROOT))
    return written


if __name__ == "__main__":
    main()
