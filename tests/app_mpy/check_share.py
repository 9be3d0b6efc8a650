"""Save and share under the page's MicroPython (app/share/): file names, size limits, imported settings and lesson
links. See mpy_checks.py.
"""

import json

from mpy_checks import Checks, equal

from app.link import read_link, write_link
from app.settings import DEFAULTS
from app.share.carry import CARRY_KEY, switch, take
from app.share.export_menu import plot_file_name
from app.share.importer import imported_settings, is_csv, points_said, too_large
from app.share.lesson import buttons_note, lesson_query, link_note, names, points_link

assert CARRY_KEY and callable(switch) and callable(take)  # the language switch's carry compiles here too

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


@check("points: a CSV's size limit and message, the link's points= and its note")
def _():
    equal((is_csv("My Points.CSV"), is_csv("run.json")), (True, False), "a CSV by its name")
    equal(too_large("p.csv", 1000000), None, "a CSV at the limit")
    equal(
        too_large("p.csv", 1500000),
        "p.csv is 1.5 MB, too large for points (at most 1.0 MB, about 1,000 points take 60 kB).",
        "a CSV over the limit",
    )
    snap = {"step": 7, "cost": 0.25, "data": {"count": {"train": 3, "test": 1}, "link": "1.0_2.0_1", "link_note": None}}
    equal(
        points_said("p.csv", snap),
        "Imported 4 points from p.csv (3 for training, 1 for testing): step 7, cost J = 0.25.",
        "imported points said",
    )
    mine = dict(DEFAULTS, data="points", points="9_9_1")
    equal(points_link(snap, mine), "1.0_2.0_1", "the worker's link text")
    equal(points_link({"step": 8}, mine), "9_9_1", "no new points: the link's stay")
    equal(points_link(snap, DEFAULTS), "", "not the student's points: none")
    note = "The link cannot hold 600 points: save the run (JSON) or export the points (CSV) instead."
    many = {"data": {"link": None, "link_note": note}}
    equal((points_link(many, mine), link_note(many, mine)), ("", note), "too many points for a link")
    equal((link_note(snap, mine), link_note({}, mine), link_note(snap, DEFAULTS)), (None, False, None), "no note")
    equal(
        write_link(dict(DEFAULTS, data="points", points="1.0_2.0_1~0.5_-1.0_2")),
        "?n_h=2&activation=tanh&cost=half_mse&learning_rate=10&seed=2&table=XOR&notebook_mode=false&batch=full"
        "&data=points&speed=10&log_scale=false&embed=false&view=lab&points=1.0_2.0_1~0.5_-1.0_2",
        "a link with the points",
    )


if __name__ == "__main__":  # tests/app/test_page_layer_checks.py runs the same checks under CPython
    CHECKS.run()
