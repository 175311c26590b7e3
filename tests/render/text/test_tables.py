from uhc_lib.render.text import tables


def test_headline_table_id(lebong):
    md = tables.headline_table(lebong, "id")
    assert "| Peserta terdaftar | 114.630 jiwa (100,71 persen dari penduduk) |" in md
    assert "| Terdaftar tetapi tidak aktif | 28.797 jiwa (25,3 persen dari penduduk) |" in md
    assert "**UHC non cut-off" in md


def test_goals_table_en(cianjur):
    md = tables.goals_table(cianjur, "en")
    lines = md.splitlines()
    assert lines[0] == "| Criterion | Minimum | Met | Must enrol | More active needed |"
    assert "| UHC Prioritas (2025) | 98 percent / 80 percent | no | 52,298 | 295,477 |" in lines


def test_markdown_list_and_table():
    from uhc_lib.render.text.tables import markdown_list, markdown_table

    assert markdown_list(["satu", "dua"]) == "- satu\n- dua"
    assert markdown_table(["a", "b"], [["1", "2"]]) == "| a | b |\n|---|---|\n| 1 | 2 |"
