"""Error messages a beginner meets, explained in plain Indonesian (or English) inside Jupyter.

:func:`install` (called by every lesson's setup through :func:`uhc_lib.training.setup`) hooks into IPython: a
``NameError``, ``SyntaxError``, wrong type, empty selection or missing column gets a box saying what it usually means
and what to do, above Python's own last line (which lesson 0 teaches to read). A :class:`CourseError` (a lesson
parameter written wrongly) shows only its plain message. :func:`explain_error` is the text alone, for tests.
"""

from __future__ import annotations

import difflib
import re

from uhc_lib.training.checker import message_html
from uhc_lib.training.course import CourseError, CourseInvalidFile

_TEXT = {
    "id": {
        "title": "Penjelasan pesan kesalahan",
        "name_answer": "Nama `{name}` belum dikenal Python: sel latihan yang membuatnya (baris `{name} = ...`) "
        "belum dijalankan. Jalankan dulu sel latihan di atas, lalu sel ini.",
        "name_typo": "Nama `{name}` belum dikenal Python. Mungkin salah ketik: maksud Anda `{close}`? "
        "Huruf besar dan kecil dibedakan.",
        "name": "Nama `{name}` belum dikenal Python. Biasanya karena (1) salah ketik (huruf besar dan kecil "
        "dibedakan), atau (2) sel yang membuat nama itu belum dijalankan, misalnya setelah kernel dimulai ulang. "
        "Jalankan sel-sel di atas dari awal: menu Run → Run All Above Selected Cell.",
        "syntax_decimal": "Python tidak dapat membaca angka di baris ini. Di Python, tanda desimal adalah titik "
        "(74.88, bukan 74,88) dan angka ribuan ditulis tanpa pemisah (1234567, bukan 1.234.567). Angka yang disalin "
        'dari ringkasan boleh ditulis sebagai teks di antara tanda kutip, mis. "74,88".',
        "syntax_quote": "Ada tanda kutip yang dibuka tetapi tidak ditutup. Teks ditulis di antara dua tanda kutip "
        'yang sama, mis. "17.07".',
        "syntax_bracket": "Ada kurung yang dibuka tetapi tidak ditutup (atau sebaliknya). Hitung kurung ( ) dan "
        "[ ] di baris ini: setiap kurung buka perlu kurung tutup.",
        "syntax_assign": "Tanda `=` memberi nilai kepada sebuah nama (kiri nama, kanan nilai). Untuk "
        "membandingkan dua nilai, misalnya di dalam filter, pakai `==`.",
        "syntax_indent": "Baris ini diawali spasi yang tidak perlu. Di Python spasi di awal baris punya arti: hapus "
        "spasi di depan baris itu.",
        "syntax": "Python tidak dapat membaca baris ini (kesalahan penulisan). Periksa tanda kutip, kurung, koma "
        "dan titik dua; tanda `^` di bawah pesan menunjuk tempat Python berhenti membaca.",
        "type_text_number": 'Anda menghitung dengan teks: angka di antara tanda kutip ("100") adalah teks, '
        "bukan angka. Hapus tanda kutipnya, atau periksa kolom mana yang Anda pakai.",
        "type_call": "Tanda kurung `( )` setelah sebuah nama berarti menjalankan fungsi, tetapi `{name}` bukan "
        "fungsi. Untuk memilih kolom atau baris pakai kurung siku `[ ]`.",
        "type": "Jenis nilai tidak cocok dengan perintahnya (misalnya teks dengan angka, atau tabel dengan satu "
        "angka). Periksa isi setiap nama dengan menjalankannya sendiri di sel baru.",
        "key": "Kolom atau kunci {key} tidak ada. Nama kolom harus persis sama (huruf kecil, garis bawah, tanpa "
        "spasi); lihat nama kolom dengan `tabel.columns`.",
        "index": "Tabel yang dipilih kosong atau lebih pendek dari yang diminta: tidak ada baris untuk pilihan itu. "
        'Periksa kode wilayah (teks, "17.07") dan periode ("2024-07") di filter Anda.',
        "attribute": "`{name}` tidak punya `{attr}`. Mungkin salah ketik nama fungsi atau kolom{close}.",
        "value": "Nilai ini tidak dapat dipakai di sini: {detail}",
        "file": "Berkas tidak ditemukan. Periksa nama berkas (termasuk .csv atau .xlsx) dan foldernya.",
        "module": "Paket `{name}` belum terpasang di komputer ini. Tanyakan kepada pelatih (pemasangan: "
        "pip install -e '.[training]').",
        "last_line": "Baris terakhir pesan Python di bawah menyebut jenis kesalahannya.",
    },
    "en": {
        "title": "What this error means",
        "name_answer": "Python does not know `{name}` yet: the exercise cell that makes it (`{name} = ...`) has not "
        "run. Run the exercise cell above first, then this one.",
        "name_typo": "Python does not know `{name}`. A typo? Did you mean `{close}`? Upper and lower case differ.",
        "name": "Python does not know `{name}`. Usually (1) a typo (upper and lower case differ), or (2) the cell "
        "that makes the name has not run, e.g. after a kernel restart. Run the cells above from the start: "
        "Run → Run All Above Selected Cell.",
        "syntax_decimal": "Python cannot read a number on this line. In Python the decimal mark is a dot (74.88, "
        "not 74,88) and thousands have no separator (1234567). A figure copied from a brief may be written as text "
        'between quotes, e.g. "74,88".',
        "syntax_quote": 'A quote is opened and never closed. Text goes between two equal quotes, e.g. "17.07".',
        "syntax_bracket": "A bracket is opened and never closed (or the other way round). Count the ( ) and [ ] on "
        "this line.",
        "syntax_assign": "`=` gives a name a value (name on the left). To compare two values, e.g. in a filter, use "
        "`==`.",
        "syntax_indent": "This line starts with spaces it should not have. Remove the spaces at its start.",
        "syntax": "Python cannot read this line. Check quotes, brackets, commas and colons; the `^` under the "
        "message points where Python stopped reading.",
        "type_text_number": 'You are computing with text: a number between quotes ("100") is text. Remove the '
        "quotes, or check which column you used.",
        "type_call": "Brackets `( )` after a name run a function, but `{name}` is no function. To pick a column or "
        "rows use square brackets `[ ]`.",
        "type": "The kind of value does not fit the command (e.g. text with a number). Check each name by running "
        "it alone in a new cell.",
        "key": "There is no column or key {key}. Column names must match exactly; see them with `table.columns`.",
        "index": "The selected table is empty or shorter than asked: no row fits the selection. Check the region "
        'code (text, "17.07") and the period ("2024-07") in your filter.',
        "attribute": "`{name}` has no `{attr}`. Perhaps a typo in a function or column name{close}.",
        "value": "This value cannot be used here: {detail}",
        "file": "File not found. Check the file name (with .csv or .xlsx) and its folder.",
        "module": "The package `{name}` is not installed here. Ask your trainer (pip install -e '.[training]').",
        "last_line": "The last line of Python's message below names the kind of error.",
    },
}

STATE = {"lang": "id", "installed": False}
"""The language of the explanations (the last setup's) and whether the hook is in place."""


def _close(name: str, names: list[str]) -> str | None:
    found = difflib.get_close_matches(name, [n for n in names if not n.startswith("_")], n=1, cutoff=0.75)
    if not found:
        lowered = {n.lower(): n for n in names}
        return lowered.get(name.lower())
    return found[0]


def explain_error(error: BaseException, namespace: dict | None = None, lang: str = "id") -> str:
    """A plain-language explanation of ``error`` (empty when there is nothing useful to add)."""
    t = _TEXT[lang]
    names = list(namespace or {})
    if isinstance(error, CourseError):
        return str(error)
    if isinstance(error, NameError):
        name = getattr(error, "name", None) or (re.findall(r"'(\w+)'", str(error)) or ["?"])[0]
        if name.startswith("jawaban_"):
            return t["name_answer"].format(name=name)
        close = _close(name, names)
        return t["name_typo"].format(name=name, close=close) if close else t["name"].format(name=name)
    if isinstance(error, SyntaxError):
        msg = str(getattr(error, "msg", error)).lower()
        line = getattr(error, "text", "") or ""
        if "leading zeros" in msg or "decimal literal" in msg or re.search(r"\d,\d|\d\.\d{3}\.\d", line):
            return t["syntax_decimal"]
        if "unterminated string" in msg or "eol while scanning" in msg or "unterminated triple" in msg:
            return t["syntax_quote"]
        if "never closed" in msg or "unmatched" in msg or "does not match" in msg or "incomplete input" in msg:
            return t["syntax_bracket"]
        if "cannot assign" in msg or "maybe you meant '=='" in msg:
            return t["syntax_assign"]
        if isinstance(error, IndentationError):
            return t["syntax_indent"]
        return t["syntax"]
    if isinstance(error, TypeError):
        msg = str(error)
        if "'str'" in msg and ("operand" in msg or "concatenate" in msg or "can't multiply" in msg):
            return t["type_text_number"]
        called = re.search(r"'(\w+)' object is not callable", msg)
        if called:
            return t["type_call"].format(name=called[1])
        return t["type"]
    if isinstance(error, KeyError):
        return t["key"].format(key=str(error))
    if isinstance(error, IndexError):
        return t["index"]
    if isinstance(error, ModuleNotFoundError):
        return t["module"].format(name=error.name)
    if isinstance(error, FileNotFoundError):
        return t["file"]
    if isinstance(error, AttributeError):
        found = re.search(r"'(\w+)' object has no attribute '(\w+)'", str(error))
        if found:
            obj = getattr(error, "obj", None)
            close = _close(found[2], dir(obj)) if obj is not None else None
            hint = f": `{close}`?" if close else ""
            return t["attribute"].format(name=found[1], attr=found[2], close=hint)
        return ""
    if isinstance(error, ValueError):
        return t["value"].format(detail=str(error))
    return ""


def box(text: str, lang: str = "id", table_html: str = "") -> str:
    """The explanation as an HTML box (the same look as the checks' "not yet")."""
    t = _TEXT[lang]
    return (
        '<div style="background:#fff3e0;border-left:6px solid #ef6c00;padding:8px 12px;margin:4px 0;'
        f'font-size:1.05em"><b>✎ {t["title"]}</b><br>{message_html(text)}{table_html}</div>'
    )


def _show(shell, error: BaseException) -> None:
    from IPython.display import HTML, display

    lang = STATE["lang"]
    text = explain_error(error, shell.user_ns, lang)
    if not text:
        return
    table = ""
    if isinstance(error, CourseInvalidFile):
        table = error.table().to_html(index=False, border=0)
    display(HTML(box(text, lang, table)))


def _once(shell, error: BaseException) -> None:
    """Explain ``error`` once (a syntax error can reach both hooks); never raises."""
    if STATE.get("last") is error:
        return
    STATE["last"] = error
    try:
        _show(shell, error)
    except Exception:  # noqa: BLE001 - an explanation must never hide the error itself
        pass


def _custom_exc(shell, etype, value, tb, tb_offset=None):
    try:
        _once(shell, value)
    except Exception:  # noqa: BLE001 - an explanation must never hide the error itself
        pass
    if isinstance(value, CourseError):
        shell.showtraceback((etype, value, tb), exception_only=True)
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install(lang: str = "id", shell=None) -> bool:
    """Explain beginners' errors in ``lang`` in the running IPython; False outside IPython (nothing changes)."""
    STATE["lang"] = lang
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((Exception,), _custom_exc)
    if not getattr(shell, "_uhc_syntax_hook", False):
        original = shell.showsyntaxerror

        def showsyntaxerror(*args, **kwargs):
            import sys

            error = sys.exc_info()[1]
            if isinstance(error, SyntaxError):
                _once(shell, error)
            return original(*args, **kwargs)

        shell.showsyntaxerror = showsyntaxerror
        shell._uhc_syntax_hook = True
    STATE["installed"] = True
    return True
