# The two commands of the README. Both install what they need on a fresh machine.
PORT ?= 8000

.PHONY: serve test bench site screenshots

serve:
	python3 tools/serve.py --port $(PORT)

# The static site folder for any static host (_site/), with its file count and size.
site:
	python3 tools/build_site.py

test:
	bash tools/ensure_test_env.sh
	.venv/bin/python -m pytest $(PYTEST_ARGS)

# Figures only, never a failed build (a leading "-": a failing script is reported and the next one runs).
# TFPLAYGROUND_DIST (a built TensorFlow Playground) and LIGHTHOUSE (Lighthouse 12) are read when set:
# `make bench LIGHTHOUSE=/root/lh`. One part of the page figures alone: `bench/bench_page.py --only startup`.
bench:
	bash tools/ensure_test_env.sh
	-.venv/bin/python bench/bench_model.py
	-.venv/bin/python bench/bench_page.py
	-.venv/bin/python bench/bench_sweep.py
	-node bench/pyodide_sweep.mjs

# docs/img/*.png, the README's pictures of each view, taken from the running page.
screenshots:
	bash tools/ensure_test_env.sh
	.venv/bin/python tools/screenshots.py
