"""Where the slow-motion numbers go on the diagram (app/network/stage_numbers.py) and the markup the player writes
(app/network/stage_view.py's pure parts), on a geometry of the diagram layout's shape (stage_fakes.fake_layout)."""

from stage_fakes import fake_layout as layout
from stage_fakes import fake_stages

from app.network.slow_motion import ALL, labels, table
from app.network.stage_numbers import LINE, flows, positions
from app.network.stage_view import overlay_svg, table_html


def test_a_hidden_units_lines_sit_above_its_box_when_there_is_room():
    geometry = layout(2)
    x, y = geometry["hidden"][0]
    texts = positions(geometry, [(("hidden", 0), ["Z1[0,0] = 1.0", "A1[0,0] = 2.0"], False)])
    assert [t["text"] for t in texts] == ["Z1[0,0] = 1.0", "A1[0,0] = 2.0"]
    assert all(t["x"] == x - 30 and t["anchor"] == "start" for t in texts)  # from the box's left edge
    assert texts[1]["y"] - texts[0]["y"] == LINE
    assert texts[1]["y"] < y - 12  # above the box (24 high)
    assert texts[0]["y"] > 14  # below the column titles


def test_with_16_units_the_lines_go_beside_the_box():
    geometry = layout(16, spacing=30)
    x, y = geometry["hidden"][5]
    texts = positions(geometry, [(("hidden", 5), ["a", "b"], False)])
    assert all(t["anchor"] == "start" and t["x"] > x + 30 for t in texts)
    assert texts[0]["y"] < y < texts[1]["y"]  # centred on the unit


def test_a_weights_label_is_near_the_hidden_units_end_of_its_line_and_slip_is_marked():
    geometry = layout(2)
    x1, y1, x2, y2 = geometry["W0"][1][0]  # from x1 to A1[1]
    (text,) = positions(geometry, [(("W0", 1, 0), ["3.0"], True)])
    assert (x1 + x2) / 2 < text["x"] < x2 and text["anchor"] == "end"  # ends before the hidden unit's box
    assert text["y"] < y1 + (y2 - y1) * 0.8
    assert text["cls"] == "stage-number edge slip"
    x1, y1, x2, y2 = geometry["W1"][0]  # from A1[0] to the output
    (text,) = positions(geometry, [(("W1", 0), ["4.0"], False)])
    assert x1 < text["x"] < (x1 + x2) / 2 and text["anchor"] == "start" and text["cls"] == "stage-number edge"
    ys = sorted(
        t["y"] for t in positions(geometry, [(("W0", i, k), ["1.0"], False) for i in range(2) for k in range(2)])
    )
    assert min(b - a for a, b in zip(ys, ys[1:])) >= 2 * 8  # the four weights' labels two lines apart


def test_every_label_of_every_stage_gets_a_place():
    stages = fake_stages()
    geometry = layout(2)
    for key in ("forward", "cost", "backward", "update"):
        stage_labels = labels(stages, key, 1)
        assert len(positions(geometry, stage_labels)) == sum(len(lines) for _, lines, _ in stage_labels)


def test_backward_arrows_run_against_the_forward_ones():
    geometry = layout(3)
    forward, backward = flows(geometry), flows(geometry, backward=True)
    assert len(forward) == 3 * 2 + 3
    assert forward[0] == geometry["W0"][0][0]
    assert [(x2, y2, x1, y1) for x1, y1, x2, y2 in forward] == backward


def test_the_overlay_markup_has_arrows_and_escaped_numbers():
    stages = fake_stages()
    svg = overlay_svg(layout(2), labels(stages, "backward", 0), "backward")
    assert svg.count('<line class="flow"') == 6 and 'marker-end="url(#slow-motion-arrow)"' in svg
    assert svg.count("<text ") == 2 + 1 + 4 + 2 + 2 + 1
    assert ">" + stages["backward"]["dW1"][0][1] + "</text>" in svg
    assert "<line" not in overlay_svg(layout(2), labels(stages, "cost", 0), "cost")


def test_a_table_as_html():
    stages = fake_stages()
    html = table_html(table(stages, "cost", ALL))
    assert "<caption>Cost: each example's error and its share of J</caption>" in html
    assert html.count("<tr>") == 1 + 5  # the head and four examples and J
    assert '<th scope="row">all</th>' in html
    assert table_html(None) == ""
    assert "&lt;b&gt;" in table_html({"caption": "c", "head": ["h"], "rows": [["<b>"]]})
