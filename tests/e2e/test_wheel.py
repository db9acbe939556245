"""The built wheel carries the reference data and works outside the source tree."""

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.wheel


def test_installed_wheel_ships_data_and_runs(tmp_path, config_dir):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next(dist.glob("esim_ready-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for required in ("esim_ready/data/carriers.toml", "esim_ready/data/carriers.json", "esim_ready/data/countries/NO.toml",
                     "esim_ready/data/checklist.toml", "esim_ready/i18n/zh/main.toml"):
        assert required in names, required

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", str(wheel)], check=True, capture_output=True)
    run = subprocess.run(
        [str(env_dir / "bin" / "esim-ready"), "plans", "JP", "--json"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    plans = json.loads(run.stdout)["plans"]
    assert plans and all(p["source"] and p["as_of"] for p in plans)
    # the data is read from the installed package, not from this checkout
    where = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c",
         "from esim_ready.catalog.datafiles import data_root; print(data_root())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert "site-packages" in where and str(ROOT) not in where
