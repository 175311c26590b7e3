"""Headings and prose of the exploratory reports, in the report's language (Indonesian by default, English).

Each report reads like a brief: its title and question, a note on the data, then numbered sections (a heading and
what the section shows), then the findings (:mod:`uhc_lib.render.text.findings`). The notebooks only display these
texts; how to run a notebook in JupyterLab stays in its first cell, which the exported report leaves out.
"""

from __future__ import annotations

from uhc_lib.common.lang import check_lang

COMMON = {
    "id": {
        "question": "Pertanyaan",
        "data": "Data",
        "findings": "Temuan",
        "illustrative": "Data ilustratif: angka kepesertaan adalah hasil simulasi proyek UHC Monitor (bukan data "
        "resmi BPJS Kesehatan) yang disesuaikan dengan angka yang pernah dipublikasikan.",
        "own": "Data: berkas panel pengguna.",
    },
    "en": {
        "question": "Question",
        "data": "Data",
        "findings": "Findings",
        "illustrative": "Illustrative data: the participation figures are simulated by the UHC Monitor project (not "
        "official BPJS Kesehatan data), matched to the figures that have been published.",
        "own": "Data: the user's panel file.",
    },
}

REPORTS: dict[str, dict[str, dict[str, object]]] = {
    "trends_projections": {
        "id": {
            "title": "Tren dan proyeksi: seberapa cepat kabupaten/kota bergerak menuju UHC?",
            "question": "Bagaimana cakupan dan keaktifan nasional bergerak, berapa dari 514 kabupaten/kota yang "
            "memenuhi kriteria utama tahun itu ({label}) dari bulan ke bulan, dan berapa yang akan memenuhinya "
            "dalam {horizon} bulan bila setiap daerah mempertahankan laju {window} bulan terakhirnya?",
            "sections": {
                "national": (
                    "Gambaran nasional",
                    "Jumlah seluruh daerah dalam data: peserta terdaftar dan peserta aktif sebagai bagian dari "
                    "jumlah penduduk.",
                ),
                "attainment": (
                    "Daerah yang memenuhi kriteria, bulan demi bulan",
                    "Setiap bulan diukur dengan kriteria yang sama (kriteria tahun yang dipilih), dibandingkan "
                    "persis pada jumlah jiwa; garis putus-putus melanjutkan setiap daerah dengan lajunya sendiri. "
                    "Tabel memperlihatkan bulan-bulan terakhir proyeksi.",
                ),
                "pace": (
                    "Laju setiap daerah",
                    "Perubahan cakupan per bulan terhadap perubahan keaktifan selama bulan-bulan terakhir. Daerah di "
                    "bawah garis mendatar kehilangan peserta aktif: pendaftaran saja tidak akan membawanya ke batas "
                    "keaktifan.",
                ),
            },
        },
        "en": {
            "title": "Trends and projections: how fast are kabupaten/kota moving towards UHC?",
            "question": "How have national coverage and activity moved, how many of the 514 kabupaten/kota meet the "
            "year's headline criterion ({label}) month by month, and how many would meet it within {horizon} months "
            "if each kept the pace of its last {window} months?",
            "sections": {
                "national": (
                    "The national picture",
                    "Sums of all regions in the data: registered and active participants as shares of the population.",
                ),
                "attainment": (
                    "Regions meeting the criterion, month by month",
                    "The same yardstick (the chosen year's rules) is applied to every month, compared exactly on "
                    "counts; the dashed line continues each region at its own recent pace. The table shows the last "
                    "months of the projection.",
                ),
                "pace": (
                    "Each region's pace",
                    "Monthly change of coverage against activity over the last months. Regions below the horizontal "
                    "line are losing active participants: enrolment alone will not bring them to the activity minimum.",
                ),
            },
        },
    },
    "budget_scenarios": {
        "id": {
            "title": "Anggaran dan skenario: berapa biaya UHC Prioritas bagi sebuah kabupaten/kota?",
            "question": "Berapa biaya yang harus ditanggung {region} untuk mencapai {target}, siapa membayar bagian "
            "mana, dan gabungan langkah mana (mendaftarkan penduduk, mengaktifkan kembali peserta yang menunggak, "
            "CSR, mengambil alih peserta nonaktif, membersihkan data) yang paling cepat sampai? Dan berapa biaya "
            "menutup kekurangan cakupan semua kabupaten/kota di Indonesia bersama-sama?",
            "sections": {
                "rules": (
                    "Siapa membayar apa: aturan iuran",
                    "Satu baris per periode, segmen, kelas dan pembayar, dengan dasar hukumnya. Penduduk yang "
                    "didaftarkan Pemda (PBPU Pemda, kelas III) membuat Pemda membayar Rp42.000 per bulan; peserta "
                    "mandiri kelas III membayar Rp35.000 dan Pemda menambah Rp2.800 (pemerintah pusat Rp4.200).",
                ),
                "budget": (
                    "Anggaran untuk menutup kekurangan",
                    "Targetnya adalah kriteria utama berikutnya yang belum terpenuhi. Penduduk yang belum terdaftar "
                    "didaftarkan sebagai PBPU Pemda; tambahan peserta aktif lainnya berasal dari peserta nonaktif, "
                    "dibagi menurut segmen sebanding dengan jumlah peserta nonaktifnya. Setiap asumsi tercantum di "
                    "bawah tabel.",
                ),
                "self_paid": (
                    "Bila peserta mandiri melunasi tunggakannya sendiri",
                    "Kekurangan yang sama bila peserta mandiri yang menunggak aktif kembali dengan membayar sendiri "
                    "tunggakan 12 bulan, bukan dipindah ke PBPU Pemda: biaya tahunan Pemda turun, bagian peserta "
                    "naik.",
                ),
                "scenarios": (
                    "Skenario: langkah mana yang paling cepat sampai?",
                    "Empat skenario yang ukurannya diambil dari kekurangan daerah itu sendiri, ditambah gabungan "
                    "langkah pilihan sendiri dari parameter (bersihkan data, daftarkan kekurangan cakupan yang "
                    "tersisa, aktifkan kembali lewat pelunasan tunggakan dan CSR, ambil alih peserta nonaktif untuk "
                    "sisanya).\n\n**Dua model laju saat ini.** Model skenario melanjutkan perubahan *jumlah jiwa* "
                    "per bulan dan menahan jumlah penduduk tetap; proyeksi dalam ringkasan melanjutkan perubahan "
                    "*poin persen* per bulan. Keduanya dapat berbeda; kalimat di bawah tabel menyebut keduanya.",
                ),
                "mix": (
                    "Gabungan langkah pilihan sendiri, langkah demi langkah",
                    "Jumlah jiwa setiap langkah, bulan langkah itu penuh, pengaruhnya pada peserta terdaftar dan "
                    "aktif, serta biayanya (jumlahnya sama dengan total skenario). Pembersihan data mengeluarkan "
                    "peserta yang bukan lagi penduduk: cakupan **turun** (jumlah penduduk tetap dari Dukcapil), "
                    "karena itu gabungan ini mendaftarkan penduduk sebanyak itu pula.",
                ),
                "national": (
                    "Gambaran nasional",
                    "Kekurangan cakupan setiap kabupaten/kota terhadap batas cakupan target pada bulan yang sama, "
                    "dihitung sebagai pendaftaran PBPU Pemda selama setahun (kekurangan keaktifan tidak dihitung: "
                    "biayanya bergantung pada siapa peserta nonaktifnya). Per provinsi, lalu sepuluh tagihan "
                    "daerah terbesar.",
                ),
            },
        },
        "en": {
            "title": "Budget and scenarios: what would UHC Prioritas cost a regency?",
            "question": "What would it cost {region} to reach {target}, who pays which part, and which mix of levers "
            "(enrolling residents, reactivating participants in arrears, CSR, taking over inactive participants, "
            "cleaning the register) gets there first? And what would closing every region's enrolment gap cost the "
            "regencies of Indonesia together?",
            "sections": {
                "rules": (
                    "Who pays what: the contribution rules",
                    "One row per period, segment, class and payer, with its legal basis. A resident the regency "
                    "enrols (PBPU Pemda, class III) costs it IDR 42,000 a month; a self-paying class III participant "
                    "pays IDR 35,000 and the regency adds IDR 2,800 (the central government IDR 4,200).",
                ),
                "budget": (
                    "The budget to close the gap",
                    "The target is the next unmet headline criterion. Missing residents are enrolled as PBPU Pemda; "
                    "the other active participants needed come from the inactive ones, spread over the segments in "
                    "proportion to their inactive participants. Each assumption is listed under the table.",
                ),
                "self_paid": (
                    "When self-paying participants settle their own arrears",
                    "The same gap when the self-paying participants in arrears reactivate by paying 12 months of "
                    "arrears themselves instead of being moved to PBPU Pemda: the regency's yearly bill falls, the "
                    "participants' share rises.",
                ),
                "scenarios": (
                    "Scenarios: which levers get there first?",
                    "Four scenarios sized from the region's own gaps and an own mix built from the parameters (clean "
                    "the register, enrol the coverage gap left after the cleaning, reactivate through arrears and CSR, "
                    "take over inactive participants for the rest).\n\n**Two models of the current pace.** The "
                    "scenario model carries on the recent change in *persons* a month and holds the population at its "
                    "starting value; the brief's projection carries on the change in *percentage points* a month. "
                    "The two can disagree; the sentence below the table gives both.",
                ),
                "mix": (
                    "The own mix, lever by lever",
                    "Persons each lever added, the month it was full, its effect on registered and active "
                    "participants and its costs (they add up to the scenario's totals). Cleaning the register removes "
                    "participants who are no longer residents: it **lowers** coverage (the population stays "
                    "Dukcapil's), which is why the mix enrols that many more residents.",
                ),
                "national": (
                    "The national view",
                    "Every kab/kota's coverage gap to the target's minimum in the same month, priced as PBPU Pemda "
                    "enrolment for a year (activity gaps are left out: who the inactive participants are decides "
                    "their cost). Per province, then the ten largest regional bills.",
                ),
            },
        },
    },
    "national_overview": {
        "id": {
            "title": "Gambaran nasional: di mana posisi 514 kabupaten/kota?",
            "question": "Di mana posisi setiap kabupaten/kota pada cakupan (terdaftar ÷ penduduk) dan keaktifan "
            "(aktif ÷ penduduk) terhadap batas kriteria tahun itu, bagaimana provinsi berbeda satu sama lain, dan "
            "seberapa besar ketimpangan antardaerah, antarprovinsi maupun di dalam provinsi?",
            "sections": {
                "spread": (
                    "Sebaran daerah",
                    "Jumlah daerah menurut kelas cakupan (baris) dan kelas keaktifan (kolom), dipotong pada batas "
                    "minimal kriteria dan batas kelas peta lainnya; setiap daerah ditempatkan menurut jumlah jiwanya, "
                    "persis seperti kriteria membandingkannya. Lalu ringkasan statistik kedua angka (tanpa bobot: "
                    "setiap daerah dihitung sekali).",
                ),
                "quadrant": (
                    "Cakupan terhadap keaktifan",
                    "Setiap titik adalah satu daerah, besarnya menurut jumlah penduduk; garis putus-putus adalah "
                    "batas minimal kriteria utama tahun itu. Daerah di kanan garis tegak dan di bawah garis mendatar "
                    "sudah cukup mendaftarkan penduduknya tetapi terlalu sedikit yang aktif: pendaftaran saja tidak "
                    "akan membawanya ke kriteria.",
                ),
                "maps": (
                    "Peta",
                    "Cakupan dan keaktifan dalam kelas yang batasnya adalah batas minimal kriteria, lalu status "
                    "terhadap kedua batas, menurut kabupaten/kota dan (dari jumlah gabungan provinsi) menurut "
                    "provinsi. Batas wilayah disederhanakan, bukan batas resmi BIG.",
                ),
                "provinces": (
                    "Provinsi",
                    "Angka gabungan setiap provinsi, peringkatnya di antara 38 provinsi, kuadrannya sendiri, dan "
                    "berapa kabupaten/kotanya yang memenuhi setiap batas dan keduanya; bagian terkecil di atas.",
                ),
                "inequality": (
                    "Ketimpangan",
                    "Ukuran ringkas WHO Health Equity Assessment Toolkit (HEAT): D (tertinggi − terendah, poin "
                    "persen), R (tertinggi ÷ terendah), BGV (varians antarkelompok, berbobot penduduk), MDM (rata-rata "
                    "selisih dari angka gabungan, berbobot penduduk) dan IDIS (indeks disparitas, tanpa bobot, "
                    "persen). Pertama untuk Indonesia, antar-38 provinsi dan antar-514 kabupaten/kota; lalu antar "
                    "kabupaten/kota di setiap provinsi (sepuluh selisih cakupan terbesar).",
                ),
            },
        },
        "en": {
            "title": "National overview: where do the 514 kabupaten/kota stand?",
            "question": "Where does each kabupaten/kota stand on coverage (registered ÷ population) and activity "
            "(active ÷ population) against the year's criteria lines, how do the provinces differ, and how unequal "
            "are regions between and within provinces?",
            "sections": {
                "spread": (
                    "How the regions spread",
                    "Regions by class of coverage (rows) and of activity (columns), cut at the criteria minimums and "
                    "the maps' other edges; a region is placed by its counts, exactly as the criteria compare them. "
                    "Then summary statistics of the two shares (unweighted: every region counts once).",
                ),
                "quadrant": (
                    "Coverage against activity",
                    "Each dot is a region, sized by its population; the dashed lines are the year's headline "
                    "minimums. Regions right of the vertical line and below the horizontal one have registered "
                    "enough residents but too few are active: enrolment alone will not bring them to the criterion.",
                ),
                "maps": (
                    "Maps",
                    "Coverage and activity in classes whose edges are the criteria minimums, then the status against "
                    "both lines, by kabupaten/kota and (on the provinces' pooled totals) by province. Boundaries are "
                    "simplified, not official BIG boundaries.",
                ),
                "provinces": (
                    "Provinces",
                    "Pooled rates of each province, its rank among the 38, its own quadrant, and how many of its "
                    "kab/kota meet each line and both; lowest share first.",
                ),
                "inequality": (
                    "Inequality",
                    "Summary measures of the WHO Health Equity Assessment Toolkit (HEAT): D (highest − lowest, "
                    "points), R (highest ÷ lowest), BGV (between-group variance, population-weighted), MDM (mean "
                    "difference from the pooled rate, population-weighted) and IDIS (index of disparity, unweighted, "
                    "percent). First for Indonesia, between the 38 provinces and between all 514 kab/kota; then "
                    "between the kab/kota of each province (the ten largest coverage differences).",
                ),
            },
        },
    },
    "province_deep_dive": {
        "id": {
            "title": "Pendalaman provinsi: bagaimana kabupaten/kota di {province} saling dibandingkan?",
            "question": "Bagaimana peringkat kabupaten/kota di {province} pada cakupan dan keaktifan, siapa "
            "memenuhi kriteria yang mana, seberapa besar ketimpangannya (ukuran HEAT), dan berapa jiwa yang "
            "memisahkan setiap daerah dari kriteria utama tahun itu?",
            "sections": {
                "ranking": (
                    "Peringkat daerah",
                    "Cakupan dan keaktifan setiap kabupaten/kota, diurutkan menurut keaktifan (indikator yang paling "
                    "sering belum terpenuhi); garis putus-putus: batas kriteria tahun itu, garis titik-titik: angka "
                    "gabungan provinsi.",
                ),
                "maps": (
                    "Peta provinsi",
                    "Kelas dipotong pada batas minimal kriteria; peta status memperlihatkan batas mana yang dipenuhi "
                    "setiap daerah dan menuliskan namanya (nama kota kecil dapat berdesakan: peringkat di atas memuat "
                    "semuanya). Batas wilayah disederhanakan, bukan batas resmi BIG.",
                ),
                "inequality": (
                    "Tertinggi, terendah dan ketimpangan",
                    "Ukuran WHO Health Equity Assessment Toolkit (HEAT) antar kabupaten/kota di provinsi ini: D "
                    "(tertinggi − terendah, poin persen), R (tertinggi ÷ terendah), BGV (varians antarkelompok, "
                    "berbobot penduduk), MDM (rata-rata selisih dari angka provinsi, berbobot penduduk, poin persen) "
                    "dan IDIS (indeks disparitas, tanpa bobot, persen). Angka gabungan dihitung dari jumlah jiwa.",
                ),
                "gaps": (
                    "Kriteria yang dipenuhi dan kekurangan dalam jiwa",
                    "Status terbaik setiap daerah, setiap kriteria tahun itu, dan jumlah jiwa yang perlu didaftarkan, "
                    "dijadikan aktif dan diaktifkan kembali untuk kriteria utama (peserta baru langsung aktif, "
                    "sehingga pengaktifan kembali adalah kekurangan keaktifan yang tersisa setelah pendaftaran).",
                ),
            },
        },
        "en": {
            "title": "Province deep dive: how do the kabupaten/kota of {province} compare?",
            "question": "How do the kabupaten/kota of {province} rank on coverage and activity, which of them meet "
            "which criteria, how unequal are they (HEAT measures), and how many persons separate each from the "
            "year's headline criterion?",
            "sections": {
                "ranking": (
                    "The regions ranked",
                    "Coverage and activity of every kab/kota, ranked by activity (the indicator most regions miss); "
                    "dashed: the year's criteria lines, dotted: the province's pooled rates.",
                ),
                "maps": (
                    "Maps of the province",
                    "Classes cut at the criteria minimums; the status map shows which line each region meets and "
                    "names the regions (small cities' names may crowd: the ranking above has them all). Boundaries "
                    "are simplified, not official BIG boundaries.",
                ),
                "inequality": (
                    "Best, worst and inequality",
                    "Measures of the WHO Health Equity Assessment Toolkit (HEAT) between the province's kab/kota: D "
                    "(highest − lowest, points), R (highest ÷ lowest), BGV (between-group variance, "
                    "population-weighted), MDM (mean difference from the province's rate, population-weighted, "
                    "points) and IDIS (index of disparity, unweighted, percent). The pooled rate comes from counts.",
                ),
                "gaps": (
                    "Criteria met and the gaps in persons",
                    "Each region's best status, every criterion of the year, and the persons to enrol, to make active "
                    "and to reactivate for the headline criterion (new enrolees are active the same day, so "
                    "reactivations are the activity gap left after enrolment).",
                ),
            },
        },
    },
}


def _words(report: str, lang: str) -> dict[str, object]:
    if report not in REPORTS:
        raise ValueError(f"no texts for report {report!r}; known: {', '.join(REPORTS)}")
    return REPORTS[report][check_lang(lang)]


def title(report: str, lang: str = "id", **values: object) -> str:
    """The report's title (also the page title), with ``values`` filled in (``province=``)."""
    return str(_words(report, lang)["title"]).format(**values)


def opening(report: str, lang: str = "id", illustrative: bool = True, **values: object) -> str:
    """Title, question and data note of a report as Markdown (``values`` fill the question's blanks)."""
    w, c = _words(report, lang), COMMON[lang]
    note = c["illustrative"] if illustrative else c["own"]
    question = str(w["question"]).format(**values)
    return f"# {title(report, lang, **values)}\n\n**{c['question']}.** {question}\n\n*{note}*"


def section(report: str, key: str, lang: str = "id") -> str:
    """A numbered section heading (its number is its place in the report) and what the section shows."""
    sections = _words(report, lang)["sections"]
    assert isinstance(sections, dict)
    if key not in sections:
        raise ValueError(f"report {report!r} has no section {key!r}; its sections: {', '.join(sections)}")
    number = list(sections).index(key) + 1
    heading, text = sections[key]
    return f"## {number}. {heading}\n\n{text}"


def findings_heading(lang: str = "id") -> str:
    """``## Temuan`` / ``## Findings``."""
    return f"## {COMMON[check_lang(lang)]['findings']}"
