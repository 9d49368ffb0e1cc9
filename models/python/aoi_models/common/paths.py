"""Where things are, from this package's location: the repository, models/python, its git-ignored work folder
and the model resources the Java runtime ships."""
import os

PYTHON_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REPO = os.path.dirname(os.path.dirname(PYTHON_ROOT))
WORK = os.path.join(PYTHON_ROOT, "work")
CHECKPOINTS = os.path.join(PYTHON_ROOT, "checkpoints")
MODEL_RESOURCES = os.path.join(REPO, "models", "src", "main", "resources", "io", "aoi", "models")
TEST_RESOURCES = os.path.join(REPO, "models", "src", "test", "resources", "io", "aoi", "models")
