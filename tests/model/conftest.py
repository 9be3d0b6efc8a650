import pathlib
import sys

# The model package lives in py/ (served to the browser as is); make it importable here.
PY = str(pathlib.Path(__file__).resolve().parents[2] / "py")
if PY not in sys.path:
    sys.path.insert(0, PY)
