import pathlib
import sys

# The plot modules live in py/app/ (served to the browser as is); pytest.ini also puts py/ on the path.
PY = str(pathlib.Path(__file__).resolve().parents[2] / "py")
if PY not in sys.path:
    sys.path.insert(0, PY)
