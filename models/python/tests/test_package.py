"""The Python code is one package: every module of aoi_models imports as part of it, every tool module has a
command line (`python3 -m aoi_models.X --help`), and no file edits sys.path to find another."""
import contextlib
import importlib
import io
import os
import pkgutil
import unittest

import aoi_models
from aoi_models.common.paths import PYTHON_ROOT



def script_modules():
    """Every module of aoi_models that runs as a script (`if __name__ == "__main__":`), as "udbd.train" etc."""
    root = os.path.join(PYTHON_ROOT, "aoi_models")
    scripts = []
    for folder, _, files in os.walk(root):
        for f in files:
            if f.endswith(".py"):
                with open(os.path.join(folder, f), encoding="utf-8") as fh:
                    if 'if __name__ == "__main__":' in fh.read():
                        scripts.append(os.path.relpath(os.path.join(folder, f), root)[:-3].replace(os.sep, "."))
    return sorted(scripts)


class PackageTest(unittest.TestCase):
    def test_every_module_imports_as_part_of_the_package(self):
        names = [m.name for m in pkgutil.walk_packages(aoi_models.__path__, "aoi_models.")]
        for name in names:
            importlib.import_module(name)
        self.assertTrue({"aoi_models.common.onnx_numpy", "aoi_models.common.photos", "aoi_models.common.tiling",
                         "aoi_models.common.metrics", "aoi_models.common.onnx_check"} <= set(names))

    def test_the_script_search_finds_the_tools(self):
        self.assertTrue({"udbd.train", "udbd.evaluate", "udbd.export", "udbd.focus_scale", "udbd.swap_kernel",
                         "motion.train", "motion.evaluate", "motion.export"} <= set(script_modules()))

    def test_every_tool_has_a_main_and_its_help_names_the_module(self):
        for tool in script_modules():
            module = importlib.import_module("aoi_models." + tool)
            self.assertTrue(callable(getattr(module, "main", None)), tool)
            if tool.endswith("_model"):   # the test-graph writers take no options
                continue
            out = io.StringIO()
            with self.assertRaises(SystemExit) as e, contextlib.redirect_stdout(out):
                module.main(["--help"])
            self.assertEqual(0, e.exception.code, tool)
            self.assertIn("usage: python3 -m aoi_models." + tool, out.getvalue())

    def test_no_file_edits_sys_path(self):
        offenders = []
        for folder, _, files in os.walk(PYTHON_ROOT):
            for f in files:
                if f.endswith(".py") and f != os.path.basename(__file__):
                    with open(os.path.join(folder, f), encoding="utf-8") as fh:
                        text = fh.read()
                    if "sys.path.insert" in text or "sys.path.append" in text:
                        offenders.append(os.path.relpath(os.path.join(folder, f), PYTHON_ROOT))
        self.assertEqual([], offenders)


if __name__ == "__main__":
    unittest.main()
