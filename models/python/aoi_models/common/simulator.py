"""The project's Java panel simulator, run from Python through the development tools of plugin/tools: simulated ACF
panel crops (RenderPanels) for UDBD-Net and a tall sharp panel strip (RenderStrip) for the motion model. Both build
the tools' jar with Maven first (offline), from the repository root."""
import glob
import os
import subprocess

from .paths import REPO

TOOLS_JAR = os.path.join(REPO, "plugin/tools/target/aoi-tools.jar")


def build_tools_jar():
    """Builds the development tools' jar (TOOLS_JAR, with everything the tools need) and what it depends on."""
    subprocess.run(["mvn", "-B", "-o", "-q", "-pl", "plugin/tools", "-am", "-DskipTests", "package"], cwd=REPO,
                   check=True)


def ensure_panels(out_dir, count=300, size=256, seed=7, log=print, shear_deg=0.0):
    """Renders simulated ACF panel crops with the Java simulator if out_dir has none, their reliefs lit from
    shear_deg (degrees counter-clockwise from +x). Returns the PNG list (empty, with a log line, when the
    simulator is not in this checkout or fails)."""
    files = sorted(glob.glob(os.path.join(out_dir, "*.png")))
    if files:
        return files
    src = os.path.join(REPO, "plugin/tools/src/main/java/io/aoi/camera/sim/RenderPanels.java")
    if not os.path.isfile(src):
        log("panel simulator not in this checkout; training on photos only")
        return []
    os.makedirs(out_dir, exist_ok=True)
    try:
        build_tools_jar()
        subprocess.run(["java", "-jar", TOOLS_JAR, "RenderPanels", "--out", out_dir,
                        "--count", str(count), "--width", str(size), "--height", str(size),
                        "--seed", str(seed), "--shear-deg", str(shear_deg)], cwd=REPO, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        log("panel rendering failed (%s); training on photos only" % e)
        return []
    files = sorted(glob.glob(os.path.join(out_dir, "*.png")))
    log("rendered %d panel crops into %s" % (len(files), out_dir))
    return files


def render_strip(out, width, rows, seed, particles_per_bump=3):
    """Renders the sharp, noise-free panel strip (rows 0 .. rows-1) as a 16-bit PGM with the RenderStrip tool."""
    build_tools_jar()
    subprocess.run(["java", "-jar", TOOLS_JAR, "RenderStrip", "--out", os.path.abspath(out), "--width", str(width),
                    "--rows", str(rows), "--seed", str(seed), "--particles-per-bump", str(particles_per_bump)],
                   cwd=REPO, check=True)
