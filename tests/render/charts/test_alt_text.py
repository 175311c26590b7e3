"""A figure's title as alternative text: suptitle first, else the axes' titles."""

import matplotlib.pyplot as plt

from uhc_lib.render.charts.alt_text import enable, title_of


def test_title_of_prefers_the_suptitle():
    fig, (a, b) = plt.subplots(1, 2)
    a.set_title("Cakupan", loc="left")
    b.set_title("Keaktifan")
    assert title_of(fig) == "Cakupan; Keaktifan"
    fig.suptitle("Skenario menuju UHC Prioritas")
    assert title_of(fig) == "Skenario menuju UHC Prioritas"
    plt.close(fig)
    empty = plt.figure()
    assert title_of(empty) == ""
    plt.close(empty)


def test_enable_outside_ipython_is_a_no_op():
    assert enable() is None
