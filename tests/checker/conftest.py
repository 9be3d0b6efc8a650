import json

import numpy as np
import pytest


def network_json(n_h=2, seed=2, table="XOR"):
    """The page's description of a fresh network: the notebook's initialisation (cell 3) for seed,
    written out here with a RandomState, each value as its CPython repr text."""
    rng = np.random.RandomState(seed)
    params = {
        "W0": rng.randn(n_h, 2) * 0.1,
        "b0": np.full((n_h, 1), 0.1),
        "W1": rng.randn(1, n_h) * 0.1,
        "b1": np.full((1, 1), 0.1),
    }
    flat = {name: [repr(x) for x in value.ravel().tolist()] for name, value in params.items()}
    return json.dumps({"n_h": n_h, "table": table, "seed": seed, "step": 0, "params": flat})


@pytest.fixture
def screen():
    return network_json()


@pytest.fixture
def network_of():
    """network_json itself, for a test that needs another network than the one on screen (a test module cannot import
    from this conftest by name: tests/e2e has a conftest too)."""
    return network_json
