"""`okg --version` says which build of the extractor runs (setup.py: a wheel is compiled)."""

from __future__ import annotations

import os
import re

from typer.testing import CliRunner

from officials_kg.cli.main import app


def test_version_names_the_build_under_test():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    # scripts/test runs the suite on the source, then with OKG_EXPECT_COMPILED=1 on the wheel
    build = "compiled by mypyc" if os.environ.get("OKG_EXPECT_COMPILED") == "1" else "Python source"
    assert re.fullmatch(rf"okg \d+\.\d+\.\d+ \(extractor: {build}\)\n", result.output)
