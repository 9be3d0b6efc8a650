"""The GitHub Actions workflows pass zizmor's audit and use only actions pinned by commit SHA."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])

# zizmor comes from requirements-test.txt, so it sits beside this venv's python (not resolved:
# the venv's python is a symlink to the system one).
ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent))

USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>.*?)\s*$")
PINNED = re.compile(r"""^["']?[^@\s"']+@[0-9a-f]{40}["']?\s+#\s*v\d\S*$""")


def run_zizmor(*args):
    # Offline and without a token: only the audits that need no network, and nothing reaches GitHub.
    env = {
        k: v for k, v in os.environ.items() if k not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN", "GH_HOST"}
    }
    return subprocess.run(
        [ZIZMOR, "--offline", "--strict-collection", "--no-progress", "--color", "never", *args, ".github/workflows/"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_there_are_workflows_to_check():
    assert WORKFLOW_FILES, f"no workflow files in {WORKFLOWS}"


def test_zizmor_finds_nothing():
    assert ZIZMOR, f"zizmor is not installed beside {sys.executable} (requirements-test.txt pins it)"
    result = run_zizmor("--format", "json")
    try:
        findings = json.loads(result.stdout)
    except json.JSONDecodeError:
        findings = None
    if findings == [] and result.returncode == 0:
        return
    # The readable form for the message; the JSON one above is what is checked.
    plain = run_zizmor("--format", "plain")
    raise AssertionError(
        f"zizmor exited {result.returncode} with "
        f"{'unparsable output' if findings is None else f'{len(findings)} finding(s)'}:\n"
        f"{plain.stdout}\n{plain.stderr}\n--- JSON output ---\n{result.stdout}\n{result.stderr}"
    )


def test_every_action_is_pinned_by_commit_sha_with_its_version():
    checked = 0
    bad = []
    for path in WORKFLOW_FILES:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = USES.match(line)
            if not match:
                continue
            ref = match["ref"]
            if ref.strip("\"'").startswith("./"):
                continue  # an action in this repository: nothing to pin
            checked += 1
            if not PINNED.match(ref):
                bad.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert checked, "found no `uses:` lines: has the workflow changed shape, or this test's pattern?"
    assert not bad, (
        "each `uses:` must be `owner/repo@<40-hex commit SHA> # vX.Y.Z` "
        "(see the README, 'Keeping the workflow's actions pinned'):\n" + "\n".join(bad)
    )
