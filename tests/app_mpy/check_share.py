"""Save and share under the page's MicroPython (app/share/): file names, size limits, imported settings and lesson
links. See mpy_checks.py.
"""

import json

from mpy_checks import Checks, equal

from app.settings import DEFAULTS, read_link, write_link
from app.share.export_menu import plot_file_name
from app.share.importer import imported_settings, too_large
from app.share.lesson import buttons_note, lesson_query, names

CHECKS = Checks()
check = CHECKS.check


@check("saving and lesson links: file names, size limits, imported settings and lesson queries")
def _():
    equal(
        plot_file_name("backprop-lab_xor_nh2_seed2_step0.png", "cost-chart"),
        "backprop-lab_xor_nh2_seed2_step0_cost-chart.png",
        "plot file name",
    )
    equal(too_large("run.json", 2000000), None, "a file at the limit")
    equal(
        too_large("junk.json", 10485760),
        "junk.json is 10.5 MB, too large for a saved run (at most 2.0 MB): this is not a file Backprop Lab saved.",
        "a file over the limit",
    )
    snap = json.loads(
        '{"config": {"n_h": 4, "activation": "relu", "cost": "cross_entropy", "learning_rate": 0.46, '
        '"seed": 4294967295, "table": "AND", "notebook_mode": true, "batch": "one"}}'
    )
    settings = imported_settings(dict(DEFAULTS, params="1_2"), snap, "0.46")
    equal(
        write_link(settings),
        "?n_h=4&activation=relu&cost=cross_entropy&learning_rate=0.46&seed=4294967295"
        "&table=AND&notebook_mode=true&batch=one&speed=10&log_scale=false&embed=false&view=lab",
        "imported settings",
    )
    equal(
        lesson_query(DEFAULTS, ["table", "seed"], ["n_h", "seed"], "notebook", "0.5_-1e-07"),
        "?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR&notebook_mode=false&batch=full"
        "&speed=10&log_scale=false&embed=false&view=notebook&hide=seed%2Ctable&lock=n_h&params=0.5_-1e-07",
        "lesson query",
    )
    equal(names(read_link("?hide=table,SEED")[0]["hide"]), ["seed", "table"], "hidden controls")
    equal(buttons_note(["reset", "n_h", "train"]), "Locked by this lesson: Train, Reset.", "buttons' note")


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
